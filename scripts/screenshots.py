"""The README's pictures of the practice console, taken from the real page: python scripts/screenshots.py

A sandbox with a few tasks in every stage, `xingtu-sim serve` on it, and Debian's Chromium (through
Playwright, the test extra) opening the task overview and a task's details in Chinese, on a desktop
screen and on a phone; then a class (`serve --class`) with trainees at every stage of a few lessons:
the trainer's dashboard, and a lesson half done in Chinese. Writes docs/screenshots/*.png; retake them
after changing a page.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from xingtu_sim import CreatorAccount, State
from xingtu_sim.lessons import bundled_lessons
from xingtu_sim.sandbox import create, session
from xingtu_sim.sandbox.classroom import join, open_class
from xingtu_sim.sandbox.practice import start_lesson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the browser the tests use
from chromium import launch  # noqa: E402  (found on the path just set)

OUT = ROOT / "docs" / "screenshots"
SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 375, "height": 812},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
}
OPENED = "春季新品推广"  # the task whose details are shown

# (task, brand, price in yuan, requirements, the state it is brought to), published in this order.
TASKS = [
    ("年货节直播预热", "稻香村", "12000", "直播前三天发布预热短视频，口播优惠信息。", State.COMPLETED),
    ("运动鞋开箱测评", "李宁", "6000", "真实上脚体验，时长一分钟以内。", State.DECLINED),
    ("秋季新款穿搭", "波司登", "9500", "三套搭配，展示面料细节。", State.SCRIPT_REVIEW),
    ("新品咖啡试饮", "瑞幸咖啡", "3000", "门店实拍，突出新品口味。", State.PRODUCING),
]
PENDING = [
    (
        OPENED,
        "耐克",
        "8000",
        "30 到 60 秒竖屏视频，展示春季新品跑鞋的缓震科技；脚本需先交品牌方确认，视频中不得出现其他运动品牌。",
    ),
    ("夏日饮品短视频", "清风茶饮", "1000", "突出夏季新品饮料，画面清爽明亮。"),
    ("护肤品成分科普", "百雀羚", "4500", "讲清三种核心成分，避免夸大功效。"),
]


def fill(path: Path) -> None:
    """A Douyin creator with 150,000 followers, Xingtu open, tasks in every stage, some hours gone by."""
    create(path, CreatorAccount(followers=150_000))
    with session(path) as current:
        current.open_xingtu()
        for name, brand, price, requirements, state in TASKS:
            current.publish(name, brand, price, requirements)
            current.bring_to(name, state)
    with session(path) as current:
        current.pass_time(5)
        for name, brand, price, requirements in PENDING:
            current.publish(name, brand, price, requirements)
            current.pass_time(3)


# A class: (trainee, language, [(lesson, the moves made on its task, as triggers)]).
CLASS = [
    (
        "李雷",
        "zh-CN",
        [("zh-CN/01_opening_xingtu", ["open"]), ("zh-CN/04_declining_costs_nothing", ["view", "decline"])],
    ),
    ("Wang Fang", "en", [("en/06_the_whole_path", ["view", "accept", "start_script"])]),
    ("张伟", "zh-CN", [("zh-CN/09_cancelling_is_a_breach", [])]),
    ("陈静", "zh-CN", []),
]
LESSON_TASK = {"en": "Spring launch", "zh-CN": "春季新品"}  # the task every bundled lesson sets up
LESSON = "zh-CN/04_declining_costs_nothing"  # the lesson shown half done: its task viewed, not yet declined


def fill_class(path: Path) -> str:
    """A class whose trainees are at every stage of a few lessons; its code."""
    code = open_class(path).code
    lessons = {lesson.key: lesson for lesson in bundled_lessons()}
    for name, lang, taken in CLASS:
        trainee = join(path, name, code, lang=lang)
        for key, triggers in taken:
            lesson = lessons[key]
            start_lesson(path, trainee.account, lesson)
            for trigger in triggers:
                with session(path, trainee.account) as current:
                    if trigger == "open":
                        current.open_xingtu()
                    else:
                        current.act(LESSON_TASK[lang], trigger)
    return code


def serve(db: Path, *args: str) -> tuple[subprocess.Popen[str], str, list[str]]:
    """`xingtu-sim serve` on a free port: the process, its address, and what it printed before it."""
    command = [sys.executable, "-m", "xingtu_sim", "serve", "--db", str(db), "--port", "0", "--lang", "zh-CN", *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    printed = []
    for line in process.stdout:
        printed.append(line)
        if "--class" in args and "token=" not in line:
            continue
        if "http://" in "".join(printed):
            address = re.search(r"http://\S+", "".join(printed))
            assert address is not None
            return process, address[0], printed
    raise SystemExit("xingtu-sim serve did not start")


def shoot(page: Page, name: str) -> None:
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"wrote {path.relative_to(OUT.parents[1])}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        filled = Path(folder) / "filled.db"
        fill(filled)
        browser = launch(playwright)
        for screen, options in SCREENS.items():
            db = Path(folder) / f"{screen}.db"  # each screen starts from the same sandbox
            db.write_bytes(filled.read_bytes())
            process, url, _printed = serve(db)
            try:
                context = browser.new_context(base_url=url, locale="zh-CN", **options)  # type: ignore[arg-type]
                page = context.new_page()
                page.goto("/?lang=zh-CN")
                shoot(page, f"overview-zh-{screen}")
                page.get_by_role("button", name=OPENED, exact=True).click()  # fires `view`, as a trainee does
                page.get_by_role("heading", name="任务详情", exact=True).wait_for()
                shoot(page, f"details-zh-{screen}")
                context.close()
            finally:
                process.terminate()
                process.wait(timeout=60)
        shoot_class(browser, Path(folder) / "class.db")
        browser.close()


def shoot_class(browser: object, db: Path) -> None:
    """The trainer's dashboard, and a lesson half done in Chinese on a desktop screen and on a phone."""
    code = fill_class(db)
    process, url, printed = serve(db, "--class")
    trainer_link = next(re.findall(r"http://\S+token=[\w-]+", line)[0] for line in printed if "token=" in line)
    try:
        trainer = browser.new_context(base_url=url, locale="zh-CN", **SCREENS["desktop"])  # type: ignore[attr-defined]
        page = trainer.new_page()
        page.goto(trainer_link)
        page.get_by_role("heading", name="班级", exact=True).wait_for()
        shoot(page, "class-zh-desktop")
        trainer.close()
        for screen, options in SCREENS.items():
            context = browser.new_context(base_url=url, locale="zh-CN", **options)  # type: ignore[attr-defined]
            page = context.new_page()
            page.goto("/join?lang=zh-CN")
            page.get_by_label("名字", exact=True).fill(f"赵敏（{screen}）")
            page.get_by_label("班级码", exact=True).fill(code)
            page.get_by_role("button", name="加入", exact=True).click()
            title = next(lesson.title for lesson in bundled_lessons() if lesson.key == LESSON)
            page.get_by_role("link", name=title, exact=True).click()
            page.get_by_role("button", name="开始本课", exact=True).click()
            page.get_by_role("link", name="任务概览", exact=True).click()
            page.get_by_role("button", name="春季新品", exact=True).click()  # fires `view`
            page.get_by_role("heading", name="任务详情", exact=True).wait_for()
            page.goto("/lessons/" + LESSON)
            shoot(page, f"lesson-zh-{screen}")
            context.close()
    finally:
        process.terminate()
        process.wait(timeout=60)


if __name__ == "__main__":
    main()
