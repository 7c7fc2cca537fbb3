"""bot.components.incremental_tracker: applied_events and copy give exactly what Rasa's originals give, on
generated conversations with reverts, restarts, new sessions, forms and slots."""

from __future__ import annotations

import random

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Event,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.components import incremental_tracker as incremental

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [ask, inform]
slots:
  country: {type: text, mappings: [{type: custom}]}
  safe: {type: bool, mappings: [{type: custom}]}
  tries: {type: float, mappings: [{type: custom}]}
"""
)


def _random_event(rng: random.Random, number: int) -> Event:
    kind = rng.choices(
        ["user", "action", "loop_action", "bot", "slot", "loop", "no_loop", "revert_user", "revert_action",
         "restart", "session", "followup"],
        weights=[10, 10, 3, 6, 4, 1, 1, 1, 1, 0.3, 0.3, 0.5],
    )[0]
    if kind == "user":
        return UserUttered(f"message {number}", {"name": rng.choice(["ask", "inform"]), "confidence": 1.0})
    if kind == "action":
        return ActionExecuted(rng.choice(["action_listen", "utter_answer", "action_custom"]))
    if kind == "loop_action":
        return ActionExecuted(rng.choice(["form_a", "form_b"]))
    if kind == "bot":
        return BotUttered(f"reply {number}")
    if kind == "slot":
        name = rng.choice(["country", "safe", "tries"])
        return SlotSet(name, {"country": rng.choice(["US", "GB", None]), "safe": rng.choice([True, False]), "tries": float(number)}[name])
    if kind == "loop":
        return ActiveLoop(rng.choice(["form_a", "form_b"]))
    if kind == "no_loop":
        return ActiveLoop(None)
    if kind == "revert_user":
        return UserUtteranceReverted()
    if kind == "revert_action":
        return ActionReverted()
    if kind == "restart":
        return Restarted()
    if kind == "session":
        return SessionStarted()
    return FollowupAction("utter_answer")


def _state(tracker: DialogueStateTracker) -> dict:
    state = {key: value for key, value in vars(tracker).items() if key not in ("events", "slots", incremental._MEMO)}
    state["events"] = list(tracker.events)
    state["slots"] = {name: (slot.value, slot.has_been_set) for name, slot in tracker.slots.items()}
    return state


@pytest.mark.parametrize("seed", range(12))
def test_applied_events_and_copy_match_rasa_after_every_event(seed: int) -> None:
    rng = random.Random(seed)
    tracker = DialogueStateTracker.from_events(f"t{seed}", [], DOMAIN.slots)
    for number in range(300):
        tracker.update(_random_event(rng, number))
        if rng.random() < 0.5:  # sometimes several events arrive before the next call
            continue
        assert incremental.incremental_applied_events(tracker) == incremental.rasa_applied_events(tracker)
        if number % 10 == 0:
            assert _state(incremental.state_copy(tracker)) == _state(incremental.rasa_copy(tracker))


def test_a_new_form_name_recomputes_from_the_start() -> None:
    tracker = DialogueStateTracker.from_events("t", [ActionExecuted("action_listen")], DOMAIN.slots)
    for event in [UserUttered("hi", {"name": "ask"}), ActionExecuted("form_a"), ActionExecuted("form_a")]:
        tracker.update(event)
    incremental.incremental_applied_events(tracker)  # remembered without knowing form_a is a loop
    tracker.update(ActiveLoop("form_a"))  # now earlier form_a executions count differently
    assert incremental.incremental_applied_events(tracker) == incremental.rasa_applied_events(tracker)


def test_the_result_can_be_changed_by_the_caller_without_harm() -> None:
    tracker = DialogueStateTracker.from_events("t", [ActionExecuted("action_listen")], DOMAIN.slots)
    incremental.incremental_applied_events(tracker).clear()
    assert incremental.incremental_applied_events(tracker) == incremental.rasa_applied_events(tracker) != []


def test_copy_is_independent_of_the_original() -> None:
    tracker = DialogueStateTracker.from_events("t", [SlotSet("country", "GB")], DOMAIN.slots)
    duplicate = incremental.state_copy(tracker)
    duplicate.update(SlotSet("country", "IE"))
    assert tracker.get_slot("country") == "GB" and len(tracker.events) == 1


def test_rasa_uses_these_methods_once_the_model_components_are_loaded() -> None:
    from bot.components import windowed_policies

    assert windowed_policies.incremental_tracker is incremental
    assert DialogueStateTracker.applied_events is incremental.incremental_applied_events
    assert DialogueStateTracker.copy is incremental.state_copy
