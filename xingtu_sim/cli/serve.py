"""`xingtu-sim serve`: the practice console in the browser, on the same sandbox file as `xingtu-sim sandbox`."""

from __future__ import annotations

from pathlib import Path

import click

from xingtu_sim.cli.base import XingtuCommand, chosen_lang, current_lang, lang_option, say
from xingtu_sim.cli.sandbox_options import db_option, make_folder, rules_change_option, sandbox_path
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import N_, Message, _
from xingtu_sim.i18n import render
from xingtu_sim.interrupts import signal_was_the_end


def _say(message: Message) -> None:
    say(render(message, current_lang()))


@click.command("serve", cls=XingtuCommand)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help=N_("Address to serve on: this machine only, unless --class (0.0.0.0: every network of this machine)."),
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help=N_("Port (0: any free port)."),
)
@click.option(
    "--class",
    "classroom",
    is_flag=True,
    help=N_("A classroom: trainees join with a name and the class code, each on their own practice account."),
)
@click.option(
    "--lessons",
    "lesson_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PATH",
    help=N_("A trainer's own lesson files or folders, offered with the bundled lessons (repeat for more)."),
)
@rules_change_option
@db_option
@lang_option
def command(host: str, port: int, classroom: bool, lesson_paths: tuple[Path, ...], rules: Rules | None) -> None:
    """Serve the practice console at http://127.0.0.1:8000/ until Ctrl-C, on the sandbox file.

    Example:  xingtu-sim serve --db practice.db --lang zh-CN
    Example:  xingtu-sim serve --class --host 0.0.0.0 --db class.db --lessons my_lessons/
    """
    # The web stack is imported here only, so that other commands and --help start fast.
    from xingtu_sim.lessons import bundled_lessons, read_lessons
    from xingtu_sim.lessons.solve import unfinishable
    from xingtu_sim.sandbox.classroom import open_class
    from xingtu_sim.web import Practice, create_app
    from xingtu_sim.web.app import LOOPBACK_HOSTS
    from xingtu_sim.web.server import address, listen, serve
    from xingtu_sim.web.who import Classroom

    # A trainer's lesson with a mistake, or that no trainee could finish under the rules in force, stops the
    # start (file and line), before a trainee can meet it. (The tests finish every bundled lesson.)
    own = read_lessons(list(lesson_paths)) if lesson_paths else []
    practice = Practice(sandbox_path())
    if own and (problems := unfinishable(own, practice.rules_in_force(rules))):
        raise InputError(*problems)
    lessons = bundled_lessons() + own
    sock = listen(host, port, classroom=classroom)
    try:
        folder = make_folder(practice.path)
        started, rules_changed = practice.ensure(rules)
        if folder is not None:
            _say(_("Made the folder {folder} for the sandbox.", folder=folder))
        if started and classroom:
            _say(
                _(
                    "There was no sandbox in {path}: started one for the class (each trainee who joins gets a "
                    "creator account of their own).",
                    path=practice.path,
                )
            )
        elif started:
            _say(
                _(
                    "There was no sandbox in {path}: started one for a Douyin creator with 150000 followers "
                    "(change it on the Account page).",
                    path=practice.path,
                )
            )
        if rules_changed:
            _say(
                _(
                    "The sandbox keeps these rules from now on; tasks already published keep the rules they were "
                    "published under."
                )
            )
        # A classroom is served to the network (any Host name): every page there needs a signed session.
        opened = open_class(practice.path) if classroom else None
        room = None if opened is None else Classroom(opened.code, opened.session_secret)
        hosts = None if classroom else (*LOOPBACK_HOSTS, host)
        app = create_app(practice, default_lang=chosen_lang(), hosts=hosts, lessons=lessons, classroom=room)
        url = address(sock)
        _say(_("Practice console: {url}  (Ctrl-C to stop)", url=url))
        if opened is not None:
            code, trainer_link = opened.code, f"{url}class?token={opened.trainer_token}"
            _say(
                _(
                    "Class code: {code}  (trainees open {url} and join with their name and this code)",
                    code=code,
                    url=url,
                )
            )
            _say(_("Trainer's dashboard, keep this link to yourself: {url}", url=trainer_link))
        _say(_("Sandbox file: {path}", path=practice.path))
        serve(app, sock)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: how serving ends, so not an interruption (exit 0)
        signal_was_the_end()
    finally:
        sock.close()
    _say(_("Stopped."))
