"""The sandbox commands through click's CliRunner: messages in both languages, every move, tidy tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import everything

from xingtu_sim import EDGES, TRANSITIONS, CreatorAccount, Edge, Platform, State, Transition
from xingtu_sim.cli import main
from xingtu_sim.cli.sandbox_options import TriggerChoice
from xingtu_sim.cli.table import display_width, table
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.lifecycle import CLOCK_MOVE
from xingtu_sim.domain.rules import Rules
from xingtu_sim.i18n import Lang, describe, render
from xingtu_sim.sandbox import create, parse_duration, session


def run(db: Path, *args: str, lang: Lang = "en", env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "sandbox", "--db", str(db), *args], env=env)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A sandbox whose creator has opened Xingtu."""
    path = tmp_path / "practice.db"
    create(path, CreatorAccount(followers=150_000))
    with session(path) as current:
        current.open_xingtu()
    return path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                'Brand "安踏" published task "春季新品" paying 1200.50 yuan: pending receipt.',
                "The creator may accept it until hour 24; left alone, it then lapses with no consequence.",
                "Possible now: view (view details, creator), decline (decline, creator).",
                'Creator: view details. Task "春季新品": pending receipt → viewing details.',
                'Task "春季新品" from brand "安踏", paying 1200.50 yuan.',
                "Requirements: (none given)",
                "Platform fee 60.03 yuan (5%); the creator would be paid 1140.47 yuan.",
                "Published at hour 0; accept before hour 24 (24 hours left).",
                "Now viewing details: the creator's move.",
                "Possible now: close (close details, creator), accept (accept, creator), decline (decline, creator).",
            ],
        ),
        (
            "zh-CN",
            [
                "品牌方 “安踏” 发布了任务 “春季新品”，报酬 1200.50 元：待接收。",
                "达人可在第 24 小时前接受；若不处理，届时任务失效，没有任何后果。",
                "现在可以：view（查看详情，达人）、decline（拒绝任务，达人）。",
                "达人：查看详情。任务 “春季新品”：待接收 → 查看详情。",
                "任务 “春季新品”，品牌方 “安踏”，报酬 1200.50 元。",
                "需求：（未填写）",
                "平台服务费 60.03 元（5%）；达人可得 1140.47 元。",
                "发布于第 0 小时；须在第 24 小时前接受（剩余 24 小时）。",
                "当前状态：查看详情，轮到达人操作。",
                "现在可以：close（关闭详情，达人）、accept（接受任务，达人）、decline（拒绝任务，达人）。",
            ],
        ),
    ],
)
def test_each_action_says_what_happened_and_the_new_state_in_the_chosen_language(
    db: Path, lang: Lang, expected: list[str]
) -> None:
    published = run(db, "offer", "春季新品", "--brand", "安踏", "--price", "1200.5", lang=lang)
    viewed = run(db, "do", "view", "春季新品", lang=lang)
    assert (published.exit_code, viewed.exit_code) == (0, 0)
    assert published.output.splitlines() + viewed.output.splitlines() == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            'Refused: the creator cannot accept: task "Spring launch" is in the state "pending receipt". '
            "Reason: not allowed in this state.\nFirst view details (creator); only then can the creator accept.\n"
            "Possible now: view details (creator), decline (creator).\n",
        ),
        (
            "zh-CN",
            "操作被拒绝：达人无法对任务 “Spring launch”（待接收）执行“接受任务”。原因：当前状态不允许该操作。\n"
            "需要先查看详情（达人），达人才能接受任务。\n"
            "现在可以：查看详情（达人）、拒绝任务（达人）。\n",
        ),
    ],
)
def test_a_refused_move_exits_1_with_the_reason_and_what_is_possible(db: Path, lang: Lang, expected: str) -> None:
    run(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    result = run(db, "do", "accept", "Spring launch", lang=lang)
    assert result.exit_code == 1
    assert result.output == expected


@pytest.mark.parametrize(
    ("args", "lang", "expected"),
    [
        (["do", "acept", "T"], "en", 'Error: "acept" is not an action of the lifecycle.\nDid you mean "accept"?\n'),
        (
            ["do", "aprove_script", "T"],
            "zh-CN",
            "错误：“aprove_script” 不是任务流程中的操作。\n您是不是要找 “approve_script”？\n",
        ),
        (["do", "view", "TT"], "en", 'Error: There is no task "TT".\nDid you mean "T"?\n'),
        (["wait", "3"], "en", 'Error: "3" is not a duration; write days and hours, e.g. 25h, 2d or 1d12h.\n'),
        (["new", "--followers", "-1", "--force"], "en", 'Error: "-1" is not a follower count'),
        (["wait", f"{2**64}h"], "en", "Error: That is too long a wait: time passes at most 87600 hours"),
        (
            ["offer", "U", "--brand", "B", "--price", f"{2**64}"],
            "zh-CN",
            "错误：任务报酬最多 10,000,000 元，实际为 18446744073709551616。\n",
        ),
        (["new", "--followers", "1", "--platform", "weibo"], "en", 'Error: "weibo" is not a platform'),
    ],
)
def test_bad_input_exits_2_with_a_clear_message_in_the_chosen_language(
    db: Path, args: list[str], lang: Lang, expected: str
) -> None:
    run(db, "offer", "T", "--brand", "Nike", "--price", "1")
    result = run(db, *args, lang=lang)
    assert result.exit_code == 2
    assert result.output.startswith(expected)
    assert "Traceback" not in result.output


TOO_LONG = {
    "en": "Error: That is too long a wait: time passes at most 87600 hours (ten years) at once.\n",
    "zh-CN": "错误：等待时间过长：时间一次最多流逝 87600 小时（十年）。\n",
}
NOTHING = {"en": "Error: A task's price must be more than 0 yuan.\n", "zh-CN": "错误：任务报酬必须大于 0 元。\n"}
TOO_MUCH = {
    "en": "Error: A task's price is at most 10,000,000 yuan; got ",
    "zh-CN": "错误：任务报酬最多 10,000,000 元，实际为 ",
}


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["offer", "U", "--brand", "B", "--price", "9" * 27], TOO_MUCH),
        (["offer", "U", "--brand", "B", "--price", "9" * 5_000], TOO_MUCH),
        (["offer", "U", "--brand", "B", "--price", "10000000.01"], TOO_MUCH),
        (["offer", "U", "--brand", "B", "--price", "0"], NOTHING),
        (["offer", "U", "--brand", "B", "--price", "0.00"], NOTHING),
        (["wait", "9" * 5_000 + "h"], TOO_LONG),
        (["wait", "9" * 5_000 + "d"], TOO_LONG),
        (["wait", "3651d"], TOO_LONG),
    ],
    ids=["price-27-digits", "price-5000-digits", "price-over-the-largest", "price-0", "price-0.00", "wait-5000-hours",
         "wait-5000-days", "wait-over-ten-years"],
)  # fmt: skip
def test_a_number_too_large_or_a_price_of_nothing_is_one_line_and_changes_nothing(
    db: Path, args: list[str], expected: dict[Lang, str], lang: Lang
) -> None:
    before = db.read_bytes()
    result = run(db, *args, lang=lang)
    assert result.exit_code == 2
    assert result.output.startswith(expected[lang])
    assert len(result.output.splitlines()) == 1
    assert len(result.output) < 200  # a long number is cut short, not echoed whole
    assert db.read_bytes() == before


def test_new_will_not_replace_a_sandbox_without_force_and_says_so_in_chinese(db: Path) -> None:
    result = run(db, "new", "--followers", "1", lang="zh-CN")
    assert result.exit_code == 2
    again = f"xingtu-sim sandbox --db {db} --lang zh-CN new --followers 1 --platform douyin --force"
    advice = f"如要替换它（其中的任务将丢失）：{again}。或用 --db 选择其他文件。"
    assert result.output == f"错误：{db} 中已有练习沙盒。\n{advice}\n"


def _edge_id(edge: Edge) -> str:
    return f"{edge.source.id}-{edge.trigger}"


@pytest.mark.parametrize("edge", EDGES, ids=_edge_id)
def test_every_move_of_the_lifecycle_can_be_made_in_the_sandbox_the_clocks_by_waiting(db: Path, edge: Edge) -> None:
    with session(db) as current:
        current.use_rules(Rules(accept_window_hours=5))
        current.publish("T", "Nike", "100")
        current.bring_to("T", edge.source)
    with session(db) as current:
        current.pass_time(4)  # one hour before the task's window ends
    if edge.trigger is CLOCK_MOVE.trigger:  # nobody chooses a lapse: the clock reaches the deadline
        result = run(db, "wait", "1h")
        assert f'Lapsed at hour 5: "T" ({edge.source.label.msgid} → {edge.dest.label.msgid})' in result.output
    else:
        result = run(db, "do", edge.trigger, "T")
        assert f"{edge.source.label.msgid} → {edge.dest.label.msgid}." in result.output
    assert result.exit_code == 0, result.output
    with session(db, write=False) as current:
        assert current.task("T").state is edge.dest


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.trigger)
def test_a_move_can_be_named_by_its_id_or_its_label_in_either_language(transition: Transition) -> None:
    choice = TriggerChoice()
    for name in (
        transition.trigger,
        transition.trigger.replace("_", "-"),
        transition.label.msgid.upper(),
        render(transition, "zh-CN"),
    ):
        assert choice.convert(name, None, None) == transition.trigger


def test_a_mistyped_move_is_an_input_error_suggesting_the_nearest() -> None:
    with pytest.raises(InputError) as error:
        TriggerChoice().convert("upload_vidoe", None, None)
    assert 'Did you mean "upload_video"?' in describe(error.value, "en")


@pytest.mark.parametrize(
    ("text", "hours"),
    [("25h", 25), ("2d", 48), ("1d12h", 36), ("0h", 0), (" 3H ", 3), ("2天", 48), ("1天12小时", 36), ("1d 2h", 26)],
)
def test_a_duration_is_days_and_hours(text: str, hours: int) -> None:
    assert parse_duration(text) == hours


@pytest.mark.parametrize("text", ["", "3", "h", "1h2d", "-1h", "1.5h", "soon", "2 days"])
def test_anything_else_is_not_a_duration(text: str) -> None:
    with pytest.raises(InputError):
        parse_duration(text)


def test_a_saved_sandbox_reads_back_exactly_as_it_was_left(db: Path) -> None:
    with session(db) as current:
        workspace = current.everything()
        for name, state in [
            ("done", State.COMPLETED),
            ("dropped", State.CANCELLED),
            ("revised", State.SCRIPT_REVIEW),
            ("waiting", State.VIEWING_DETAILS),
        ]:
            workspace.publish(name, "品牌", "99.99")
            workspace.bring_to(name, state)
        workspace.act("revised", "request_script_changes")
        workspace.act("revised", "submit_script")
        workspace.publish("ignored", "Nike", "1")
        workspace.pass_time(30)
        saved = everything(workspace)
    with session(db, write=False) as again:
        assert everything(again.everything()) == saved
        assert [task.name for task in again.workspace] == ["done", "dropped", "revised", "waiting", "ignored"]


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_the_inbox_columns_line_up_with_chinese_and_english_names(db: Path, lang: Lang) -> None:
    run(db, "offer", "春季新品发布会", "--brand", "安踏", "--price", "1200.5")
    run(db, "offer", "Spring", "--brand", "Li-Ning Sports", "--price", "8")
    run(db, "do", "view", "Spring")
    lines = run(db, "inbox", lang=lang).output.splitlines()
    _header, rule, *rows = lines[:4]
    columns = _runs(rule)
    states = [render(State.PENDING_RECEIPT, lang), render(State.VIEWING_DETAILS, lang)]
    for line, price, state in zip(rows, ["1200.50", "8.00"], states, strict=True):
        price_end = columns[2][0] + len(columns[2][1])
        assert display_width(line[: line.index(price) + len(price)]) == price_end  # right-aligned
        assert display_width(line[: line.index(state)]) == columns[3][0]  # left-aligned


def _runs(rule: str) -> list[tuple[int, str]]:
    runs, index = [], 0
    for part in rule.split("  "):
        runs.append((index, part))
        index += len(part) + 2
    return runs


def test_a_table_pads_by_display_width_so_wide_characters_count_twice() -> None:
    lines = table([["春季新品", "1"], ["ab", "22"]], ["任务", "n"], right=frozenset({1}))
    assert lines == [
        "任务       n",
        "--------  --",
        "春季新品   1",
        "ab        22",
    ]
    assert display_width("春季新品") == 8


def test_without_db_or_environment_the_sandbox_lives_in_the_app_folder(tmp_path: Path) -> None:
    env: dict[str, str | None] = {"XDG_CONFIG_HOME": str(tmp_path), "XINGTU_SIM_DB": None}
    result = CliRunner().invoke(main, ["sandbox", "new", "--followers", "150000"], env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "xingtu-sim" / "sandbox.sqlite3").is_file()


def test_the_environment_names_the_file_and_db_on_a_command_overrides_it(tmp_path: Path) -> None:
    from_env, chosen = tmp_path / "env.db", tmp_path / "chosen.db"
    env: dict[str, str | None] = {"XINGTU_SIM_DB": str(from_env)}
    runner = CliRunner()
    assert runner.invoke(main, ["sandbox", "new", "--followers", "1"], env=env).exit_code == 0
    assert runner.invoke(main, ["sandbox", "new", "--followers", "2", "--db", str(chosen)], env=env).exit_code == 0
    with session(from_env, write=False) as first, session(chosen, write=False) as second:
        assert (first.workspace.account.followers, second.workspace.account.followers) == (1, 2)


@pytest.mark.parametrize(("lang", "expected"), [("en", "Balance          0.00 yuan"), ("zh-CN", "余额      0.00 元")])
def test_reset_starts_over_with_the_same_followers_and_platform(tmp_path: Path, lang: Lang, expected: str) -> None:
    db = tmp_path / "practice.db"
    create(db, CreatorAccount(followers=60_000, platform=Platform.XIGUA))
    run(db, "open")
    run(db, "offer", "T", "--brand", "Nike", "--price", "1")
    run(db, "wait", "2d")
    result = run(db, "reset", "--force", lang=lang)
    assert result.exit_code == 0
    with session(db, write=False) as current:
        assert (current.workspace.account, current.workspace.clock.now, current.everything().tasks) == (
            CreatorAccount(followers=60_000, platform=Platform.XIGUA),
            0,
            {},
        )
        assert current.counts().total == 0
    assert expected in run(db, "account", lang=lang).output


@pytest.mark.parametrize(
    ("lang", "made"),
    [("en", "Made the folder {folder} for the sandbox."), ("zh-CN", "已为练习沙盒新建文件夹 {folder}。")],
)
def test_new_in_a_missing_folder_makes_only_that_folder_and_says_so(tmp_path: Path, lang: Lang, made: str) -> None:
    db = tmp_path / "practice" / "sandbox.db"
    result = run(db, "new", "--followers", "150000", lang=lang)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == made.format(folder=db.parent)
    assert db.is_file()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Error: Cannot create the sandbox {db}: the folder {folder} does not exist. Create it first"),
        ("zh-CN", "错误：无法创建练习沙盒 {db}：文件夹 {folder} 不存在。请先创建它"),
    ],
)
def test_new_refuses_to_build_a_tree_of_missing_folders(tmp_path: Path, lang: Lang, expected: str) -> None:
    db = tmp_path / "typo" / "practice" / "sandbox.db"
    result = run(db, "new", "--followers", "150000", lang=lang)
    assert result.exit_code == 2
    assert result.output.startswith(expected.format(db=db, folder=db.parent.parent))
    assert list(tmp_path.iterdir()) == []


def test_a_task_keeps_the_window_it_was_published_with_and_show_and_account_say_the_rules(
    db: Path, tmp_path: Path
) -> None:
    long = tmp_path / "long.toml"
    long.write_text("accept_window_hours = 48\n", encoding="utf-8")
    published = run(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000", "--rules", str(long))
    assert "The creator may accept it until hour 48;" in published.output
    assert "The sandbox keeps these rules from now on;" in published.output
    assert "No task lapsed." in run(db, "wait", "30h").output  # hour 24 passed; the promise was hour 48
    rules = "accept within 48 hours, 2 script and 2 video change requests, 5% service fee"
    assert f"Published under these rules: {rules}." in run(db, "show", "Spring launch").output
    assert f"Rules in force   {rules}" in run(db, "account").output
    assert 'Lapsed at hour 48: "Spring launch"' in run(db, "wait", "18h").output


def test_the_inbox_shows_a_page_of_tasks_and_says_how_to_see_the_others(db: Path) -> None:
    with session(db) as current:
        for number in range(60):
            current.publish(f"Task {number}", "Nike", "1")
    first = run(db, "inbox").output.splitlines()
    assert len(first) == 2 + 50 + 4
    assert first[-2:] == [
        "Shown: tasks 1 to 50 of 60; every task with --all.",
        f"Next: xingtu-sim sandbox --db {db} --lang en inbox --page 2",
    ]
    second = run(db, "inbox", "--page", "2").output.splitlines()
    assert [line.split()[1] for line in second[2:12]] == [str(number) for number in range(50, 60)]
    assert second[-1] == "Shown: tasks 51 to 60 of 60; every task with --all."
    assert len(run(db, "inbox", "--all").output.splitlines()) == 2 + 60 + 2


@pytest.mark.parametrize(
    ("lang", "shown", "none"),
    [("en", "Requirements: {}", "Requirements: (none given)"), ("zh-CN", "需求：{}", "需求：（未填写）")],
)
def test_the_brands_requirements_stay_with_the_task_and_show_with_its_details(
    db: Path, lang: Lang, shown: str, none: str
) -> None:
    asked = "30 到 60 秒竖屏视频，突出夏季新品；脚本需先交品牌方确认"
    run(db, "offer", "春季新品", "--brand", "耐克", "--price", "8000", "--requirements", asked)
    run(db, "offer", "Plain", "--brand", "Nike", "--price", "1")
    assert run(db, "show", "春季新品", lang=lang).output.splitlines()[1] == shown.format(asked)
    assert run(db, "show", "Plain", lang=lang).output.splitlines()[1] == none
    with session(db, write=False) as current:
        assert (current.task("春季新品").requirements, current.task("Plain").requirements) == (asked, "")
