"""RulePolicy and MemoizationPolicy that look at the recent turns only, so a turn's cost does not grow with the
conversation.

Rasa 3.6 turns the whole tracker into dialogue states (`tracker.past_states`) for every prediction, several times
per message, although MemoizationPolicy then keeps `max_history` states and every rule here spans one or two turns.
At 200 turns that is ~50 ms per message. These subclasses predict on a copy of the tracker that starts a few user
turns back, with the slot values and active loop of that point restored first, so the states they compare are the
same (tests/bot/components/test_windowed_policies.py checks prediction equality turn by turn on long conversations).
"""

from __future__ import annotations

import itertools
from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, AllSlotsReset, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

# Also makes applied_events() and copy() incremental (bot/components/incremental_tracker.py) and runs the prediction
# graph without dask (bot/components/sequential_runner.py).
from bot.components import incremental_tracker, sequential_runner  # noqa: F401
from bot.components.incremental_tracker import types_of

# User turns kept: comfortably more than MemoizationPolicy's max_history (3) and the longest rule (2 turns).
DEFAULT_WINDOW_TURNS = 8


# Both policies predict on the same tracker at each step: build its window once. The key holds the tracker itself
# (not its id, which could be reused) with its length and last event, so a grown tracker gets a new window.
_last_window: List[Any] = [None, None]


def recent_tracker(tracker: DialogueStateTracker, window_turns: int = DEFAULT_WINDOW_TURNS) -> DialogueStateTracker:
    """The tracker from `window_turns` user messages back, with that point's slots and active loop restored."""
    key = (tracker, len(tracker.events), tracker.events[-1] if tracker.events else None, window_turns)
    cached = _last_window[0]
    if cached is not None and cached[0] is key[0] and cached[1] == key[1] and cached[2] is key[2] and cached[3] == key[3]:
        return _last_window[1]
    window = _window(tracker, window_turns)
    _last_window[0], _last_window[1] = key, window
    return window


_USER_UTTERED = types_of(UserUttered)
_SLOT_SET = types_of(SlotSet)
_ALL_SLOTS_RESET = types_of(AllSlotsReset)
_ACTIVE_LOOP = types_of(ActiveLoop)


def _window(tracker: DialogueStateTracker, window_turns: int) -> DialogueStateTracker:
    applied = tracker.applied_events()
    # The last `window_turns` user messages, found from the end (the conversation before them is not needed).
    cut = None
    seen = 0
    for index in range(len(applied) - 1, -1, -1):
        if type(applied[index]) in _USER_UTTERED:
            seen += 1
            if seen == window_turns:
                cut = index
            elif seen > window_turns:
                break
    if cut is None or seen <= window_turns:
        return tracker
    # Start at the `action_listen` before that message, so its state keeps its previous action.
    if cut > 0 and isinstance(applied[cut - 1], ActionExecuted):
        cut -= 1
    slots: Dict[str, Any] = {}
    active_loop: Optional[ActiveLoop] = None
    for event in itertools.islice(applied, cut):
        kind = type(event)
        if kind in _SLOT_SET:
            slots[event.key] = event.value
        elif kind in _ALL_SLOTS_RESET:
            slots = {}
        elif kind in _ACTIVE_LOOP:
            active_loop = event
    prefix: List[Event] = [SlotSet(name, value) for name, value in slots.items() if name in tracker.slots]
    if active_loop is not None and active_loop.name:
        prefix.append(ActiveLoop(active_loop.name))
    window = DialogueStateTracker.from_events(tracker.sender_id, prefix + applied[cut:], tracker.slots.values())
    window.followup_action = tracker.followup_action
    return window


class _RecentTurnsPrediction:
    """Predicts with the parent policy on the recent turns; training is the parent's, unchanged."""

    config: Dict[Text, Any]

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The parent policy's prediction on the tracker's recent turns."""
        window = recent_tracker(tracker, self.config["window_turns"])
        return super().predict_action_probabilities(window, domain, rule_only_data, **kwargs)  # type: ignore[misc]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class WindowedRulePolicy(_RecentTurnsPrediction, RulePolicy):
    """RulePolicy predicting from the recent turns."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """RulePolicy's defaults plus the window size."""
        return {**RulePolicy.get_default_config(), "window_turns": DEFAULT_WINDOW_TURNS}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class WindowedMemoizationPolicy(_RecentTurnsPrediction, MemoizationPolicy):
    """MemoizationPolicy predicting from the recent turns."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """MemoizationPolicy's defaults plus the window size."""
        return {**MemoizationPolicy.get_default_config(), "window_turns": DEFAULT_WINDOW_TURNS}


# Rasa also posts the whole tracker — every event of the session, serialised — to the action server for each custom
# action call, and rasa_sdk parses it back: another cost that grows with the conversation. The one custom action
# here reads the latest message only, so the call carries the recent turns with their slots restored (slots, latest
# message, active loop and input channel are the same as the full tracker's). Patched here because this module is
# loaded with the model in every Rasa server, like the action timeout in follow_up_policy.
import rasa.core.actions.action as _rasa_actions  # noqa: E402


ACTION_CALL_WINDOW_TURNS = 2
_full_tracker_call_format = _rasa_actions.RemoteAction._action_call_format


def _recent_turns_call_format(self: Any, tracker: DialogueStateTracker, domain: Domain) -> Dict[Text, Any]:
    """Rasa's action-call payload, built from the tracker's recent turns."""
    return _full_tracker_call_format(self, recent_tracker(tracker, ACTION_CALL_WINDOW_TURNS), domain)


_rasa_actions.RemoteAction._action_call_format = _recent_turns_call_format
