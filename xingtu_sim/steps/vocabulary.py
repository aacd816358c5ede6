"""The step vocabulary: the exact phrasings scenario writers rely on, in English and Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from xingtu_sim.domain.lifecycle import Trigger
from xingtu_sim.i18n import LabelledEnum, Lang


class Kind(LabelledEnum):
    """Where a phrase may stand: after Given, When or Then (And/But continue the one before)."""

    GIVEN = "given", "Given", "假如"
    WHEN = "when", "When", "当"
    THEN = "then", "Then", "那么"


GIVEN, WHEN, THEN = Kind.GIVEN, Kind.WHEN, Kind.THEN

# What each placeholder matches. Names and labels are checked by the step, so that a typo in a
# state or platform gets "unknown state" rather than "undefined step".
_QUOTED = r"[\"“”「」](?P<{name}>[^\"“”「」]*)[\"“”「」]"
_PLACEHOLDERS = {
    "n": r"(?P<n>\d[\d,]*万?)",
    "amount": r"(?P<amount>\d[\d,]*(?:\.\d+)?)",
    "task": _QUOTED.format(name="task"),
    "brand": _QUOTED.format(name="brand"),
    "state": r"(?P<state>.+?)",
    "platform": r"(?P<platform>\S+?)",
    "reason": r"(?P<reason>.+?)",
}
_PLACEHOLDER = re.compile(r"\"?\{(\w+)\}\"?")
_EQUIVALENT = {"'": "['’]", "，": r"[，,]\s*", "%": "[%％]"}


@dataclass(frozen=True)
class Phrase:
    """One step of the vocabulary in both languages; `trigger` names the move an action step makes."""

    key: str
    kinds: tuple[Kind, ...]
    en: str
    zh: str
    trigger: Trigger | None = None

    def template(self, lang: Lang) -> str:
        return self.zh if lang == "zh-CN" else self.en

    def pattern(self, lang: Lang) -> re.Pattern[str]:
        return self._patterns[lang == "zh-CN"]

    def render(self, lang: Lang, **values: object) -> str:
        """The phrase with its placeholders filled, e.g. for generated scenarios."""
        return self.template(lang).format(**values)

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return (_compile(self.en, space=r"\s+", around=""), _compile(self.zh, space=r"\s*", around=r"\s*"))


def _compile(template: str, space: str, around: str) -> re.Pattern[str]:
    """A template as a full-match pattern: placeholders become groups, spaces are flexible.

    Chinese runs words together, so there a space around a placeholder is allowed, not required.
    """
    parts = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(_literal(template[position : match.start()], space))
        parts.append(around + _PLACEHOLDERS[match.group(1)] + around)
        position = match.end()
    parts.append(_literal(template[position:], space))
    return re.compile(r"\s*" + "".join(parts) + r"\s*", re.IGNORECASE)


def _literal(text: str, space: str) -> str:
    return "".join(space if char == " " else _EQUIVALENT.get(char, re.escape(char)) for char in text)


VOCABULARY: tuple[Phrase, ...] = (
    # Given: set-up
    Phrase("creator", (GIVEN,), "a creator with {n} followers", "一位拥有 {n} 粉丝的达人"),
    Phrase(
        "creator_on_platform", (GIVEN,),
        "a creator with {n} followers on {platform}", "一位在 {platform} 拥有 {n} 粉丝的达人",
    ),
    Phrase("has_opened", (GIVEN,), "the creator has opened Xingtu", "达人已开通星图"),
    Phrase("has_stopped", (GIVEN,), "the creator has stopped receiving tasks", "达人已关闭接收任务"),
    Phrase("fee", (GIVEN,), "the service fee is {n} percent", "平台服务费为 {n}%"),
    Phrase(
        "publish", (GIVEN, WHEN),
        'the brand "{brand}" publishes the task "{task}" paying {amount} yuan',
        '品牌方 "{brand}" 发布任务 "{task}" 报酬 {amount} 元',
    ),
    Phrase("task_is", (GIVEN,), 'the task "{task}" is {state}', '任务 "{task}" 处于 {state}'),
    # When: the creator's account
    Phrase("open", (WHEN,), "the creator opens Xingtu", "达人开通星图"),
    Phrase("stop_receiving", (WHEN,), "the creator stops receiving tasks", "达人关闭接收任务"),
    Phrase("resume_receiving", (WHEN,), "the creator resumes receiving tasks", "达人开启接收任务"),
    # When: moves of a task, each naming its trigger in the lifecycle table
    Phrase("view", (WHEN,), 'the creator views the task "{task}"', '达人查看任务 "{task}" 的详情', Trigger.VIEW),
    Phrase("close", (WHEN,), 'the creator closes the task "{task}"', '达人关闭任务 "{task}" 的详情', Trigger.CLOSE),
    Phrase("accept", (WHEN,), 'the creator accepts the task "{task}"', '达人接受任务 "{task}"', Trigger.ACCEPT),
    Phrase("decline", (WHEN,), 'the creator declines the task "{task}"', '达人拒绝任务 "{task}"', Trigger.DECLINE),
    Phrase(
        "start_script", (WHEN,),
        'the creator starts the script for "{task}"', '达人开始撰写任务 "{task}" 的脚本', Trigger.START_SCRIPT,
    ),
    Phrase(
        "submit_script", (WHEN,),
        'the creator submits the script for "{task}"', '达人提交任务 "{task}" 的脚本', Trigger.SUBMIT_SCRIPT,
    ),
    Phrase(
        "approve_script", (WHEN,),
        'the brand approves the script for "{task}"', '品牌方通过任务 "{task}" 的脚本', Trigger.APPROVE_SCRIPT,
    ),
    Phrase(
        "request_script_changes", (WHEN,),
        'the brand requests changes to the script for "{task}"', '品牌方要求修改任务 "{task}" 的脚本',
        Trigger.REQUEST_SCRIPT_CHANGES,
    ),
    Phrase(
        "upload_video", (WHEN,),
        'the creator uploads the video for "{task}"', '达人上传任务 "{task}" 的视频', Trigger.UPLOAD_VIDEO,
    ),
    Phrase(
        "confirm_video", (WHEN,),
        'the brand confirms the video for "{task}"', '品牌方确认任务 "{task}" 的视频', Trigger.CONFIRM_VIDEO,
    ),
    Phrase(
        "request_video_changes", (WHEN,),
        'the brand requests changes to the video for "{task}"', '品牌方要求修改任务 "{task}" 的视频',
        Trigger.REQUEST_VIDEO_CHANGES,
    ),
    Phrase(
        "publish_video", (WHEN,),
        'the creator publishes the video for "{task}"', '达人发布任务 "{task}" 的视频', Trigger.PUBLISH,
    ),
    Phrase("pass_review", (WHEN,), 'the platform approves "{task}"', '平台审核通过任务 "{task}"', Trigger.PASS_REVIEW),
    Phrase("fail_review", (WHEN,), 'the platform rejects "{task}"', '平台审核驳回任务 "{task}"', Trigger.FAIL_REVIEW),
    Phrase("cancel", (WHEN,), 'the creator cancels the task "{task}"', '达人取消任务 "{task}"', Trigger.CANCEL),
    # When: time
    Phrase("hours_pass", (WHEN,), "{n} hours pass", "过了 {n} 小时"),
    Phrase("days_pass", (WHEN,), "{n} days pass", "过了 {n} 天"),
    # Then: checks
    Phrase("state_is", (THEN,), 'the task "{task}" is {state}', '任务 "{task}" 的状态是 {state}'),
    Phrase("account_unchanged", (THEN,), "the creator's account is unchanged", "达人账户没有任何变化"),
    Phrase("balance_is", (THEN,), "the creator's balance is {amount} yuan", "达人余额为 {amount} 元"),
    Phrase(
        "fee_is", (THEN,),
        'the platform fee for "{task}" is {amount} yuan', '任务 "{task}" 的平台服务费为 {amount} 元',
    ),
    Phrase("pending_count", (THEN,), "the creator has {n} pending tasks", "达人有 {n} 个待接收任务"),
    Phrase("is_open", (THEN,), "the creator's Xingtu is open", "达人的星图已开通"),
    Phrase("is_not_open", (THEN,), "the creator's Xingtu is not open", "达人的星图未开通"),
    Phrase("refused", (THEN,), "the action is refused", "操作被拒绝"),
    Phrase("refused_because", (THEN,), "the action is refused because {reason}", "操作被拒绝，原因是{reason}"),
    Phrase("breaches", (THEN,), "the creator has {n} breaches", "达人有 {n} 次违约记录"),
)  # fmt: skip

PHRASES: dict[str, Phrase] = {phrase.key: phrase for phrase in VOCABULARY}
PHRASE_FOR_TRIGGER: dict[Trigger, Phrase] = {phrase.trigger: phrase for phrase in VOCABULARY if phrase.trigger}


def phrases_matching(text: str) -> list[Phrase]:
    """Every phrase that `text` (a step without its keyword) says, in either language."""
    return [p for p in VOCABULARY if p.pattern("en").fullmatch(text) or p.pattern("zh-CN").fullmatch(text)]


def matching(text: str, kind: Kind) -> Phrase | None:
    """The phrase that `text` says where it stands after a `kind` keyword, if any."""
    return next((phrase for phrase in phrases_matching(text) if kind in phrase.kinds), None)


def step_line(phrase: Phrase, lang: Lang, kind: Kind | None = None, **values: object) -> str:
    """The phrase after a keyword, as a feature file has it: "When the creator …", "当达人…"."""
    separator = "" if lang == "zh-CN" else " "
    body = phrase.render(lang, **values) if values else phrase.template(lang)
    return f"{(kind or phrase.kinds[0]).label(lang)}{separator}{body}"
