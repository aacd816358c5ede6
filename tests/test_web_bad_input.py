"""Bad input on every form and address: the form back with a message in the page's language, a 4xx, nothing changed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import LANGS
from web_client import Console, Page, new_sandbox

from xingtu_sim.i18n import Lang
from xingtu_sim.sandbox import store
from xingtu_sim.web.render import task_href
from xingtu_sim.web.security import CSRF_FIELD

NAME = "Spring launch"

# (what is sent, status, the message in English, in Chinese). A POST is (address, its fields).
POSTS = [
    pytest.param(
        "/publish",
        {"name": "", "brand": "Nike", "price": "10"},
        422,
        "A task name cannot be empty or only spaces.",
        "任务名称不能为空，也不能只有空格。",
        id="name empty",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "   ", "price": "10"},
        422,
        "A brand name cannot be empty or only spaces.",
        "品牌名称不能为空，也不能只有空格。",
        id="brand blank",
    ),
    pytest.param(
        "/publish",
        {"name": "x" * 61, "brand": "Nike", "price": "10"},
        422,
        "A task name may have at most 60 characters; this one has 61.",
        "任务名称最多 60 个字符，这个名称有 61 个。",
        id="name of 61 characters",
    ),
    pytest.param(
        "/publish",
        {"name": "x" * 60_000, "brand": "Nike", "price": "10"},
        422,
        "A task name may have at most 60 characters; this one has 60000.",
        "任务名称最多 60 个字符，这个名称有 60000 个。",
        id="name of 60000 characters",
    ),
    pytest.param(
        "/publish",
        {"name": " Spring", "brand": "Nike", "price": "10"},
        422,
        'The task name " Spring" starts or ends with a space; type it without.',
        "任务名称 “ Spring” 开头或结尾有空格；请去掉空格再输入。",
        id="name edged with a space",
    ),
    pytest.param(
        "/publish",
        {"name": "Spring\x1b[31mlaunch", "brand": "Nike", "price": "10"},
        422,
        'The task name "Spring�[31mlaunch" holds U+001B CONTROL CHARACTER',
        "任务名称 “Spring�[31mlaunch” 含有 U+001B CONTROL CHARACTER",
        id="name with an escape sequence",
    ),
    pytest.param(
        "/publish",
        {"name": "Spring\nlaunch", "brand": "Nike", "price": "10"},
        422,
        'The task name "Spring�launch" holds U+000A CONTROL CHARACTER',
        "任务名称 “Spring�launch” 含有 U+000A CONTROL CHARACTER",
        id="name with a newline",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike\u202ekiN", "price": "10"},
        422,
        'The brand name "Nike�kiN" holds U+202E RIGHT-TO-LEFT OVERRIDE',
        "品牌名称 “Nike�kiN” 含有 U+202E RIGHT-TO-LEFT OVERRIDE",
        id="brand with a right-to-left override",
    ),
    pytest.param(
        "/publish",
        {"name": "Spr\u200bing", "brand": "Nike", "price": "10"},
        422,
        'The task name "Spr�ing" holds U+200B ZERO WIDTH SPACE',
        "任务名称 “Spr�ing” 含有 U+200B ZERO WIDTH SPACE",
        id="name with a zero-width space",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike", "price": "0"},
        422,
        "A task's price must be more than 0 yuan.",
        "任务报酬必须大于 0 元。",
        id="price 0",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike", "price": "0.00"},
        422,
        "A task's price must be more than 0 yuan.",
        "任务报酬必须大于 0 元。",
        id="price 0.00",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike", "price": "9" * 5000},
        422,
        "A task's price is at most 10,000,000 yuan",
        "任务报酬最多 10,000,000 元",
        id="price of 5000 digits",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike", "price": "abc"},
        422,
        '"abc" is not an amount',
        "“abc” 不是有效的金额",
        id="price abc",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike", "price": "-5"},
        422,
        '"-5" is not an amount',
        "“-5” 不是有效的金额",
        id="price negative",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike", "price": "1.234"},
        422,
        '"1.234" is not an amount',
        "“1.234” 不是有效的金额",
        id="price three decimals",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike", "price": ""},
        422,
        '"" is not an amount',
        "“” 不是有效的金额",
        id="price empty",
    ),
    pytest.param(
        "/publish",
        {"name": "Taken", "brand": "Nike", "price": "10"},
        422,
        'A task named "Taken" already exists',
        "已存在名为 “Taken” 的任务",
        id="name taken",
    ),
    pytest.param(
        "/publish",
        {"name": NAME, "brand": "Nike"},
        400,
        'The form has no field "price".',
        "表单缺少字段“price”。",
        id="price missing",
    ),
    pytest.param(
        "/wait", {"hours": "-1"}, 422, '"-1" is not a number of hours', "“-1” 不是有效的小时数", id="hours negative"
    ),
    pytest.param(
        "/wait", {"hours": "abc"}, 422, '"abc" is not a number of hours', "“abc” 不是有效的小时数", id="hours abc"
    ),
    pytest.param(
        "/wait", {"hours": "1.5"}, 422, '"1.5" is not a number of hours', "“1.5” 不是有效的小时数", id="hours fraction"
    ),
    pytest.param("/wait", {"hours": ""}, 422, '"" is not a number of hours', "“” 不是有效的小时数", id="hours empty"),
    pytest.param(
        "/wait", {"hours": "٣"}, 422, '"٣" is not a number of hours', "“٣” 不是有效的小时数", id="hours arabic digit"
    ),
    pytest.param(
        "/wait", {"hours": "9" * 25}, 422, "That is too long a wait", "等待时间过长", id="hours too large to keep"
    ),
    pytest.param(
        "/wait", {"hours": "9" * 5000}, 422, "That is too long a wait", "等待时间过长", id="hours of 5000 digits"
    ),
    pytest.param(
        "/wait",
        {"hours": "5", "task": "Nope"},
        404,
        'There is no task "Nope".',
        "没有名为 “Nope” 的任务。",
        id="wait back to unknown task",
    ),
    pytest.param(
        "/move",
        {"task": "Nope", "trigger": "view"},
        404,
        'There is no task "Nope".',
        "没有名为 “Nope” 的任务。",
        id="unknown task",
    ),
    pytest.param(
        "/move",
        {"task": "", "trigger": "view"},
        404,
        'There is no task "".',
        "没有名为 “” 的任务。",
        id="empty task name",
    ),
    pytest.param(
        "/move",
        {"task": "x" * 60_000, "trigger": "view"},
        404,
        'There is no task "xxxx',
        "没有名为 “xxxx",
        id="huge task name",
    ),
    pytest.param(
        "/move",
        {"task": NAME, "trigger": "fly"},
        422,
        '"fly" is not an action of the lifecycle',
        "“fly” 不是任务流程中的操作",
        id="move that does not exist",
    ),
    pytest.param(
        "/move",
        {"task": NAME, "trigger": ""},
        422,
        '"" is not an action of the lifecycle',
        "“” 不是任务流程中的操作",
        id="empty move",
    ),
    pytest.param(
        "/move",
        {"task": NAME, "trigger": "view\x00"},
        422,
        "is not an action of the lifecycle",
        "不是任务流程中的操作",
        id="move with a NUL",
    ),
    pytest.param(
        "/move", {"task": NAME}, 400, 'The form has no field "trigger".', "表单缺少字段“trigger”。", id="move missing"
    ),
    pytest.param(
        "/account",
        {"action": "delete_everything"},
        422,
        '"delete_everything" is not an account action.',
        "“delete_everything” 不是账户操作。",
        id="unknown account action",
    ),
    pytest.param(
        "/account", {}, 400, 'The form has no field "action".', "表单缺少字段“action”。", id="account action missing"
    ),
    pytest.param(
        "/account/start-over",
        {"followers": "abc", "platform": "douyin"},
        422,
        '"abc" is not a follower count',
        "“abc” 不是有效的粉丝数",
        id="followers abc",
    ),
    pytest.param(
        "/account/start-over",
        {"followers": "-1", "platform": "douyin"},
        422,
        '"-1" is not a follower count',
        "“-1” 不是有效的粉丝数",
        id="followers negative",
    ),
    pytest.param(
        "/account/start-over",
        {"followers": "9" * 5000, "platform": "douyin"},
        422,
        "A number is too large for the sandbox to keep",
        "数值过大",
        id="followers of 5000 digits",
    ),
    pytest.param(
        "/account/start-over",
        {"followers": "1000", "platform": "myspace"},
        422,
        '"myspace" is not a platform',
        "“myspace” 不是有效的平台",
        id="unknown platform",
    ),
]

GETS = [
    pytest.param("/tasks/Nope", 404, 'There is no task "Nope".', "没有名为 “Nope” 的任务。", id="unknown task id"),
    pytest.param(
        task_href("<script>alert(1)</script>"),
        404,
        'There is no task "<script>alert(1)</script>".',
        "没有名为 “<script>alert(1)</script>” 的任务。",
        id="script as a task id",
    ),
    pytest.param("/tasks/", 404, 'There is no task "".', "没有名为 “” 的任务。", id="no task id"),
    pytest.param("/no/such/page", 404, "There is nothing at this address.", "此地址下没有内容。", id="unknown address"),
    pytest.param(
        "/move", 405, "This address does not take that kind of request.", "此地址不接受这种请求。", id="GET a move"
    ),
    pytest.param("/?pending=abc", 400, '"abc" is not a page number.', "“abc” 不是有效的页码。", id="page abc"),
    pytest.param("/?ended=-2", 400, '"-2" is not a page number.', "“-2” 不是有效的页码。", id="page negative"),
]


def in_each_language(cases: list[pytest.ParameterSet]) -> list[pytest.ParameterSet]:
    """Each case in every language. The fast loop (README: Developing) runs each case in one language, the
    languages taking turns; the full suite runs every case in every language."""
    crossed = []
    for number, case in enumerate(cases):
        for lang in LANGS:
            marks = () if lang == LANGS[number % len(LANGS)] else (pytest.mark.slow,)
            crossed.append(pytest.param(lang, *case.values, marks=(*case.marks, *marks), id=f"{case.id}-{lang}"))
    return crossed


@pytest.fixture
def console(tmp_path: Path) -> Console:
    console = Console(new_sandbox(tmp_path / "practice.db"))
    for name in (NAME, "Taken"):
        assert console.publish(name).status == 303
    return console


@pytest.mark.parametrize(("lang", "address", "fields", "status", "en", "zh"), in_each_language(POSTS))
def test_bad_form_input_gets_a_message_in_the_page_s_language_and_changes_nothing(
    console: Console, lang: Lang, address: str, fields: dict[str, str], status: int, en: str, zh: str
) -> None:
    console.get(f"/?lang={lang}")
    before = console.path.read_bytes()
    page = console.post(address, **fields)
    assert page.status == status, page
    assert page.lang == lang
    assert (en if lang == "en" else zh) in page.alert
    assert console.path.read_bytes() == before


@pytest.mark.parametrize(("lang", "address", "status", "en", "zh"), in_each_language(GETS))
def test_a_bad_address_gets_a_page_in_the_page_s_language(
    console: Console, lang: Lang, address: str, status: int, en: str, zh: str
) -> None:
    console.get(f"/?lang={lang}")
    before = console.path.read_bytes()
    page = console.get(address)
    assert page.status == status, page
    assert page.lang == lang
    assert (en if lang == "en" else zh) in page.alert
    assert page.links[{"en": "Task overview", "zh-CN": "任务概览"}[lang]] == "/"
    assert console.path.read_bytes() == before


def test_a_bad_form_comes_back_filled_in_as_it_was_sent(console: Console) -> None:
    page = console.post("/publish", name="Summer <b>", brand="Li-Ning", price="12,5")
    assert page.status == 422
    assert 'value="Summer &lt;b&gt;"' in page.html
    assert 'value="Li-Ning"' in page.html
    assert 'value="12,5"' in page.html


def test_a_refused_publish_gets_the_form_back_with_the_reason(tmp_path: Path) -> None:
    console = Console(new_sandbox(tmp_path / "practice.db", open_xingtu=False))
    page = console.publish(NAME)
    assert page.status == 409
    assert 'Refused: brand "Nike" cannot publish task "Spring launch". Reason: Xingtu not opened.' in page.alert
    assert page.headings[0] == "Publish a task"
    assert f'value="{NAME}"' in page.html


@pytest.mark.parametrize(
    ("address", "fields"),
    [
        ("/move", {"task": NAME, "trigger": "view"}),
        ("/publish", {"name": "Summer", "brand": "Nike", "price": "8000"}),
        ("/wait", {"hours": "1"}),
        ("/account", {"action": "stop_receiving"}),
    ],
    ids=["move", "publish", "wait", "account"],
)
def test_a_file_another_command_holds_answers_503_for_a_move_as_for_a_page(
    console: Console, monkeypatch: pytest.MonkeyPatch, address: str, fields: dict[str, str]
) -> None:
    token = console.token()
    monkeypatch.setattr(store, "BUSY_TIMEOUT_SECONDS", 0.05)
    with closing(sqlite3.connect(console.path)) as other:
        other.execute("BEGIN EXCLUSIVE")  # another process in the middle of its command
        page, moved = console.get("/"), Page(console.client.post(address, data={CSRF_FIELD: token, **fields}))
        other.rollback()
    for answer in (page, moved):
        assert answer.status == 503, answer
        assert "is busy: another command held it" in answer.alert
    assert "Publish" not in moved.headings  # not a form sent back to correct: nothing in it was wrong
