"""The console in a real browser (Debian's Chromium, driven by Playwright) against a real `xingtu-sim serve`.

Controls are found as a person finds them: by role and accessible name, in the page's language (WEB.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import LANGS, ok
from playwright.sync_api import Browser, BrowserContext, Page, expect
from served import Served

from xingtu_sim.i18n import Lang

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
TIMEOUT_MS = 20_000  # a slow, shared machine; not a speed check

pytestmark = pytest.mark.slow  # a browser and a server process per test


@pytest.fixture
def served(db: Path) -> Iterator[Served]:
    """The console on a sandbox whose creator (150,000 followers) has opened Xingtu."""
    served = Served(db)
    yield served
    code, _stdout, stderr = served.stop()
    assert code == 0, stderr
    assert stderr == "", stderr  # no traceback, no server error, ever


def open_page(browser: Browser, served: Served, path: str = "/", **options: object) -> Page:
    context: BrowserContext = browser.new_context(base_url=served.url, **options)  # type: ignore[arg-type]
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(path)
    return page


def click(page: Page, role: str, name: str) -> None:
    page.get_by_role(role, name=name, exact=True).click()  # type: ignore[arg-type]


def heading(page: Page, name: str) -> None:
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()


PUBLISH_LABELS = {
    "en": ("Publish a task", "Task name", "Brand", "Price (yuan)", "The brand's requirements", "Publish"),
    "zh-CN": ("发布任务", "任务名称", "品牌方", "报酬（元）", "广告主的主要需求", "发布"),
}


def publish(
    page: Page, task: str, brand: str = "Nike", price: str = "8000", requirements: str = "", lang: Lang = "en"
) -> None:
    link, name, brand_label, price_label, requirements_label, button = PUBLISH_LABELS[lang]
    click(page, "link", link)
    page.get_by_label(name, exact=True).fill(task)
    page.get_by_label(brand_label, exact=True).fill(brand)
    page.get_by_label(price_label, exact=True).fill(price)
    page.get_by_label(requirements_label, exact=True).fill(requirements)
    click(page, "button", button)


def account_facts(page: Page) -> str:
    click(page, "link", "Account")
    heading(page, "Account")
    facts = page.locator("dl").first.inner_text()
    return re.sub(r"Clock\s+hour \d+ \(day \d+, \d\d:\d\d\)", "", facts)


@pytest.mark.parametrize("javascript", [True, False], ids=["JavaScript on", "JavaScript off"])
def test_the_whole_happy_path_through_every_button(browser: Browser, tmp_path: Path, javascript: bool) -> None:
    db = tmp_path / "practice.db"
    ok(db, "new", "--followers", "150000")
    served = Served(db)
    try:
        page = open_page(browser, served, java_script_enabled=javascript)
        click(page, "link", "Account")
        click(page, "button", "open Xingtu")
        expect(page.get_by_text("open (Douyin needs 100000 followers)")).to_be_visible()
        click(page, "button", "stop receiving tasks")
        click(page, "button", "resume receiving tasks")
        publish(page, "Spring launch", price="8000", requirements="A 30-second vertical video of the spring shoes")
        heading(page, "Task overview")
        heading(page, "Pending tasks")
        expect(page.get_by_text("24 hours left")).to_be_visible()
        click(page, "button", "Spring launch")  # the title fires `view`
        heading(page, "Task details")
        expect(page.locator("dl")).to_contain_text("viewing details")
        expect(page.locator("dl")).to_contain_text("A 30-second vertical video of the spring shoes")
        click(page, "button", "close details")
        heading(page, "Task overview")
        click(page, "button", "Spring launch")
        for role_side, move in [
            ("creator", "accept"),
            ("creator", "start the script"),
            ("creator", "submit the script"),
            ("brand", "request script changes"),
            ("creator", "submit the script"),
            ("brand", "approve the script"),
            ("creator", "upload the video"),
            ("brand", "request video changes"),
            ("creator", "upload the video"),
            ("brand", "confirm the video"),
            ("creator", "publish the video"),
            ("platform", "fail the review"),
            ("creator", "upload the video"),
            ("brand", "confirm the video"),
            ("creator", "publish the video"),
            ("platform", "pass the review"),
        ]:
            side = page.locator(f"section.side-{role_side}")
            side.get_by_role("button", name=move, exact=True).click()
            heading(page, "Task details")
        expect(page.get_by_role("status")).to_have_text(
            "The review passed: 7600.00 yuan credited to the creator (price 8000.00 − service fee 400.00)."
        )
        expect(page.locator("dl")).to_contain_text("completed")
        expect(page.locator("dl")).to_contain_text("script 1 of 2, video 1 of 2")
        assert "7600.00 yuan" in account_facts(page)
        click(page, "link", "Task overview")
        expect(page.locator("section", has=page.get_by_role("heading", name="Ended tasks"))).to_contain_text(
            "completed"
        )
    finally:
        code, _stdout, stderr = served.stop()
    assert (code, stderr) == (0, "")


@pytest.mark.parametrize("ending", ["decline", "lapse"])
def test_declining_or_letting_a_task_lapse_leaves_the_account_unchanged(
    browser: Browser, served: Served, ending: str
) -> None:
    page = open_page(browser, served)
    before = account_facts(page)
    publish(page, "Spring launch")
    click(page, "button", "Spring launch")
    if ending == "decline":
        click(page, "button", "decline")
        expect(page.locator("dl")).to_contain_text("declined")
    else:
        click(page, "link", "Task overview")
        page.get_by_role("spinbutton", name="Hours", exact=True).fill("24")
        click(page, "button", "Wait")
        expect(page.get_by_text("It is hour 24 (day 2, 00:00).")).to_be_visible()
        expect(page.locator("section", has=page.get_by_role("heading", name="Ended tasks"))).to_contain_text("expired")
    assert account_facts(page) == before


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_move_shows_its_reason_in_the_page_s_language_and_changes_nothing(
    browser: Browser, served: Served, lang: Lang
) -> None:
    ok(served_db(served), "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    page = open_page(browser, served, f"/?lang={lang}")
    click(page, "button", "Spring launch")
    labels = {"en": ("Move", "pass the review (platform)", "Try"), "zh-CN": ("操作", "审核通过（平台）", "尝试")}
    move, option, button = labels[lang]
    page.get_by_role("combobox", name=move, exact=True).select_option(label=option)
    click(page, "button", button)
    alert = page.get_by_role("alert")
    expected = {
        "en": 'Refused: the platform cannot pass the review: task "Spring launch" is in the state "viewing details". '
        "Reason: not allowed in this state.",
        "zh-CN": "操作被拒绝：平台无法对任务 “Spring launch”（查看详情）执行“审核通过”。原因：当前状态不允许该操作。",
    }[lang]
    expect(alert).to_contain_text(expected)
    expect(alert).to_contain_text({"en": "Nothing was changed.", "zh-CN": "未作任何改动。"}[lang])
    assert "viewing details" in ok(served_db(served), "show", "Spring launch")


def served_db(served: Served) -> Path:
    return Path(served.process.args[served.process.args.index("--db") + 1])  # type: ignore[union-attr]


def test_both_languages_and_the_switch_that_is_remembered(browser: Browser, served: Served) -> None:
    page = open_page(browser, served, extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
    heading(page, "Task overview")
    click(page, "link", "中文")
    heading(page, "任务概览")
    heading(page, "待接收任务")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    click(page, "link", "账户")
    heading(page, "账户")
    click(page, "button", "关闭接收任务")
    heading(page, "账户")
    click(page, "button", "开启接收任务")
    publish(page, "春季新品", brand="耐克", requirements="30 到 60 秒竖屏视频", lang="zh-CN")
    click(page, "button", "春季新品")
    heading(page, "任务详情")
    expect(page.locator("dl")).to_contain_text("耐克")
    expect(page.locator("dl")).to_contain_text("30 到 60 秒竖屏视频")
    expect(page.locator("dl")).to_contain_text("剩余 24 小时")
    for button in ("关闭详情", "接受任务", "拒绝任务", "尝试", "等待"):
        expect(page.get_by_role("button", name=button, exact=True)).to_be_visible()
    expect(page.get_by_role("spinbutton", name="小时", exact=True)).to_be_visible()
    for panel in ("品牌方操作", "平台操作"):
        heading(page, panel)
    click(page, "link", "English")
    heading(page, "Task details")
    click(page, "link", "Task overview")
    heading(page, "Task overview")


def test_a_browser_that_prefers_chinese_gets_chinese(browser: Browser, served: Served) -> None:
    page = open_page(browser, served, locale="zh-CN", extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    heading(page, "任务概览")
    expect(page.get_by_text("培训用练习工具：这是模拟，与抖音、星图没有任何连接。")).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_no_page_scrolls_sideways(browser: Browser, served: Served, lang: Lang) -> None:
    ok(served_db(served), "offer", LONG_NAME, "--brand", "B" * 60, "--price", "9999999.99")
    ok(served_db(served), "offer", CHINESE_NAME, "--brand", "耐克", "--price", "8000")
    page = open_page(browser, served, f"/?lang={lang}", **PHONE)
    for path in ("/", "/account", "/publish", "/no-such-page"):
        page.goto(path)
        assert _sideways_overflow(page) == 0, path
    for name in (LONG_NAME, CHINESE_NAME):
        page.goto("/")
        _open_details(page, name)
        assert _sideways_overflow(page) == 0, name


def test_the_sideways_check_sees_a_page_wider_than_the_phone(browser: Browser, served: Served) -> None:
    ok(served_db(served), "offer", LONG_NAME, "--brand", "B" * 60, "--price", "9999999.99")
    page = open_page(browser, served, **PHONE)
    page.route("**/console.css", lambda route: route.abort())  # unstyled, the long name is one long line
    _open_details(page, LONG_NAME)
    assert _sideways_overflow(page) > 0


LONG_NAME = "Averylongtasknamethatabrandtypedwithoutasinglespace" + "x" * 9  # 60 characters, the most
CHINESE_NAME = "春季新品发布会短视频推广（竖屏，三十到六十秒）"


def _open_details(page: Page, name: str) -> None:
    """Click the task's name, and wait for its details page to be loaded, stylesheet and all."""
    page.get_by_role("button", name=name, exact=True).click()
    expect(page).to_have_url(re.compile(r"/tasks/"))
    page.wait_for_load_state("load")  # the click returns once the page is parsed, before its stylesheet applies


def _sideways_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the phone's screen, once its fonts are loaded.

    The screen is the root element's clientWidth (375 px here), not window.innerWidth: on a phone the
    browser zooms out to fit a page that is too wide, so innerWidth grows with the page and the
    difference between the two is 0 again as soon as the browser has zoomed out.
    """
    script = "async () => { await document.fonts.ready; const root = document.documentElement; "
    script += "return root.scrollWidth - root.clientWidth; }"
    return int(page.evaluate(script))


def test_a_move_made_with_the_cli_appears_in_the_page_and_the_other_way_round(browser: Browser, served: Served) -> None:
    db = served_db(served)
    page = open_page(browser, served)
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000", "--requirements", "Sing the jingle")
    page.reload()
    click(page, "button", "Spring launch")
    heading(page, "Task details")
    expect(page.locator("dl")).to_contain_text("Sing the jingle")
    assert "Now viewing details: the creator's move." in ok(db, "show", "Spring launch")
    ok(db, "do", "accept", "Spring launch")
    page.reload()
    expect(page.locator("dl")).to_contain_text("accepted")
    click(page, "button", "start the script")
    assert "Now scripting: the creator's move." in ok(db, "show", "Spring launch")
