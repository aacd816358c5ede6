"""The old message table, (English, 中文) by key: being replaced by the gettext catalogues."""
# ruff: noqa: E501 (the transitional table; its N_ marks made some lines longer)

from __future__ import annotations

import enum
from typing import Self

from xingtu_sim.domain.text import N_
from xingtu_sim.i18n.languages import Lang, default_lang, parse_lang

LANGS: tuple[Lang, ...] = ("en", "zh-CN")


class LabelledEnum(enum.Enum):
    """Members written as (id, English label, Chinese label): the value is the id."""

    en: str
    zh: str

    def __new__(cls, member_id: str, en: str, zh: str) -> LabelledEnum:
        member = object.__new__(cls)
        member._value_ = member_id
        member.en, member.zh = en, zh
        return member

    def label(self, lang: Lang) -> str:
        return self.zh if lang == "zh-CN" else self.en

    @classmethod
    def from_label(cls, written: str) -> Self:
        """The member whose id or label, in either language, is `written` (case and _ do not matter)."""
        wanted = " ".join(written.replace("_", " ").split()).casefold()
        for member in cls:
            if wanted in {member.en.casefold(), member.zh, str(member.value).replace("_", " ")}:
                return member
        raise ValueError(written)


# key: (English, 中文). Placeholders are str.format fields, the same in both columns.
MESSAGES: dict[str, tuple[str, str]] = {
    # Refusals
    "refused.task": (
        N_('Refused: the {actor} cannot "{action}" task "{task}", which is {state}. Reason: {reason}.'),
        "操作被拒绝：{actor}无法对任务 “{task}”（{state}）执行“{action}”。原因：{reason}。",
    ),
    "refused.account": (
        N_("Refused: the creator cannot {action}. Reason: {reason}."),
        "操作被拒绝：达人无法{action}。原因：{reason}。",
    ),
    "refused.publish": (
        N_('Refused: brand "{brand}" cannot publish task "{task}". Reason: {reason}.'),
        "操作被拒绝：品牌方 “{brand}” 无法发布任务 “{task}”。原因：{reason}。",
    ),
    "refused.detail.terminal": (
        N_("The task has ended ({state}); it takes no more actions."),
        "任务已结束（{state}），不再接受任何操作。",
    ),
    "refused.detail.window_over": (
        N_("The {hours}-hour accept window closed at hour {deadline}."),
        "{hours} 小时的接受期限已于第 {deadline} 小时结束。",
    ),
    "refused.detail.window_open": (
        N_("The accept window is still open until hour {deadline}."),
        "接受期限到第 {deadline} 小时才结束。",
    ),
    "refused.detail.followers": (
        N_("{platform} needs {needed} followers; the creator has {followers}."),
        "{platform}需要 {needed} 粉丝，达人只有 {followers}。",
    ),
    "refused.detail.limit": (
        N_("The brand has used all {limit} change requests for this task."),
        "品牌方已用完本任务的 {limit} 次修改机会。",
    ),
    "refused.detail.already_open": (N_("Xingtu is already open."), "星图已经开通。"),
    "refused.detail.already_receiving": (N_("The creator is already receiving tasks."), "达人已在接收任务。"),
    "refused.detail.already_stopped": (N_("The creator has already stopped receiving tasks."), "达人已关闭接收任务。"),
    "refused.now": (N_("Possible now: {actions}."), "现在可以：{actions}。"),
    "refused.nothing_now": (N_("Nothing can be done with it now."), "现在无法对它进行任何操作。"),
    "list.separator": (N_(", "), "、"),
    "move": (N_("{action} ({actor})"), "{action}（{actor}）"),
    # Bad input
    "error.prefix": (N_("Error: "), "错误："),
    "error.usage_hint": (N_("Run with --help to see how to use it."), "用法有误：请加 --help 查看用法。"),
    "error.unknown_task": (N_('There is no task "{task}".'), "没有名为 “{task}” 的任务。"),
    "error.unknown_task.hint": (N_('Did you mean "{suggestion}"?'), "您是不是要找 “{suggestion}”？"),
    "error.unknown_task.known": (N_("Tasks: {tasks}."), "现有任务：{tasks}。"),
    "error.unknown_task.none": (N_("No task has been published yet."), "还没有发布任何任务。"),
    "error.unknown_trigger": (
        N_('"{trigger}" is not an action of the lifecycle; actions: {triggers}.'),
        "“{trigger}” 不是任务流程中的操作；可用操作：{triggers}。",
    ),
    "error.unreachable": (
        N_("A task in {start} cannot reach {goal}."),
        "处于“{start}”的任务无法到达“{goal}”。",
    ),
    "error.duplicate_task": (
        N_('A task named "{task}" already exists; task names are unique per creator.'),
        "已存在名为 “{task}” 的任务；同一达人的任务名称不能重复。",
    ),
    "error.amount": (
        N_('"{amount}" is not an amount in yuan (zero or more, at most two decimals, e.g. 10.50).'),
        "“{amount}” 不是有效的金额（以元为单位，零或正数，最多两位小数，例如 10.50）。",
    ),
    "error.hours": (
        N_('"{hours}" is not a number of hours (a whole number, zero or more).'),
        "“{hours}” 不是有效的小时数（零或正整数）。",
    ),
    "error.followers": (
        N_('"{followers}" is not a follower count (a whole number, zero or more).'),
        "“{followers}” 不是有效的粉丝数（零或正整数）。",
    ),
    "error.platform": (
        N_('"{platform}" is not a platform; use one of: {platforms}.'),
        "“{platform}” 不是有效的平台，可选：{platforms}。",
    ),
    # Scenarios: steps that do not hold, and what an action did
    "step.no_creator": (
        N_('There is no creator yet: start the scenario with "Given a creator with 150000 followers".'),
        "还没有达人：请先写“假如一位拥有 150000 粉丝的达人”。",
    ),
    "step.setup_refused": (N_("The set-up could not be done.\n{refusal}"), "无法完成前提设置。\n{refusal}"),
    "step.expected_actual": (N_("expected: {expected}\nactual:   {actual}"), "预期：{expected}\n实际：{actual}"),
    "step.unknown_state": (
        N_('There is no state "{label}". States: {states}.'),
        "没有名为 “{label}” 的状态。可用状态：{states}。",
    ),
    "step.unknown_reason": (
        N_('There is no refusal reason "{label}". Reasons: {reasons}.'),
        "没有名为 “{label}” 的拒绝原因。可用原因：{reasons}。",
    ),
    "step.no_action": (
        N_("No action has been taken yet, so none can have been refused."),
        "还没有执行任何操作，因此没有操作被拒绝。",
    ),
    "step.not_refused": (
        N_("The last action was not refused: {action} → {outcome}"),
        "上一个操作并未被拒绝：{action} → {outcome}",
    ),
    "step.unchecked_refusal": (
        N_('A refused action was never checked: "{step}". Add "Then the action is refused" after it.\n{refusal}'),
        "有一个被拒绝的操作没有被检查：“{step}”。请在其后加上“那么操作被拒绝”。\n{refusal}",
    ),
    "step.no_baseline": (
        N_("There is nothing to compare with: the account is remembered after the last Given step."),
        "没有可比较的账户：账户状态在最后一个“假如”步骤之后记录。",
    ),
    "step.no_fee_yet": (N_("no fee yet ({task})"), "尚未收取服务费（{task}）"),
    "step.pending": (N_("{count} pending: {tasks}"), "{count} 个待接收：{tasks}"),
    "step.task_state": (N_('task "{task}" is {state}'), "任务 “{task}” 处于 {state}"),
    "step.yuan": (N_("{amount} yuan"), "{amount} 元"),
    "step.open": (N_("Xingtu open"), "星图已开通"),
    "step.not_open": (N_("Xingtu not open"), "星图未开通"),
    "step.receiving": (N_("receiving tasks"), "接收任务中"),
    "step.not_receiving": (N_("not receiving tasks"), "未接收任务"),
    "step.account": (
        N_("{open}, {receiving}, balance {balance} yuan, {breaches} breaches"),
        "{open}，{receiving}，余额 {balance} 元，违约 {breaches} 次",
    ),
    "outcome.account": (N_("account: {account}"), "账户：{account}"),
    "outcome.refused": (N_("refused: {reason}"), "被拒绝：{reason}"),
    "outcome.time": (N_("hour {hour}; lapsed: {lapsed}"), "第 {hour} 小时；失效：{lapsed}"),
    "error.count": (N_('"{count}" is not a whole number.'), "“{count}” 不是整数。"),
    # Feature files
    "run.no_such_path": (N_("{path}: no such file or folder."), "{path}：文件或文件夹不存在。"),
    "run.empty_folder": (N_("{path}: the folder holds no .feature file."), "{path}：文件夹中没有 .feature 文件。"),
    "run.empty_file": (N_("{path}: the file is empty."), "{path}：文件是空的。"),
    "run.no_feature": (
        N_("{path}: no 'Feature:' line (or '功能:' after '# language: zh-CN')."),
        "{path}：没有“功能:”行（中文文件需先写“# language: zh-CN”）。",
    ),
    "run.no_scenarios": (N_("{path}:{line}: the feature holds no scenario."), "{path}:{line}：该功能中没有任何场景。"),
    "run.wrong_kind": (
        N_("this phrasing is not a {keyword} step; write it after {keywords}."),
        "这个说法不能用在“{keyword}”之后；请写在“{keywords}”之后。",
    ),
    "run.undefined_no_hint": (
        N_("no phrasing of the vocabulary is close; see `xingtu-sim steps`."),
        "词汇表中没有相近的说法；请查看 `xingtu-sim steps`。",
    ),
    "run.undefined_hint": (
        N_("undefined step; nearest phrasing: {phrasing}"),
        "未定义的步骤；最接近的说法：{phrasing}",
    ),
    "run.scenario_end": (N_("at the end of the scenario"), "场景结束时"),
    "run.failed_scenarios": (N_("Failed scenarios:"), "失败的场景："),
    "run.summary": (
        N_("{total} scenarios: {passed} passed, {failed} failed"),
        "共 {total} 个场景：{passed} 个通过，{failed} 个失败",
    ),
    "run.summary_undefined": (
        N_("{undefined} of the failed scenarios have undefined steps (see `xingtu-sim steps`)."),
        "其中 {undefined} 个失败的场景含有未定义的步骤（见 `xingtu-sim steps`）。",
    ),
    "run.report_written": (N_("{format} report written to {path}"), "{format} 报告已写入 {path}"),
    "run.dry_problem": (N_("{path}:{line}: {step}"), "{path}:{line}：{step}"),
    "run.dry_summary": (
        N_("{checked} steps checked against the vocabulary, {problems} with problems."),
        "已对照词汇表检查 {checked} 个步骤，其中 {problems} 个有问题。",
    ),
    # Lessons and practice
    "lesson.not_tagged": (
        "{path}:{line}: not a lesson: a lesson's feature is tagged @lesson.",
        "{path}:{line}：不是课程：课程的“功能”需要加上标签 @lesson。",
    ),
    "lesson.one_scenario": (
        "{path}:{line}: a lesson has exactly one scenario (a Scenario, not a Scenario Outline).",
        "{path}:{line}：一节课只能有一个场景（“场景”，不能是“场景大纲”）。",
    ),
    "lesson.when_step": (
        '{path}:{line}: a lesson has no When steps, the trainee makes the moves: "{step}". Make it a Given step '
        "(set-up) or leave it to the trainee.",
        "{path}:{line}：课程中不能有“当”步骤，操作由学员完成：“{step}”。请改成“假如”步骤（前提设置），或留给学员去做。",
    ),
    "lesson.no_goal": (
        "{path}:{line}: the lesson has no Then step; its Then steps are the goal the trainee reaches.",
        "{path}:{line}：课程没有“那么”步骤；“那么”步骤就是学员要达成的目标。",
    ),
    "practice.free_title": ("Free practice", "自由练习"),
    # The step vocabulary
    "steps.title": (
        N_(
            "Step vocabulary: write these after Given / When / Then (And / But continue the one before).\n"
            "A Chinese feature file starts with the line: # language: zh-CN"
        ),
        "步骤词汇表：写在“假如 / 当 / 那么”之后（“而且 / 但是”延续上一个）。\n"
        "中文场景文件的第一行写：# language: zh-CN",
    ),
    "steps.given": (N_("Given: set-up"), "假如：前提设置"),
    "steps.when": (
        N_("When: actions (a refused action is remembered for a Then step)"),
        "当：操作（被拒绝的操作会留给“那么”步骤检查）",
    ),
    "steps.then": (N_("Then: checks"), "那么：检查"),
    "steps.states": (N_("States {{state}}: {states}."), "状态 {{state}}：{states}。"),
    "steps.reasons": (N_("Reasons {{reason}}: {reasons}."), "拒绝原因 {{reason}}：{reasons}。"),
    "steps.platforms": (N_("Platforms {{platform}}: {platforms}."), "平台 {{platform}}：{platforms}。"),
    # Generated scenarios and coverage
    "generate.title": (N_("Every move of the task lifecycle (generated)"), "任务生命周期的每一步（自动生成）"),
    "generate.description": (
        N_(
            "Derived from the lifecycle table by `xingtu-sim generate`: for every transition, the shortest\n"
            "path from a freshly published task through it, then one scenario for each way a task can end.\n"
            "Regenerate it rather than editing it."
        ),
        "由 `xingtu-sim generate` 根据生命周期表生成：对每一个状态转换，给出从新发布的任务出发、\n"
        "经过该转换的最短路径；再为任务的每一种结局各写一个场景。请重新生成，不要手工修改。",
    ),
    "generate.move": (N_("{move} ({actor}): {source} → {dest}"), "{move}（{actor}）：{source} → {dest}"),
    "generate.ending": (N_("a task that ends {state}"), "任务以“{state}”结束"),
    "generate.task": (N_("Sample task"), "示例任务"),
    "generate.brand": (N_("Sample brand"), "示例品牌"),
    "generate.keyword.feature": (N_("Feature"), "功能"),
    "generate.keyword.scenario": (N_("Scenario"), "场景"),
    "generate.keyword.and": (N_("And"), "而且"),
    "generate.written": (N_("Wrote {path} ({count} scenarios)."), "已写入 {path}（{count} 个场景）。"),
    "coverage.states": (
        N_("States:      {covered}/{total} ({percent:.0f}%)"),
        "状态：    {covered}/{total}（{percent:.0f}%）",
    ),
    "coverage.transitions": (
        N_("Transitions: {covered}/{total} ({percent:.0f}%)"),
        "状态转换：{covered}/{total}（{percent:.0f}%）",
    ),
    "coverage.refused": (
        N_("Refusals exercised: {count} (state, action) pairs"),
        "检查过的拒绝：{count} 个（状态，操作）组合",
    ),
    "coverage.missing": (
        N_("Not covered, with the fewest moves that reach it:"),
        "未覆盖的部分，以及到达它的最少操作：",
    ),
    "coverage.missing_state": (N_("state {state}"), "状态 {state}"),
    "coverage.missing_edge": (N_("{source} --{move}--> {dest}"), "{source} —{move}→ {dest}"),
    "coverage.all_covered": (N_("Every state and transition is covered."), "所有状态和状态转换都已覆盖。"),
    "coverage.failed_scenarios": (
        N_("{failed} scenarios failed; coverage counts what they did before failing."),
        "{failed} 个场景失败；覆盖率只统计它们失败之前做过的操作。",
    ),
    "coverage.under": (
        "Transition coverage {percent:.1f}% is under --fail-under {limit:g}%.",
        "状态转换覆盖率 {percent:.1f}% 低于 --fail-under {limit:g}%。",
    ),
    # Files
    "file.missing": (N_("no such file or folder"), "文件或文件夹不存在"),
    "file.is_folder": (N_("it is a folder, not a file"), "这是一个文件夹，不是文件"),
    "file.no_permission": (N_("permission denied"), "没有读取权限"),
    "file.os_error": (N_("{error}"), "{error}"),
    "file.cannot_write": (N_("Cannot write {path}: {reason}."), "无法写入 {path}：{reason}。"),
    # Rules
    "rules.comment.header": (
        N_("Rules in force. Save this to a file, change any value, and pass it with --rules FILE."),
        "当前生效的规则。可保存为文件并修改任意值，再用 --rules FILE 传入。",
    ),
    "rules.comment.accept_window_hours": (
        N_("hours to accept before a task lapses"),
        "任务在多少小时内未接受即失效",
    ),
    "rules.comment.script_change_limit": (
        N_("script change requests a brand may make per task"),
        "每个任务品牌方可要求修改脚本的次数",
    ),
    "rules.comment.video_change_limit": (
        N_("video change requests a brand may make per task"),
        "每个任务品牌方可要求修改视频的次数",
    ),
    "rules.comment.service_fee_percent": (
        N_("platform service fee on the task price, in percent (illustrative)"),
        "平台按任务报酬收取的服务费百分比（示意值）",
    ),
    "rules.comment.followers_to_open": (
        N_("followers needed to open Xingtu, per platform"),
        "各平台开通星图所需的粉丝数",
    ),
    # Diagram
    "diagram.title": (N_("The task lifecycle"), "任务生命周期"),
    "diagram.generated": (
        N_("Generated by `xingtu-sim diagram` from the lifecycle table; edit the table, not this drawing."),
        "由 `xingtu-sim diagram` 根据生命周期表生成；请修改表，而不是这张图。",
    ),
    "diagram.written": (N_("Wrote the diagram to {path}."), "已将流程图写入 {path}。"),
    "diagram.no_graphviz": (
        N_(
            "Drawing {format} needs Graphviz's `dot` program, which is not installed. Install Graphviz "
            "(Debian/Ubuntu: apt install graphviz fonts-noto-cjk; macOS: brew install graphviz; "
            "Windows: https://graphviz.org/download/), or use --format mermaid or --format dot, which need nothing else."
        ),
        "生成 {format} 需要 Graphviz 的 `dot` 程序，但它尚未安装。请安装 Graphviz"
        "（Debian/Ubuntu：apt install graphviz fonts-noto-cjk；macOS：brew install graphviz；"
        "Windows：https://graphviz.org/download/），或改用无需其他安装的 --format mermaid 或 --format dot。",
    ),
    "diagram.graphviz_failed": (N_("Graphviz could not draw the diagram: {error}"), "Graphviz 无法绘制流程图：{error}"),
    "diagram.binary_to_terminal": (
        N_("A PNG picture cannot be shown in a terminal; write it to a file with --output lifecycle.png."),
        "PNG 图片无法在终端中显示；请用 --output lifecycle.png 写入文件。",
    ),
    "diagram.no_folder": (N_("its folder does not exist"), "所在文件夹不存在"),
    # Sandbox
    "sandbox.foreign": (
        N_(
            "{path} is another application's SQLite database, not a xingtu-sim sandbox; it was left untouched. "
            "Choose another file with --db."
        ),
        "{path} 是其他程序的 SQLite 数据库，不是 xingtu-sim 练习沙盒；文件未作任何改动。请用 --db 选择其他文件。",
    ),
    "sandbox.not_sqlite": (N_("not an SQLite database"), "不是 SQLite 数据库"),
    "sandbox.no_account": (
        N_("There is no practice account {account} in {path}."),
        "{path} 中没有练习账户 {account}。",
    ),
    "sandbox.no_folder": (
        N_(
            "Cannot create the sandbox {path}: the folder {folder} does not exist. Create it first, or choose another "
            "file with --db."
        ),
        "无法创建练习沙盒 {path}：文件夹 {folder} 不存在。请先创建它，或用 --db 选择其他文件。",
    ),
    "sandbox.made_folder": (N_("Made the folder {folder} for the sandbox."), "已为练习沙盒新建文件夹 {folder}。"),
    "sandbox.rules_changed": (
        N_(
            "The sandbox keeps these rules from now on; tasks already published keep the rules they were published under."
        ),
        "沙盒此后沿用这些规则；已发布的任务仍按发布时的规则执行。",
    ),
    "sandbox.rules": (
        "accept within {hours} hours, {script} script and {video} video change requests, {fee}% service fee",
        "须在 {hours} 小时内接受，脚本可修改 {script} 次、视频可修改 {video} 次，平台服务费 {fee}%",
    ),
    "sandbox.newer": (
        N_(
            "{path} was written by a newer xingtu-sim (sandbox format {found}; this version reads up to {supported}); "
            "it was left untouched. Upgrade xingtu-sim to use it."
        ),
        "{path} 由更新版本的 xingtu-sim 写入（沙盒格式 {found}，当前版本最高支持 {supported}）；文件未作任何改动。"
        "请升级 xingtu-sim 后再使用。",
    ),
    "sandbox.unreadable": (N_("Cannot open the sandbox {path}: {error}"), "无法打开练习沙盒 {path}：{error}"),
    "sandbox.busy": (
        N_("The sandbox {path} is busy: another command held it for {seconds} seconds. Try again."),
        "练习沙盒 {path} 正被其他命令占用（已等待 {seconds} 秒），请稍后重试。",
    ),
    "sandbox.duration": (
        N_('"{duration}" is not a duration; write days and hours, e.g. 25h, 2d or 1d12h.'),
        "“{duration}” 不是有效的时长；请写天数和小时数，例如 25h、2d、1d12h（或 2天、1天12小时）。",
    ),
    "sandbox.too_large": (
        N_("A number is too large for the sandbox to keep; nothing was changed."),
        "数值过大，练习沙盒无法保存；未作任何改动。",
    ),
    "sandbox.unknown_trigger": (
        N_('"{trigger}" is not an action of the lifecycle.'),
        "“{trigger}” 不是任务流程中的操作。",
    ),
    "sandbox.triggers": (N_("Actions: {triggers}."), "可用操作：{triggers}。"),
    "sandbox.created": (
        N_("New sandbox in {path}: a {platform} creator with {followers} followers; Xingtu is not open yet."),
        "已在 {path} 新建练习沙盒：一位拥有 {followers} 粉丝的{platform}达人，尚未开通星图。",
    ),
    "sandbox.reset": (
        N_(
            "The sandbox starts over: a {platform} creator with {followers} followers, Xingtu not open, no tasks, hour 0."
        ),
        "练习沙盒已重置：一位拥有 {followers} 粉丝的{platform}达人，未开通星图，没有任务，时间回到第 0 小时。",
    ),
    "sandbox.next": (N_("Next: {command}"), "下一步：{command}"),
    "sandbox.opened": (N_("Xingtu is open; the creator is receiving tasks."), "星图已开通，达人开始接收任务。"),
    "sandbox.stopped": (
        N_("The creator stopped receiving tasks; brands cannot publish new ones until it resumes."),
        "达人已关闭接收任务；重新开启前，品牌方无法发布新任务。",
    ),
    "sandbox.resumed": (N_("The creator is receiving tasks again."), "达人已重新开启接收任务。"),
    "sandbox.published": (
        N_('Brand "{brand}" published task "{task}" paying {price} yuan: {state}.'),
        "品牌方 “{brand}” 发布了任务 “{task}”，报酬 {price} 元：{state}。",
    ),
    "sandbox.accept_by": (
        N_("The creator may accept it until hour {deadline}; left alone, it then lapses with no consequence."),
        "达人可在第 {deadline} 小时前接受；若不处理，届时任务失效，没有任何后果。",
    ),
    "sandbox.moved": (
        N_('{actor}: {action}. Task "{task}": {source} → {dest}.'),
        "{actor}：{action}。任务 “{task}”：{source} → {dest}。",
    ),
    "sandbox.state_now": (N_("Now {state}: the {mover}'s move."), "当前状态：{state}，轮到{mover}操作。"),
    "sandbox.ended": (N_("Now {state}: the task has ended."), "当前状态：{state}，任务已结束。"),
    "sandbox.move": (N_("{trigger} ({action}, {actor})"), "{trigger}（{action}，{actor}）"),
    "sandbox.paid": (
        N_("Paid {net} yuan to the creator (price {price} − fee {fee}); balance {balance} yuan."),
        "达人实得 {net} 元（报酬 {price} 元 − 服务费 {fee} 元）；余额 {balance} 元。",
    ),
    "sandbox.breach": (
        N_("Cancelled after accepting: a breach; the creator now has {breaches}."),
        "接受后取消，记一次违约；达人现有 {breaches} 次违约记录。",
    ),
    "sandbox.waited": (N_("{hours} hours pass; it is now {clock}."), "过了 {hours} 小时，现在是{clock}。"),
    "sandbox.lapsed": (
        N_('Lapsed at hour {time}: "{task}" ({source} → {dest}); the account is untouched.'),
        "第 {time} 小时失效：“{task}”（{source} → {dest}），账户不受影响。",
    ),
    "sandbox.none_lapsed": (N_("No task lapsed."), "没有任务失效。"),
    "sandbox.clock": (N_("hour {hour} (day {day}, {time})"), "第 {hour} 小时（第 {day} 天 {time}）"),
    "sandbox.inbox.summary": (
        N_("{count} tasks, {pending} awaiting the creator's decision; it is {clock}."),
        "共 {count} 个任务，其中 {pending} 个待达人决定；现在是{clock}。",
    ),
    "sandbox.col.task": (N_("Task"), "任务"),
    "sandbox.col.brand": (N_("Brand"), "品牌方"),
    "sandbox.col.price": (N_("Price (yuan)"), "报酬（元）"),
    "sandbox.col.state": (N_("State"), "状态"),
    "sandbox.col.hours_left": (N_("Hours left"), "剩余小时"),
    "sandbox.col.next": (N_("Next move by"), "下一步操作方"),
    "sandbox.col.hour": (N_("Hour"), "小时"),
    "sandbox.col.action": (N_("Action"), "操作"),
    "sandbox.col.trigger": (N_("Trigger"), "操作代码"),
    "sandbox.col.from": (N_("From"), "从"),
    "sandbox.col.to": (N_("To"), "到"),
    "sandbox.col.by": (N_("By"), "操作方"),
    "sandbox.show.title": (
        N_('Task "{task}" from brand "{brand}", paying {price} yuan.'),
        "任务 “{task}”，品牌方 “{brand}”，报酬 {price} 元。",
    ),
    "sandbox.show.published": (N_("Published at hour {hour}."), "发布于第 {hour} 小时。"),
    "sandbox.show.requirements": (N_("Requirements: {requirements}"), "需求：{requirements}"),
    "sandbox.show.no_requirements": (N_("(none given)"), "（未填写）"),
    "sandbox.show.deadline": (
        N_("Published at hour {hour}; accept before hour {deadline} ({left} hours left)."),
        "发布于第 {hour} 小时；须在第 {deadline} 小时前接受（剩余 {left} 小时）。",
    ),
    "sandbox.show.changes": (
        N_("Change requests used: script {script} of {script_limit}, video {video} of {video_limit}."),
        "已用修改次数：脚本 {script}/{script_limit}，视频 {video}/{video_limit}。",
    ),
    "sandbox.show.fee": (
        N_("Service fee {fee} yuan; the creator was paid {net} yuan."),
        "平台服务费 {fee} 元；达人实得 {net} 元。",
    ),
    "sandbox.show.rules": (N_("Published under these rules: {rules}."), "发布时的规则：{rules}。"),
    "sandbox.show.possible": (N_("Possible now:"), "现在可以："),
    "sandbox.show.history": (N_("History:"), "历史记录："),
    "sandbox.show.no_history": (N_("(no moves yet)"), "（尚无操作）"),
    "sandbox.account.platform": (N_("Platform"), "平台"),
    "sandbox.account.followers": (N_("Followers"), "粉丝数"),
    "sandbox.account.xingtu": (N_("Xingtu"), "星图"),
    "sandbox.account.receiving": (N_("Receiving tasks"), "接收任务"),
    "sandbox.account.balance": (N_("Balance"), "余额"),
    "sandbox.account.breaches": (N_("Breaches"), "违约次数"),
    "sandbox.account.clock": (N_("Clock"), "时间"),
    "sandbox.account.tasks": (N_("Tasks"), "任务"),
    "sandbox.account.rules": (N_("Rules in force"), "现行规则"),
    "sandbox.account.file": (N_("Sandbox file"), "沙盒文件"),
    "sandbox.followers_value": (
        N_("{followers} ({platform} needs {needed} to open Xingtu)"),
        "{followers}（{platform}开通星图需要 {needed}）",
    ),
    "sandbox.open": (N_("open"), "已开通"),
    "sandbox.not_open": (N_("not open"), "未开通"),
    "sandbox.yes": (N_("yes"), "是"),
    "sandbox.no": (N_("no"), "否"),
    "sandbox.yuan": (N_("{amount} yuan"), "{amount} 元"),
    "sandbox.tasks_value": (N_("{count} ({pending} awaiting decision)"), "{count}（{pending} 个待决定）"),
    # Tour
    "tour.sample.task": (N_("Summer drink launch"), "夏日新品推广"),
    "tour.sample.brand": (N_("Qingfeng Tea"), "清风茶饮"),
    "tour.sample.requirements": (
        N_("a 30 to 60 second vertical video featuring the new summer drink; the script goes to the brand first"),
        "30 到 60 秒竖屏视频，突出夏季新品饮料；脚本需先交品牌方确认",
    ),
    "tour.welcome": (
        N_(
            "Welcome to the Xingtu tour (星图新手导览). Douyin Xingtu (抖音星图) is Douyin's official platform for "
            "ad tasks: brands, MCN agencies and stars publish ad tasks there, and creators who have joined take "
            "them on. You will walk one task from the moment it arrives to the moment you are paid."
        ),
        "欢迎来到星图新手导览。抖音星图是官方推广任务平台，品牌主、MCN公司以及明星达人可以在这里发布广告任务，"
        "成功入驻的达人可以接单。接下来你将带着一个任务，从收到任务一直走到拿到报酬。",
    ),
    "tour.how_to_choose": (
        N_("Type the number of a move and press Enter; q quits."),
        "输入操作前的数字并按回车；输入 q 退出。",
    ),
    "tour.stage.title": (N_("Stage: {stage}"), "阶段：{stage}"),
    "tour.stage.title.account": (N_("opening Xingtu"), "开通星图"),
    "tour.stage.account": (
        N_(
            "To take paid tasks you first open Xingtu (开通星图): brands and advertisers publish their tasks in "
            "Xingtu. Brands look for {platform} accounts with at least {needed} followers; yours has {followers}. "
            "Opening it commits you to nothing: if you never take a task, nothing happens (没有什么后果)."
        ),
        "想接任务赚钱，先要开通星图：商家和广告主会在抖音星图里面发布任务。{platform}账号要求粉丝数量{needed}"
        "及以上；你的账号有{followers}粉丝。开通后不接单没有什么后果，开通后也可以不管。",
    ),
    "tour.stage.pending_receipt": (
        N_(
            "To take tasks, log in to Xingtu with a browser: under the task overview (任务概览) the task appears "
            "among the pending tasks (待接收任务). Nothing obliges you to take it: not accepting has no consequence "
            "(没有什么后果). A task nobody accepts within {hours} hours lapses, with no penalty on either side."
        ),
        "接任务的话要打开并使用浏览器登录星图，任务概览下就会出现“待接收任务”。你没有义务接：不接单没有什么后果。"
        "{hours} 小时内没有接受的任务会自动失效，双方都不受任何处罚。",
    ),
    "tour.stage.viewing_details": (
        "You clicked the task title to see its details (点击任务标题查看任务详情): here you see the advertiser's "
        "main requirements (广告主的主要需求). Weigh them against your own situation and decide whether to accept.\n"
        "Brand: {brand}. Task: {task}. Requirements: {requirements}.\n"
        "Pay: {price} yuan, of which the platform keeps a {percent}% service fee ({fee} yuan), so {net} yuan "
        "comes to you. Decide before hour {deadline}.",
        "点击任务标题查看任务详情，可以看到广告主的主要需求，结合自身情况确定是不是接受任务。\n"
        "品牌方：{brand}。任务：{task}。要求：{requirements}。\n"
        "报酬：{price} 元，其中平台收取 {percent}% 的服务费（{fee} 元），你实得 {net} 元。"
        "请在第 {deadline} 小时前决定。",
    ),
    "tour.stage.accepted": (
        N_(
            "By accepting you committed to the task: you make the script (脚本) and the video (视频) as its "
            "requirements say, publish the video, and the task is complete once it passes review (审核). "
            "From now on, cancelling earns nothing and counts against you as a breach."
        ),
        "接受任务后，就要根据任务要求对脚本、视频开始制作，完成视频发布并审核通过，才算完成一项任务。"
        "从现在起取消任务没有报酬，还会记一次违约。",
    ),
    "tour.stage.scripting": (
        N_(
            "Write the script (脚本) to the task's requirements, then submit it: the brand checks the script "
            "before you shoot."
        ),
        "根据任务要求撰写脚本，然后提交：开拍之前品牌方要先确认脚本。",
    ),
    "tour.stage.script_review": (
        N_(
            "The brand is checking your script. It may approve it, or ask for changes: at most {script_limit} "
            "times for this task ({script_used} used so far)."
        ),
        "品牌方正在确认你的脚本。它可以通过，也可以要求修改：本任务最多 {script_limit} 次（已用 {script_used} 次）。",
    ),
    "tour.stage.producing": (
        N_("Produce the video (视频) as the task requires, then upload it for the brand to confirm."),
        "根据任务要求制作视频，然后上传，交给品牌方确认。",
    ),
    "tour.stage.video_review": (
        N_(
            "The brand is checking your video. It may confirm it, or ask for changes: at most {video_limit} "
            "times for this task ({video_used} used so far)."
        ),
        "品牌方正在确认你的视频。它可以确认，也可以要求修改：本任务最多 {video_limit} 次（已用 {video_used} 次）。",
    ),
    "tour.stage.publishing": (
        N_("The brand confirmed the video. Now publish it on your account (视频发布)."),
        "品牌方已确认视频。现在在你的账号上发布视频。",
    ),
    "tour.stage.in_review": (
        "The platform is reviewing the published video (审核). Once the review passes, the task is complete "
        "and you are paid: the platform takes its service fee (服务费), {percent}% of {price} yuan = {fee} "
        "yuan, and {net} yuan goes to your balance. If the review fails, the video must be redone.",
        "平台正在审核已发布的视频。审核通过即完成一项任务，报酬到账：平台收取服务费，{price} 元的 {percent}% "
        "即 {fee} 元，{net} 元进入你的余额。审核不通过的话，视频需要重做。",
    ),
    "tour.stage.completed": (
        N_(
            "The review passed: the task is complete. The platform kept its service fee of {fee} yuan; {net} yuan "
            "went to your balance."
        ),
        "审核通过，任务完成。平台收取了 {fee} 元服务费，{net} 元已进入你的余额。",
    ),
    "tour.stage.declined": (
        N_("You declined the task. Nothing happens to your account: not accepting has no consequence (没有什么后果)."),
        "你拒绝了这个任务。账户不受任何影响：不接单没有什么后果。",
    ),
    "tour.stage.expired": (
        N_(
            "Nobody accepted the task within {hours} hours, so it lapsed. No penalty on either side: your account "
            "is exactly as it was (没有什么后果)."
        ),
        "{hours} 小时内没有接受，任务已失效。双方都不受处罚：你的账户和之前完全一样，没有什么后果。",
    ),
    "tour.stage.cancelled": (
        N_("You cancelled after accepting: no pay for this task, and the cancellation counts as a breach."),
        "你在接受后取消了任务：这个任务没有报酬，而且记一次违约。",
    ),
    "tour.after.close": (
        N_("You closed the details and are back at the task list, still undecided."),
        "你关闭了详情，回到任务列表，仍未决定。",
    ),
    "tour.after.request_script_changes": (
        N_("The brand asked for changes to the script: revise it and submit it again."),
        "品牌方要求修改脚本：改好后再次提交。",
    ),
    "tour.after.request_video_changes": (
        N_("The brand asked for changes to the video: rework it and upload it again."),
        "品牌方要求修改视频：改好后重新上传。",
    ),
    "tour.after.fail_review": (
        N_("The platform's review failed: the video must be redone, and the brand confirms it again."),
        "平台审核未通过：视频需要重做，并再次由品牌方确认。",
    ),
    "tour.where": (N_("Where the task is on the main path:"), "任务在主流程中的位置："),
    "tour.off_path": (N_("It left the main path and ended: {state}."), "任务已离开主流程并结束：{state}。"),
    "tour.whose_move": (N_("Whose move: {actor}."), "轮到：{actor}。"),
    "tour.whose_move.other": (
        N_("Whose move: {actor}. You choose for the {actor}, to see what it may do."),
        "轮到：{actor}。由你替{actor}做选择，看看它可以怎么做。",
    ),
    "tour.menu.title": (N_("What happens next?"), "接下来做什么？"),
    "tour.menu.move": (N_("{actor}: {action}"), "{actor}：{action}"),
    "tour.menu.wait": (N_("do nothing and let {hours} hours pass"), "什么都不做，等 {hours} 小时"),
    "tour.menu.not_now": (N_("{move} (not possible now)"), "{move}（现在不可以）"),
    "tour.menu.quit": (N_("quit the tour"), "退出导览"),
    "tour.prompt": (N_("Your choice ({choices}, q to quit): "), "请选择（{choices}，q 退出）："),
    "tour.invalid": (
        N_('"{choice}" is not on the menu: type {choices}, or q to quit.'),
        "“{choice}” 不在菜单中：请输入 {choices}，或输入 q 退出。",
    ),
    "tour.range": (N_("a number from 1 to {last}"), "1 到 {last} 之间的数字"),
    "tour.refused.unchanged": (N_("Nothing changed; the tour goes on."), "什么都没有改变；导览继续。"),
    "tour.opened": (N_("Xingtu is open and you are receiving tasks."), "星图已开通，你正在接收任务。"),
    "tour.published": (
        N_('Brand "{brand}" publishes the task "{task}" paying {price} yuan.'),
        "品牌方 “{brand}” 发布了任务 “{task}”，报酬 {price} 元。",
    ),
    "tour.moved": (N_("{actor}: {action}. The task is now {state}."), "{actor}：{action}。任务现在处于“{state}”。"),
    "tour.waited": (N_("{hours} hours pass and you do nothing."), "过了 {hours} 小时，你什么都没做。"),
    "tour.account.unchanged": (
        N_(
            "Account before: balance {balance_before} yuan, breaches {breaches_before}.\n"
            "Account after:  balance {balance_after} yuan, breaches {breaches_after}. Unchanged."
        ),
        "之前的账户：余额 {balance_before} 元，违约 {breaches_before} 次。\n"
        "之后的账户：余额 {balance_after} 元，违约 {breaches_after} 次。没有任何变化。",
    ),
    "tour.account.changed": (
        N_(
            "Account before: balance {balance_before} yuan, breaches {breaches_before}.\n"
            "Account after:  balance {balance_after} yuan, breaches {breaches_after}."
        ),
        "之前的账户：余额 {balance_before} 元，违约 {breaches_before} 次。\n"
        "之后的账户：余额 {balance_after} 元，违约 {breaches_after} 次。",
    ),
    "tour.summary.title": (N_("Summary"), "总结"),
    "tour.summary.nothing": (N_("No moves were made."), "还没有进行任何操作。"),
    "tour.summary.moves": (N_("The path you took:"), "你走过的路径："),
    "tour.summary.step": (N_("  {step}. {move}"), "  {step}. {move}"),
    "tour.summary.step.task": (N_("  {step}. {move} ({source} → {dest})"), "  {step}. {move}（{source} → {dest}）"),
    "tour.summary.step.later": (
        N_("  {step}. hour {hour} · {move} ({source} → {dest})"),
        "  {step}. 第 {hour} 小时 · {move}（{source} → {dest}）",
    ),
    "tour.publish": (N_('publish the task "{task}" ({price} yuan)'), "发布任务 “{task}”（{price} 元）"),
    "tour.summary.final": (N_("Final state: {state}."), "最终状态：{state}。"),
    "tour.summary.stopped": (N_("Stopped at: {state} (the task is not finished)."), "停在：{state}（任务尚未结束）。"),
    "tour.summary.pay": (
        N_("Price {price} yuan − service fee {fee} yuan ({percent}%) = net pay {net} yuan."),
        "报酬 {price} 元 − 服务费 {fee} 元（{percent}%）= 实得 {net} 元。",
    ),
    "tour.summary.refused": (
        N_("Refused tries: {count} (none of them changed anything)."),
        "被拒绝的尝试：{count} 次（都没有改变任何东西）。",
    ),
    "tour.bye": (
        N_("End of the tour. Run it again to walk another path: xingtu-sim tour"),
        "导览结束。再运行一次可以走另一条路径：xingtu-sim tour",
    ),
    "tour.quit": (N_("You left the tour."), "你已退出导览。"),
    "tour.eof": (N_("End of input: the tour stops here."), "输入已结束：导览到此为止。"),
    # Simulate
    "policy.comment.header": (
        N_("Behaviour policy for `xingtu-sim simulate`. Save it, change any part, pass it with --policy FILE."),
        "`xingtu-sim simulate` 的行为策略。可保存并修改任意部分，再用 --policy FILE 传入。",
    ),
    "policy.comment.hours": (
        N_(
            "Per move: its probability in its state (a state's moves add up to 1) and hours = [low, high], "
            "the hours it takes, picked evenly; a task still undecided when its accept window runs out lapses."
        ),
        "每个操作：在该状态下的概率（同一状态各操作之和为 1）和耗时 hours = [下限, 上限]（整小时，均匀抽取）；"
        "接受期限到时仍未决定的任务自动失效。",
    ),
    "policy.comment.max_steps": (
        N_("moves a task may make; a task still moving after that counts as unfinished"),
        "每个任务最多的操作步数；超过后仍未结束的任务计为“未完成”",
    ),
    "policy.comment.prices": (
        N_("what tasks pay: prices in yuan and the probability of each"),
        "任务报酬：各价格（元）及其概率",
    ),
    "simulate.title": (
        N_("Simulated {orders} tasks (seed {seed}, {engine})."),
        "共模拟 {orders} 个任务（种子 {seed}，{engine}）。",
    ),
    "simulate.accounts": (
        N_("Each task went to its own creator account, which started at 0 yuan with no breaches."),
        "每个任务发给各自独立的达人账户，账户初始余额为 0 元、无违约记录。",
    ),
    "simulate.engine.compiled": (N_("compiled engine"), "编译引擎"),
    "simulate.engine.transitions": (N_("transitions engine"), "transitions 状态机引擎"),
    "simulate.progress": (N_("Simulating"), "模拟中"),
    "simulate.outcome": (N_("Outcome"), "结果"),
    "simulate.tasks": ("Tasks", "任务数"),
    "simulate.share": (N_("Share"), "占比"),
    "simulate.unfinished": (N_("unfinished"), "未完成"),
    "simulate.accepted": (N_("Accepted at some point"), "曾被接受"),
    "simulate.gross": (N_("Paid by brands (completed)"), "品牌方支付（已完成）"),
    "simulate.fee": (N_("Platform service fee ({percent}%)"), "平台服务费（{percent}%）"),
    "simulate.net": (N_("Credited to creators"), "达人实得"),
    "simulate.yuan": (N_("{amount} yuan"), "{amount} 元"),
    "simulate.script_changes": (N_("Script change requests"), "脚本修改要求"),
    "simulate.video_changes": (N_("Video change requests"), "视频修改要求"),
    "simulate.changes_detail": (
        N_("{total} ({per_accepted_task} per accepted task; {tasks_at_limit} tasks used all {limit})"),
        "{total} 次（每个已接受任务平均 {per_accepted_task} 次；{tasks_at_limit} 个任务用完全部 {limit} 次）",
    ),
    "simulate.hours": (N_("Hours to completion"), "完成用时（小时）"),
    "simulate.hours_detail": (N_("p50 {p50} · p90 {p90} · p99 {p99}"), "p50 {p50} · p90 {p90} · p99 {p99}"),
    "simulate.none_completed": (N_("no task completed"), "没有任务完成"),
    "simulate.breaches": (N_("Breaches (cancelled after accepting)"), "违约（接受后取消）"),
    "simulate.never_accepted": (N_("Never accepted (declined or expired)"), "从未接受（已拒绝或已过期）"),
    "simulate.never_accepted_detail": (
        N_("{tasks} tasks; accounts changed: {accounts_changed}"),
        "{tasks} 个任务；账户有变化的：{accounts_changed} 个",
    ),
}


def text(key: str, lang: Lang, **values: object) -> str:
    """The message `key` in `lang`, with its placeholders filled."""
    english, chinese = MESSAGES[key]
    return (chinese if lang == "zh-CN" else english).format(**values)


def comment_lines(key: str) -> list[str]:
    """A TOML comment in both languages, one line each, so a file reads the same for everyone."""
    return [f"# {text(key, lang)}" for lang in LANGS]


def join(items: list[str], lang: Lang) -> str:
    return text("list.separator", lang).join(items)


__all__ = ["LANGS", "MESSAGES", "LabelledEnum", "Lang", "comment_lines", "default_lang", "join", "parse_lang", "text"]
