"""`xingtu-sim serve`: the practice console in the browser, on the same sandbox file as `xingtu-sim sandbox`."""

from __future__ import annotations

import click

from xingtu_sim.cli.base import XingtuCommand, chosen_lang, current_lang, lang_option, say
from xingtu_sim.cli.sandbox_options import db_option, make_folder, rules_change_option, sandbox_path
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import N_, Message, _
from xingtu_sim.i18n import render
from xingtu_sim.interrupts import signal_was_the_end


def _say(message: Message) -> None:
    say(render(message, current_lang()))


@click.command("serve", cls=XingtuCommand)
@click.option("--host", default="127.0.0.1", show_default=True, help=N_("Loopback address to serve on."))
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help=N_("Port (0: any free port)."),
)
@rules_change_option
@db_option
@lang_option
def command(host: str, port: int, rules: Rules | None) -> None:
    """Serve the practice console at http://127.0.0.1:8000/ until Ctrl-C, on the sandbox file.

    Example:  xingtu-sim serve --db practice.db --lang zh-CN
    """
    # The web stack is imported here only, so that other commands and --help start fast.
    from xingtu_sim.web import Practice, create_app
    from xingtu_sim.web.app import LOOPBACK_HOSTS
    from xingtu_sim.web.server import address, listen, serve

    practice = Practice(sandbox_path())
    app = create_app(practice, default_lang=chosen_lang(), hosts=(*LOOPBACK_HOSTS, host))
    sock = listen(host, port)
    try:
        folder = make_folder(practice.path)
        started, rules_changed = practice.ensure(rules)
        if folder is not None:
            _say(_("Made the folder {folder} for the sandbox.", folder=folder))
        if started:
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
        _say(_("Practice console: {url}  (Ctrl-C to stop)", url=address(sock)))
        _say(_("Sandbox file: {path}", path=practice.path))
        serve(app, sock)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: how serving ends, so not an interruption (exit 0)
        signal_was_the_end()
    finally:
        sock.close()
    _say(_("Stopped."))
