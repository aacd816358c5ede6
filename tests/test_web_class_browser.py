"""A class in a real browser (Debian's Chromium, driven by Playwright) against a real `xingtu-sim serve --class`:
a trainer and two trainees in browsers of their own, each trainee finishing a different lesson in a different
language, the dashboard showing it, and the recordings they download running green with `xingtu-sim run`."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import sandbox_environment
from playwright.sync_api import Browser, BrowserContext, Page, expect
from served import Served

TIMEOUT_MS = 20_000  # a slow, shared machine; not a speed check

pytestmark = pytest.mark.slow  # a browser and a server process


def run(path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "xingtu_sim", "run", "--lang", "en", str(path)]
    return subprocess.run(command, capture_output=True, text=True, env=sandbox_environment(), timeout=120)


def new_page(browser: Browser, url: str) -> Page:
    context: BrowserContext = browser.new_context(base_url=url, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def click(page: Page, role: str, name: str) -> None:
    page.get_by_role(role, name=name, exact=True).click()  # type: ignore[arg-type]


def heading(page: Page, name: str) -> None:
    expect(page.get_by_role("heading", name=name, exact=True).first).to_be_visible()


def join(page: Page, name: str, code: str, labels: tuple[str, str, str], address: str = "/") -> None:
    page.goto(address)
    name_label, code_label, button = labels
    page.get_by_label(name_label, exact=True).fill(name)
    page.get_by_label(code_label, exact=True).fill(code)
    click(page, "button", button)


def download(page: Page, link: str, folder: Path) -> Path:
    with page.expect_download() as downloading:
        click(page, "link", link)
    saved = folder / downloading.value.suggested_filename
    downloading.value.save_as(saved)
    return saved


def status_of(page: Page, trainee: str, column: int) -> str:
    row = page.locator("tr", has=page.get_by_role("rowheader", name=trainee, exact=True))
    return row.get_by_role("cell").nth(column).inner_text()


def test_a_trainer_and_two_trainees_each_finishing_a_lesson_in_their_own_language(
    browser: Browser, tmp_path: Path
) -> None:
    served = Served(tmp_path / "class.db", "--class")
    try:
        code = re.search(r"Class code: (\w+)", served.line_with("Class code: "))[1]  # type: ignore[index]
        trainer_link = served.line_with("class?token=").split()[-1]
        trainer, li, wang = (new_page(browser, served.url) for _person in range(3))

        trainer.goto(trainer_link)
        heading(trainer, "Class")
        expect(trainer.get_by_text("No trainee has joined yet.")).to_be_visible()

        # Li Lei, in English: lesson 4, declining costs nothing.
        join(li, "Li Lei", code, ("Name", "Class code", "Join"))
        heading(li, "Lessons")
        click(li, "link", "Lesson 4: Declining a task costs nothing")
        click(li, "button", "Start this lesson")
        expect(li.get_by_text("not yet").first).to_be_visible()
        click(li, "link", "Task overview")
        heading(li, "Pending tasks")
        click(li, "button", "Spring launch")  # the title fires `view`
        heading(li, "Task details")
        expect(li.get_by_text("Lesson complete")).to_have_count(0)
        li.locator("section.side-creator").get_by_role("button", name="decline", exact=True).click()
        expect(li.get_by_text("Lesson complete")).to_be_visible()
        click(li, "link", "Back to the lesson")
        expect(li.get_by_role("status")).to_have_text("Lesson complete")
        li_recording = download(li, "Download as a feature file", tmp_path)

        # 王芳, in Chinese: lesson 3, viewing the details and closing them.
        join(wang, "王芳", code, ("名字", "班级码", "加入"), address="/join?lang=zh-CN")
        heading(wang, "课程")
        click(wang, "link", "第 3 课：查看任务详情后关闭")
        click(wang, "button", "开始本课")
        click(wang, "link", "任务概览")
        click(wang, "link", "春季新品")  # already viewed: its title is a plain link
        heading(wang, "任务详情")
        wang.locator("section.side-creator").get_by_role("button", name="关闭详情", exact=True).click()
        heading(wang, "任务概览")
        expect(wang.get_by_text("本课完成")).to_be_visible()
        click(wang, "link", "课程")
        wang_recording = download(wang, "下载为场景文件", tmp_path)

        trainer.reload()
        heading(trainer, "Class")
        assert status_of(trainer, "Li Lei", 3) == "done"
        assert status_of(trainer, "王芳", 2) == "done"
        assert status_of(trainer, "Li Lei", 2) == "not started"
        expect(trainer.locator("section", has_text="王芳")).to_contain_text(
            'When the creator closes the task "春季新品"'
        )
        trainer.goto("/class?lang=zh-CN")
        heading(trainer, "班级")
        assert status_of(trainer, "Li Lei", 3) == "已完成"

        assert li_recording.read_text(encoding="utf-8").startswith("# language: en\n")
        assert wang_recording.read_text(encoding="utf-8").startswith("# language: zh-CN\n")
        for recording in (li_recording, wang_recording):
            ran = run(recording)
            assert ran.returncode == 0, ran.stdout + ran.stderr

        everything = download(trainer, "下载全部练习记录（zip，每位学员一个文件夹）", tmp_path)
        with zipfile.ZipFile(everything) as archive:
            names = sorted(archive.namelist())
            archive.extractall(tmp_path / "all")
        assert [name.split("/")[0] for name in names] == ["Li-Lei-1", "王芳-2"]
        for name in names:
            ran = run(tmp_path / "all" / name)
            assert ran.returncode == 0, ran.stdout + ran.stderr
    finally:
        code_, _stdout, stderr = served.stop()
    assert (code_, stderr) == (0, "")


def test_a_script_in_a_task_or_trainee_name_shows_as_text_and_never_runs(browser: Browser, tmp_path: Path) -> None:
    served = Served(tmp_path / "class.db", "--class")
    try:
        code = re.search(r"Class code: (\w+)", served.line_with("Class code: "))[1]  # type: ignore[index]
        trainer_link = served.line_with("class?token=").split()[-1]
        trainee, trainer = new_page(browser, served.url), new_page(browser, served.url)
        dialogs: list[str] = []
        for page in (trainee, trainer):
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        script = "<script>alert('ran')</script>"
        join(trainee, "<img src=x onerror=alert(1)>", code, ("Name", "Class code", "Join"))
        heading(trainee, "Lessons")
        click(trainee, "link", "Account")
        click(trainee, "button", "open Xingtu")
        click(trainee, "link", "Publish a task")
        trainee.get_by_label("Task name", exact=True).fill(script)
        trainee.get_by_label("Brand", exact=True).fill("<b>Brand</b>")
        trainee.get_by_label("Price (yuan)", exact=True).fill("8000")
        click(trainee, "button", "Publish")
        expect(trainee.get_by_role("button", name=script, exact=True)).to_be_visible()
        expect(trainee.get_by_text("<b>Brand</b>", exact=True)).to_be_visible()
        click(trainee, "button", script)
        heading(trainee, "Task details")
        expect(trainee.locator(".task-name")).to_have_text(script)
        trainer.goto(trainer_link)
        expect(trainer.get_by_role("rowheader", name="<img src=x onerror=alert(1)>", exact=True)).to_be_visible()
        assert trainer.locator("img").count() == 0
        assert trainee.locator("main script").count() == 0
        assert dialogs == []
    finally:
        code_, _stdout, stderr = served.stop()
    assert (code_, stderr) == (0, "")
