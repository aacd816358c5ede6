"""The console's pages and moves (in-process): labels in both languages, the flow, refusals, the two doors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LANGS, practice_held
from test_catalogues import write_catalogue
from web_client import Console, new_sandbox

from xingtu_sim import TRANSITIONS, Actor, State
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.i18n import Lang, render
from xingtu_sim.i18n.languages import LOCALE_DIR_ENV
from xingtu_sim.sandbox import session
from xingtu_sim.web.practice import PAGE_SIZE
from xingtu_sim.web.render import task_href

# The creator's whole happy path after viewing the task, from the lifecycle table.
HAPPY_PATH = [edge.trigger.value for edge in shortest_path(State.VIEWING_DETAILS, State.COMPLETED)]
NOTICE = {
    "en": "A practice tool for training: a simulation, not connected to Douyin or Xingtu.",
    "zh-CN": "培训用练习工具：这是模拟，与抖音、星图没有任何连接。",
}
SIDES = {
    "en": ["Your moves (the creator)", "The brand's side", "The platform's side"],
    "zh-CN": ["你的操作（达人）", "品牌方操作", "平台操作"],
}
LABELS = {
    "en": ("Task overview", "Pending tasks", "Task details", "Account", "Hours", "Wait", "中文"),
    "zh-CN": ("任务概览", "待接收任务", "任务详情", "账户", "小时", "等待", "English"),
}


@pytest.fixture
def console(tmp_path: Path) -> Console:
    return Console(new_sandbox(tmp_path / "practice.db"))


def state_of(path: Path, task: str) -> State:
    with session(path, write=False) as current:
        return current.task(task).state


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_carries_the_labels_of_web_md_in_each_language(console: Console, lang: Lang) -> None:
    overview, pending, _details, account, hours, wait, switch = LABELS[lang]
    page = console.get(f"/?lang={lang}")
    assert page.status == 200
    assert page.lang == lang
    assert page.headings[:2] == [overview, pending]
    assert page.links[overview] == "/"
    assert page.links[account] == "/account"
    assert page.links[switch] == f"/?lang={'zh-CN' if lang == 'en' else 'en'}"
    assert wait in page.buttons
    assert f'<label for="hours">{hours}</label>' in page.html
    assert NOTICE[lang] in page.text


def test_the_language_switch_offers_every_language_with_a_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    french = [("the name of this language", "English", "Français"), (None, "Task overview", "Aperçu des tâches")]
    write_catalogue(tmp_path / "locale", "fr", "nplurals=2; plural=(n > 1);", french)
    monkeypatch.setenv(LOCALE_DIR_ENV, str(tmp_path / "locale"))
    console = Console(new_sandbox(tmp_path / "practice.db"))
    english = console.get("/account?lang=en")
    assert {name: english.links.get(name) for name in ("中文", "Français")} == {
        "中文": "/account?lang=zh-CN",
        "Français": "/account?lang=fr",
    }
    in_french = console.get("/?lang=fr")
    assert (in_french.lang, in_french.headings[0]) == ("fr", "Aperçu des tâches")
    assert {name: in_french.links.get(name) for name in ("English", "中文", "Français")} == {
        "English": "/?lang=en",
        "中文": "/?lang=zh-CN",
        "Français": None,
    }


def test_the_language_is_the_address_s_then_remembered_then_serve_s_then_the_browser_s(tmp_path: Path) -> None:
    path = new_sandbox(tmp_path / "practice.db")
    browser = Console(path, default_lang=None)
    assert browser.get("/", **{"accept-language": "zh-CN,zh;q=0.9,en;q=0.8"}).headings[0] == "任务概览"
    assert browser.get("/", **{"accept-language": "en-GB,en;q=0.9"}).headings[0] == "Task overview"
    assert browser.get("/", **{"accept-language": "fr, zh;q=0.5, en;q=0.4"}).headings[0] == "任务概览"
    assert browser.get("/").headings[0] == "Task overview"
    assert browser.get("/account?lang=zh-CN").headings[0] == "账户"
    assert browser.get("/", **{"accept-language": "en"}).headings[0] == "任务概览"  # remembered
    served_in_chinese = Console(path, default_lang="zh-CN")
    assert served_in_chinese.get("/", **{"accept-language": "en"}).headings[0] == "任务概览"
    assert served_in_chinese.get("/?lang=en").headings[0] == "Task overview"


def test_a_pending_task_s_title_fires_view_by_post_and_no_get_moves_it(console: Console) -> None:
    assert console.publish("Spring launch").location == "/"
    overview = console.get("/")
    assert "Spring launch" in overview.buttons  # a button: opening it is a move
    assert 'name="trigger" value="view"' in overview.html
    for address in ("/", task_href("Spring launch"), "/account", "/publish"):
        assert console.get(address).status == 200
    assert state_of(console.path, "Spring launch") is State.PENDING_RECEIPT
    opened = console.move("Spring launch", "view")
    assert (opened.status, opened.location) == (303, task_href("Spring launch"))
    assert state_of(console.path, "Spring launch") is State.VIEWING_DETAILS
    assert console.get("/").links["Spring launch"] == task_href("Spring launch")  # viewed: a plain link now


@pytest.mark.parametrize("lang", LANGS)
def test_the_details_page_shows_brand_price_fee_net_pay_hours_left_and_state(console: Console, lang: Lang) -> None:
    console.publish("Spring launch", brand="Nike", price="8000", requirements="A 30-second vertical video, no logos")
    console.post("/wait", hours="5")
    console.move("Spring launch", "view")
    page = console.get(f"{task_href('Spring launch')}?lang={lang}")
    assert page.headings[0] == LABELS[lang][2]
    yuan = {"en": "{} yuan", "zh-CN": "{} 元"}[lang]
    for shown in ("Spring launch", "Nike", yuan.format("8000.00"), yuan.format("400.00"), yuan.format("7600.00")):
        assert shown in page.text
    assert '<dd class="requirements">A 30-second vertical video, no logos</dd>' in page.html
    assert {"en": "The brand's requirements", "zh-CN": "广告主的主要需求"}[lang] in page.text
    assert {"en": "19 hours left (until hour 24)", "zh-CN": "剩余 19 小时（至第 24 小时）"}[lang] in page.text
    assert render(State.VIEWING_DETAILS, lang) in page.text
    assert page.buttons[:3] == [render(t, lang) for t in TRANSITIONS if t.trigger in ("close", "accept", "decline")]
    assert SIDES[lang] == page.headings[1:4]


def test_the_whole_happy_path_ends_with_the_fee_and_the_net_pay_credited(console: Console) -> None:
    console.publish("Spring launch", price="8000")
    console.move("Spring launch", "view")
    for trigger in HAPPY_PATH:
        moved = console.move("Spring launch", trigger)
        assert (moved.status, moved.location) == (303, task_href("Spring launch")), moved
    page = console.get(task_href("Spring launch"))
    assert "The review passed: 7600.00 yuan credited to the creator (price 8000.00 − service fee 400.00)." in page.text
    assert "completed" in page.text
    assert "7600.00 yuan" in console.get("/account").text


@pytest.mark.parametrize("ending", ["decline", "lapse"])
def test_declining_or_letting_a_task_lapse_leaves_the_account_unchanged(console: Console, ending: str) -> None:
    before = console.get("/account").text
    console.publish("Spring launch")
    console.move("Spring launch", "view")
    if ending == "decline":
        assert console.move("Spring launch", "decline").status == 303
    else:
        assert console.post("/wait", hours="24").location == "/"
    ended = State.DECLINED if ending == "decline" else State.EXPIRED
    assert state_of(console.path, "Spring launch") is ended
    assert ended.label.msgid in console.get("/").text
    after = console.get("/account").text
    assert after.replace("hour 24 (day 2, 00:00)", "hour 0 (day 1, 00:00)") == before


def test_closing_the_details_returns_to_the_overview_with_the_task_still_pending(console: Console) -> None:
    console.publish("Spring launch")
    console.move("Spring launch", "view")
    closed = console.move("Spring launch", "close")
    assert (closed.status, closed.location) == (303, "/")
    assert state_of(console.path, "Spring launch") is State.PENDING_RECEIPT


def _states() -> list[State]:
    return [state for state in State if state is not State.EXPIRED]  # only the clock reaches expired


@pytest.fixture(scope="module")
def sandboxes(tmp_path_factory: pytest.TempPathFactory) -> dict[State, bytes]:
    """A sandbox file holding one task, "Spring launch", in each state, as bytes to copy."""
    files = {}
    for state in [*_states(), State.EXPIRED]:
        path = new_sandbox(tmp_path_factory.mktemp(state.id) / "practice.db")
        with session(path) as current:
            current.publish("Spring launch", "Nike", 8000)
            current.bring_to("Spring launch", state)
        files[state] = path.read_bytes()
    return files


@pytest.mark.parametrize("state", [*_states(), State.EXPIRED], ids=lambda s: s.id)
def test_the_details_page_offers_exactly_the_moves_possible_now_each_on_its_side(
    tmp_path: Path, sandboxes: dict[State, bytes], state: State
) -> None:
    path = tmp_path / "practice.db"
    path.write_bytes(sandboxes[state])
    page = Console(path).get(task_href("Spring launch"))
    with session(path, write=False) as current:
        possible = current.task("Spring launch").possible_now()
    wait_and_try = ["Try", "Wait"]
    assert page.buttons == [render(t, "en") for actor in Actor for t in possible if t.actor is actor] + wait_and_try


def _every_move_from_every_state() -> list[object]:
    """(transition, state) for every move from every state. The fast loop (README: Developing) runs each move
    from the states it leaves and one refused move from each state; the full suite runs them all."""
    cases = []
    for state in _states():
        a_refusal_runs = False
        for transition in TRANSITIONS:
            allowed = state in transition.sources
            marks = () if allowed or not a_refusal_runs else (pytest.mark.slow,)
            a_refusal_runs |= not allowed
            cases.append(pytest.param(transition, state, marks=marks, id=f"{transition.trigger}-{state.id}"))
    return cases


@pytest.mark.parametrize(("transition", "state"), _every_move_from_every_state())
def test_every_move_from_every_state_either_moves_the_task_or_is_refused_changing_nothing(
    tmp_path: Path, sandboxes: dict[State, bytes], state: State, transition: object
) -> None:
    path = tmp_path / "practice.db"
    path.write_bytes(sandboxes[state])
    with session(path, write=False) as current:
        allowed = transition in current.task("Spring launch").possible_now()
    before = practice_held(path)
    page = Console(path).move("Spring launch", transition.trigger)  # type: ignore[attr-defined]
    if allowed:
        assert page.status == 303
        assert state_of(path, "Spring launch") is transition.dest  # type: ignore[attr-defined]
    else:
        assert page.status == 409
        assert page.alert.startswith("Refused:")
        assert "Nothing was changed." in page.alert
        assert practice_held(path) == before  # only the journal keeps the refused move


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_move_says_why_in_the_page_s_language(console: Console, lang: Lang) -> None:
    console.publish("Spring launch")
    console.get(f"/?lang={lang}")
    before = practice_held(console.path)
    page = console.move("Spring launch", "pass_review")
    assert page.status == 409
    assert page.lang == lang
    assert {
        "en": "Possible now: view details (creator), decline (creator).",
        "zh-CN": "现在可以：查看详情（达人）、拒绝任务（达人）。",
    }[lang] in page.alert
    assert {"en": "not allowed in this state", "zh-CN": "当前状态不允许该操作"}[lang] in page.alert
    assert page.headings[0] == LABELS[lang][2]
    assert practice_held(console.path) == before


def test_the_account_page_shows_the_account_the_rules_and_its_actions(tmp_path: Path) -> None:
    console = Console(new_sandbox(tmp_path / "practice.db", followers=150_000, open_xingtu=False))
    page = console.get("/account")
    assert page.headings[0] == "Account"
    for shown in ("Douyin", "150000", "not open (Douyin needs 100000 followers)", "0.00 yuan", "Rules in force"):
        assert shown in page.text
    assert page.buttons[0] == "open Xingtu"
    assert console.post("/account", action="open").location == "/account"
    page = console.get("/account")
    assert "open (Douyin needs 100000 followers)" in page.text
    assert page.buttons[0] == "stop receiving tasks"
    console.post("/account", action="stop_receiving")
    refused = console.publish("Spring launch")
    assert refused.status == 409
    assert "not receiving tasks" in refused.alert
    assert console.get("/account").buttons[0] == "resume receiving tasks"


@pytest.mark.parametrize("lang", LANGS)
def test_opening_xingtu_below_the_threshold_is_refused_with_the_reason(tmp_path: Path, lang: Lang) -> None:
    path = new_sandbox(tmp_path / "practice.db", followers=50_000, open_xingtu=False)
    console = Console(path, default_lang=lang)
    before = practice_held(path)
    page = console.post("/account", action="open")
    assert page.status == 409
    assert {"en": "not eligible", "zh-CN": "不符合开通条件"}[lang] in page.alert
    assert practice_held(path) == before


def test_starting_over_gives_a_fresh_account_with_the_followers_and_platform_chosen(console: Console) -> None:
    console.publish("Spring launch")
    assert console.post("/account/start-over", followers="60000", platform="xigua").location == "/account"
    page = console.get("/account")
    assert "Xigua" in page.text
    assert "not open (Xigua needs 50000 followers)" in page.text
    assert "No task is waiting for your decision." in console.get("/").text


def test_a_task_published_without_requirements_says_none_were_given(console: Console) -> None:
    console.publish("Spring launch")
    console.move("Spring launch", "view")
    assert "The brand's requirements (none given)" in console.get(task_href("Spring launch")).text


def test_publishing_puts_the_task_among_the_pending_ones_with_its_hours_left(console: Console) -> None:
    assert console.publish("Spring launch", brand="Nike", price="99.90").location == "/"
    page = console.get("/")
    assert "Spring launch" in page.buttons
    assert "99.90 yuan" in page.text
    assert "24 hours left" in page.text


def test_long_lists_are_paged(console: Console) -> None:
    with session(console.path) as current:
        for number in range(PAGE_SIZE * 2 + 3):
            current.publish(f"Task {number:03d}", "Nike", 100)
    first = console.get("/")
    assert "Page 1 of 3 (43 tasks)" in first.text
    assert "Task 000" in first.buttons
    assert "Task 020" not in first.buttons
    assert first.links["Next page"] == "/?pending=2"
    last = console.get("/?pending=3")
    assert last.buttons[:3] == ["Task 040", "Task 041", "Task 042"]
    assert "Previous page" in last.links
    assert console.get("/?pending=99").buttons[:1] == ["Task 040"]  # past the end: the last page
    assert console.get("/?pending=" + "9" * 5000).buttons[:1] == ["Task 040"]


def test_ended_tasks_are_listed_newest_first(console: Console) -> None:
    with session(console.path) as current:
        for number in range(PAGE_SIZE + 5):
            current.publish(f"Task {number:03d}", "Nike", 100)
            current.act(f"Task {number:03d}", "decline")
    first = console.get("/")
    assert first.links["Task 024"] == task_href("Task 024")
    assert [name for name in first.links if name.startswith("Task 0")][:2] == ["Task 024", "Task 023"]
    assert "Page 1 of 2 (25 tasks)" in first.text
    second = console.get(first.links["Next page"])
    assert [name for name in second.links if name.startswith("Task 0")] == [f"Task {n:03d}" for n in range(4, -1, -1)]


@pytest.mark.slow  # the CLI in processes of its own
def test_a_move_made_with_the_cli_shows_in_the_page_and_the_other_way_round(console: Console) -> None:
    from conftest import ok

    ok(console.path, "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    assert "Spring launch" in console.get("/").buttons
    console.move("Spring launch", "view")
    assert "viewing details" in ok(console.path, "show", "Spring launch")
    ok(console.path, "do", "accept", "Spring launch")
    assert "accepted" in console.get(task_href("Spring launch")).text
