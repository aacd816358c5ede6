"""Every (state, trigger) pair of the lifecycle, generated from the table itself."""

from __future__ import annotations

import json

import pytest
from conftest import everything

from xingtu_sim import TRANSITIONS, TRIGGERS, ActionRefused, InputError, Reason, State, Workspace, lifecycle_machine
from xingtu_sim.domain.lifecycle import CLOCK_MOVE, Guard, Trigger, chosen_from, parse_trigger, transition_from
from xingtu_sim.i18n import describe

PAIRS = [(state, trigger) for state in State for trigger in TRIGGERS]
LEGAL = [(s, t) for s, t in PAIRS if transition_from(s, t)]
ILLEGAL = [(s, t) for s, t in PAIRS if not transition_from(s, t)]


def _pair_id(pair: tuple[State, Trigger]) -> str:
    return f"{pair[0].id}-{pair[1]}"


def _task_in(workspace: Workspace, state: State) -> str:
    workspace.publish("Spring launch", "Nike", "1000")
    workspace.bring_to("Spring launch", state)
    return "Spring launch"


def test_the_table_has_the_specs_thirteen_states_and_sixteen_triggers() -> None:
    assert len(State) == 13
    assert len(TRANSITIONS) == 16
    assert {s.id for s in State if s.terminal} == {"completed", "declined", "expired", "cancelled"}


def test_each_trigger_names_exactly_one_row_of_the_table() -> None:
    assert [row.trigger for row in TRANSITIONS] == list(Trigger)


@pytest.mark.parametrize("trigger", Trigger, ids=str)
def test_a_trigger_is_written_as_its_id_in_files_arguments_and_the_sandbox(trigger: Trigger) -> None:
    assert (str(trigger), f"{trigger}", json.dumps(trigger)) == (trigger.value, trigger.value, f'"{trigger.value}"')
    assert parse_trigger(trigger.value) is trigger


def test_an_unknown_trigger_is_an_input_error_that_names_every_trigger(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "1000")
    with pytest.raises(InputError) as error:
        workspace.act("Spring launch", "acept")
    assert "acept" in describe(error.value, "en")
    assert all(trigger.value in describe(error.value, "zh-CN") for trigger in Trigger)


def test_only_the_clock_makes_the_move_whose_guard_is_the_window_being_over() -> None:
    assert [row for row in TRANSITIONS if Guard.ACCEPT_WINDOW_OVER in row.guards] == [CLOCK_MOVE]
    assert all(CLOCK_MOVE not in chosen_from(state) for state in State)


@pytest.mark.parametrize("state", State, ids=lambda s: s.id)
def test_hours_left_count_down_to_the_deadline_only_while_the_task_awaits_a_decision(
    workspace: Workspace, state: State
) -> None:
    task = workspace.task(_task_in(workspace, state))
    expected = max(task.accept_deadline - workspace.clock.now, 0) if state in CLOCK_MOVE.sources else None
    assert task.hours_left == expected
    workspace.clock.now += 5
    assert task.hours_left == (None if expected is None else max(expected - 5, 0))


@pytest.mark.parametrize(("state", "trigger"), LEGAL, ids=map(_pair_id, LEGAL))
def test_a_legal_pair_reaches_the_tables_destination(workspace: Workspace, state: State, trigger: Trigger) -> None:
    task = workspace.task(_task_in(workspace, state))
    if Guard.ACCEPT_WINDOW_OVER in TRIGGERS[trigger].guards:
        workspace.clock.now = task.accept_deadline  # time has come; the platform lapses it
    task.fire(trigger)
    assert task.state is TRIGGERS[trigger].dest
    assert task.history[-1].trigger == trigger
    assert (task.history[-1].source, task.history[-1].dest) == (state, TRIGGERS[trigger].dest)


@pytest.mark.parametrize(("state", "trigger"), ILLEGAL, ids=map(_pair_id, ILLEGAL))
def test_every_other_pair_is_refused_and_changes_nothing(workspace: Workspace, state: State, trigger: str) -> None:
    name = _task_in(workspace, state)
    before = everything(workspace)
    with pytest.raises(ActionRefused) as refusal:
        workspace.act(name, trigger)
    assert refusal.value.reason is Reason.NOT_ALLOWED
    assert refusal.value.task == name
    assert refusal.value.state == state.id
    assert everything(workspace) == before


def test_the_machine_is_built_from_the_table_without_automatic_triggers() -> None:
    machine = lifecycle_machine()
    assert set(machine.events) == set(TRIGGERS)
    for row in TRANSITIONS:
        for source in row.sources:
            [built] = machine.events[row.trigger].transitions[source.name]
            assert built.dest == row.dest.name


def test_every_guard_and_effect_in_the_table_is_a_method_of_a_task(workspace: Workspace) -> None:
    task = workspace.publish("Spring launch", "Nike", "1000")
    for row in TRANSITIONS:
        for callback in [*row.guards, *row.effects]:
            assert callable(getattr(task, callback.method))


@pytest.mark.parametrize("state", [s for s in State if s.terminal], ids=lambda s: s.id)
def test_terminal_states_accept_no_trigger(workspace: Workspace, state: State) -> None:
    name = _task_in(workspace, state)
    for trigger in TRIGGERS:
        with pytest.raises(ActionRefused):
            workspace.act(name, trigger)
    assert workspace.task(name).state is state
