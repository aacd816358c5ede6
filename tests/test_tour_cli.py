"""`xingtu-sim tour` driven through piped input, one choice per line, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import LANGS, tour_choices

from xingtu_sim import INITIAL_STATE, State
from xingtu_sim.cli import main
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.domain.text import _, ngettext
from xingtu_sim.i18n import Lang, render

HAPPY_PATH = ["open", *(edge.trigger for edge in shortest_path(INITIAL_STATE, State.COMPLETED))]


def tour(choices: str, lang: Lang = "en", *extra: str) -> Result:
    return CliRunner().invoke(main, ["tour", "--lang", lang, *extra], input=choices)


def assert_clean(result: Result) -> None:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("lang", LANGS)
def test_the_happy_path_ends_completed_with_the_fee_and_the_net_pay(lang: Lang) -> None:
    result = tour(tour_choices(*HAPPY_PATH, lang=lang), lang)
    assert_clean(result)
    assert render(_("Final state: {state}.", state=render(State.COMPLETED, lang)), lang) in result.output
    pay = render(
        _(
            "Price {price} yuan − service fee {fee} yuan ({percent}) = net pay {net} yuan.",
            price="1000.00",
            fee="50.00",
            percent="5%",
            net="950.00",
        ),
        lang,
    )
    assert pay in result.output
    assert result.output.rstrip().endswith(
        render(_("End of the tour. Run it again to walk another path: xingtu-sim tour"), lang)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_doing_nothing_lapses_the_task_and_shows_the_account_unchanged(lang: Lang) -> None:
    result = tour(tour_choices("open", "wait", lang=lang), lang)
    assert_clean(result)
    waited = ngettext("{hours} hour passes and you do nothing.", "{hours} hours pass and you do nothing.", 24, hours=24)
    assert render(waited, lang) in result.output
    unchanged = render(
        _(
            (
                "Account before: balance {balance_before} yuan, breaches "
                "{breaches_before}.\nAccount after:  balance {balance_after} yuan, "
                "breaches {breaches_after}. Unchanged."
            ),
            balance_before="0.00",
            balance_after="0.00",
            breaches_before=0,
            breaches_after=0,
        ),
        lang,
    )
    assert result.output.count(unchanged) == 2  # when the hours pass, and in the summary
    assert render(_("Final state: {state}.", state=render(State.EXPIRED, lang)), lang) in result.output


@pytest.mark.parametrize("lang", LANGS)
def test_a_move_not_allowed_is_refused_with_the_reason_and_the_tour_goes_on(lang: Lang) -> None:
    result = tour(tour_choices("open", "accept", "view", "accept", lang=lang), lang)
    assert_clean(result)
    reason = {"en": "Reason: not allowed in this state.", "zh-CN": "原因：当前状态不允许该操作。"}[lang]
    assert reason in result.output
    assert render(_("Nothing changed; the tour goes on."), lang) in result.output
    pending_stage = render(_("Stage: {stage}", stage=render(State.PENDING_RECEIPT, lang)), lang)
    assert result.output.count(pending_stage) == 1  # after a refusal only the menu comes again
    assert render(_("Stage: {stage}", stage=render(State.ACCEPTED, lang)), lang) in result.output
    assert result.output.rstrip().endswith(render(_("End of input: the tour stops here."), lang))


def test_the_brand_and_the_platform_move_when_it_is_their_turn() -> None:
    moves = [*HAPPY_PATH[:5], "request_script_changes", "submit_script", *HAPPY_PATH[5:-1], "fail_review"]
    result = tour(tour_choices(*moves))
    assert_clean(result)
    assert "brand: request script changes. The task is now scripting." in result.output
    assert "platform: fail the review. The task is now producing." in result.output
    assert "The platform's review failed: the video must be redone" in result.output
    assert "Whose move: brand." in result.output
    assert "Whose move: platform." in result.output


@pytest.mark.parametrize("lang", LANGS)
def test_the_end_of_input_mid_way_ends_the_tour_cleanly(lang: Lang) -> None:
    result = tour(tour_choices("open", "view", lang=lang), lang)
    assert_clean(result)
    assert result.output.rstrip().endswith(render(_("End of input: the tour stops here."), lang))


def test_no_input_at_all_ends_the_tour_cleanly() -> None:
    result = tour("")
    assert_clean(result)
    assert result.output.rstrip().endswith("End of input: the tour stops here.")


@pytest.mark.parametrize("lang", LANGS)
def test_an_invalid_choice_gets_a_one_line_hint_and_the_menu_again(lang: Lang) -> None:
    result = tour("abc\n99\n0\n\n1\n", lang)
    assert_clean(result)
    for wrong in ["abc", "99", "0", ""]:
        assert (
            render(_('"{choice}" is not on the menu: type {choices}, or q to quit.', choice=wrong, choices="1"), lang)
            in result.output
        )
    assert result.output.count(render(_("quit the tour"), lang)) == 6  # five on the first stage, one after opening
    assert render(_("Xingtu is open and you are receiving tasks."), lang) in result.output


def test_the_hint_names_the_range_when_the_menu_has_several_moves() -> None:
    result = tour(tour_choices("open") + "abc\n")
    assert '"abc" is not on the menu: type a number from 1 to 5, or q to quit.' in result.output


@pytest.mark.parametrize("lang", LANGS)
def test_q_quits_with_a_summary_of_the_path_so_far(lang: Lang) -> None:
    result = tour(tour_choices("open", "view", lang=lang) + "q\nnever read\n", lang)
    assert_clean(result)
    assert (
        render(_("Stopped at: {state} (the task is not finished).", state=render(State.VIEWING_DETAILS, lang)), lang)
        in result.output
    )
    assert result.output.rstrip().endswith(render(_("You left the tour."), lang))


def test_the_rules_file_changes_the_window_and_the_fee(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("accept_window_hours = 48\nservice_fee_percent = 10\n", encoding="utf-8")
    result = tour(tour_choices(*HAPPY_PATH), "en", "--rules", str(rules))
    assert_clean(result)
    assert "do nothing and let 48 hours pass" in result.output
    assert "Price 1000.00 yuan − service fee 100.00 yuan (10%) = net pay 900.00 yuan." in result.output


def test_a_bad_rules_file_exits_2_before_the_tour_starts(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("service_fee_percent = 120\n", encoding="utf-8")
    result = tour("1\n", "en", "--rules", str(rules))
    assert result.exit_code == 2
    assert "service_fee_percent: must be between 0 and 100" in result.output
    assert "Welcome" not in result.output


@pytest.mark.parametrize("lang", LANGS)
def test_the_position_line_brackets_the_current_state(lang: Lang) -> None:
    result = tour(tour_choices("open", "view", lang=lang), lang)
    assert f"[{render(State.VIEWING_DETAILS, lang)}]" in result.output
    assert f"[{render(State.PENDING_RECEIPT, lang)}]" in result.output


@pytest.mark.parametrize("no_colour", ["", "1"], ids=["colour", "NO_COLOR"])
@pytest.mark.parametrize("lang", LANGS)
def test_piped_the_tour_prints_no_escape_sequence_and_no_replacement_character(
    lang: Lang, no_colour: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", no_colour)
    result = tour(tour_choices(*HAPPY_PATH, lang=lang), lang)
    assert_clean(result)
    assert "\x1b" not in result.output
    assert "\ufffd" not in result.output
    assert f"[{render(State.COMPLETED, lang)}]" in result.output


def test_say_shows_a_users_control_characters_as_replacements_and_keeps_its_own_style() -> None:
    import click

    from xingtu_sim.cli.base import say, styled

    @click.command()
    def show() -> None:
        say("task \x1b[31mred\x07", styled("[accepted]", fg="cyan"), " end")

    coloured = CliRunner().invoke(show, color=True).output
    assert "task \ufffd[31mred\ufffd" in coloured
    assert click.style("[accepted]", fg="cyan") in coloured
    assert CliRunner().invoke(show).output == "task \ufffd[31mred\ufffd[accepted] end\n"
