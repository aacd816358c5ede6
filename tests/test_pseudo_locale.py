"""Every text goes through the catalogue: under a pseudo-locale (each message's letters swapped for look-alikes,
wrapped in ⟦ ⟧) no plain English word is left in what the CLI, the tour, the runner and the sandbox print.

What may stay plain is named here precisely: data (file paths, the step lines and titles echoed from
Chinese feature files, the names the test gives, which are Chinese), what a user types (commands,
options, metavars, move ids, choices), and the plain `N passed, N failed` line CI tools read.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from xingtu_sim.domain.lifecycle import State, Trigger
from xingtu_sim.i18n.extract import template
from xingtu_sim.steps.vocabulary import VOCABULARY, step_line

pytestmark = pytest.mark.slow

PSEUDO = "en-XA"
_LOOK_ALIKES = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ",
)
_KEPT = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%\([a-z]+\)s|\\.|--[a-z-]+|`[^`]*`|\$[A-Z_]+|https?://\S+")


def pseudo(msgid: str) -> str:
    """The message with its letters swapped for look-alikes, placeholders and options kept as they are."""
    parts, position = [], 0
    for kept in _KEPT.finditer(msgid):
        parts += [msgid[position : kept.start()].translate(_LOOK_ALIKES), kept.group()]
        position = kept.end()
    parts.append(msgid[position:].translate(_LOOK_ALIKES))
    return "⟦" + "".join(parts) + "⟧"


@pytest.fixture(scope="module")
def locale_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("locale")
    catalogue = Catalog(locale=None, domain="xingtu_sim", fuzzy=False)
    catalogue._set_mime_headers([("Plural-Forms", "nplurals=2; plural=(n != 1);")])
    for message in template():
        if not message.id:
            continue
        if isinstance(message.id, str):
            catalogue.add(message.id, pseudo(message.id), context=message.context)
        else:
            catalogue.add(message.id, tuple(pseudo(form) for form in message.id), context=message.context)
    mo = folder / PSEUDO.replace("-", "_") / "LC_MESSAGES" / "xingtu_sim.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as out:
        write_mo(out, catalogue)
    return folder


def cli(locale_dir: Path, *args: str, stdin: str = "") -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("XINGTU_SIM_")}
    environment |= {
        "XINGTU_SIM_LOCALE_DIR": str(locale_dir),
        "XINGTU_SIM_LANG": PSEUDO,
        "NO_COLOR": "1",
        "COLUMNS": "200",
    }
    done = subprocess.run(
        [sys.executable, "-m", "xingtu_sim", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )
    return done.stdout + done.stderr


# What a user types, and syntax: commands, options, metavars, ids, choices.
_TYPED = {
    "xingtu-sim",
    "sandbox",
    "new",
    "open",
    "offer",
    "do",
    "wait",
    "inbox",
    "show",
    "account",
    "stop-receiving",
    "resume-receiving",
    "reset",
    "record",
    "publish",
    "run",
    "steps",
    "coverage",
    "generate",
    "diagram",
    "tour",
    "rules",
    "simulate",
    "serve",
    "douyin",
    "xigua",
    "huoshan",
    "pretty",
    "progress",
    "cucumber-json",
    "junit",
    "message",
    "html",
    "text",
    "json",
    "mermaid",
    "dot",
    "svg",
    "png",
    "compiled",
    "transitions",
    "en",
    "zh-CN",
    PSEUDO,
    "lifecycle_<lang>",
    *(trigger.value for trigger in Trigger),
}
_PLAIN = [
    re.compile(r"^\d+ passed, \d+ failed(, \d+ undefined)?(, \d+ skipped)?$", re.MULTILINE),  # for CI, in English
    re.compile(r"\S*/\S+"),  # paths: files, folders, the bundled features, the sandbox file
    re.compile(r"--[a-z0-9-]+|\b[A-Z][A-Z_]{2,}\b|\[OPTIONS\]|\[ARGS\]\.\.\."),  # options and metavars
    re.compile(r"@[\w-]+"),  # tags
    re.compile(r"`[^`]*`", re.DOTALL),  # commands quoted in a message, which a user types as they are
    re.compile(r"⟦|⟧"),
]


# The step vocabulary is a contract kept as data: a reader of a language it is not written in is shown
# its English phrasings, as `steps` lists them.
_VOCABULARY_LINES = sorted(
    (
        step_line(phrase, "en", kind, variant=variant)
        for phrase in VOCABULARY
        for kind in phrase.kinds
        for variant in phrase.templates("en")
    ),
    key=len,
    reverse=True,
)
_IDS = {*(trigger.value for trigger in Trigger), *(state.id for state in State)}


def english_words(output: str) -> list[str]:
    """Plain ASCII words left in `output` once data, typed words and syntax are set aside."""
    for line in _VOCABULARY_LINES:
        output = output.replace(line, " ")
    for plain in _PLAIN:
        output = plain.sub(" ", output)
    words = re.findall(r"[A-Za-z][A-Za-z_-]*[A-Za-z]", output)
    return [word for word in words if word not in _TYPED and word not in _IDS]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["sandbox", "--help"],
        ["sandbox", "offer", "--help"],
        ["sandbox", "do", "--help"],
        ["run", "--help"],
        ["tour", "--help"],
        ["sandbox", "offer", "夏", "--brand", "耐克"],
        ["simulate", "--orders", "0"],
        ["rules", "--bogus"],
        ["steps"],
    ],
    ids=" ".join,
)
def test_help_usage_errors_and_listings_are_all_catalogue_text(locale_dir: Path, args: list[str]) -> None:
    output = cli(locale_dir, *args)
    assert "⟦" in output
    assert english_words(output) == [], output


def test_the_tour_is_all_catalogue_text(locale_dir: Path) -> None:
    output = cli(locale_dir, "tour", stdin="1\n1\n9\nq\n")
    assert "⟦" in output
    assert english_words(output) == [], output


def test_the_runner_s_output_is_all_catalogue_text_besides_the_feature_files_own_words(locale_dir: Path) -> None:
    output = cli(locale_dir, "run", "--tags", "@zh and (@no-op or @refusal)")
    assert re.search(r"^\d+ passed, 0 failed$", output, re.MULTILINE)
    assert english_words(output) == [], output
    undefined = Path(locale_dir) / "undefined.feature"
    undefined.write_text("# language: zh-CN\n功能: 试试\n  场景: 没有的步骤\n    假如没有这个步骤\n", encoding="utf-8")
    failing = cli(locale_dir, "run", str(undefined))
    assert "⟦" in failing
    assert english_words(failing) == [], failing


def test_the_sandbox_is_all_catalogue_text(locale_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "练习.db")
    steps = [
        ["new", "--followers", "150000"],
        ["open"],
        ["offer", "春季新品", "--brand", "耐克", "--price", "8000"],
        ["do", "view", "春季新品"],
        ["do", "approve_script", "春季新品"],
        ["do", "accept", "春季新品"],
        ["wait", "1d"],
        ["inbox"],
        ["show", "春季新品"],
        ["account"],
        ["do", "cancel", "春季新品"],
        ["show", "没有"],
    ]
    for step in steps:
        output = cli(locale_dir, "sandbox", "--db", db, *step)
        assert "⟦" in output, output
        assert english_words(output) == [], (step, output)


def test_the_rules_comments_say_each_key_in_every_language_the_pseudo_locale_too(locale_dir: Path) -> None:
    """The rules file speaks every language at once, on purpose: English (the ids), then each catalogue's."""
    english = {message.id for message in template() if isinstance(message.id, str)}
    comments = [line[2:] for line in cli(locale_dir, "rules").splitlines() if line.startswith("# ")]
    pseudo_lines = [comment for comment in comments if comment.startswith("⟦")]
    assert len(pseudo_lines) == len([comment for comment in comments if comment in english]) == 6
    others = [comment for comment in comments if comment not in english and not comment.startswith("⟦")]
    assert english_words("\n".join(others)) == []
