"""A deterministic policy for what follows an answer: the safety check-ins and the once-per-session notice.

The decisions themselves live in bot.safety.dialogue (pure, unit-tested); this class reads the tracker and turns
those decisions into predictions. It runs inside the Rasa server, so it works with the action server down.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME, DEFAULT_ACTION_NAMES
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Restarted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.components.incremental_tracker import types_of
from bot.components.input_checker import INPUT_CHECK
from bot.safety.categories import category_for_intent, is_risk_intent
from bot.safety.dialogue import (
    CRISIS_RESPONSES,
    EMERGENCY_RESPONSES,
    NOTICE_BEARING,
    SAFETY_STATE_SLOT,
    Turn,
    is_plain_no,
    next_follow_up,
    opening_word,
    says_fine,
)

# Rasa waits 5 minutes for a custom action; a person in distress should not. After ACTION_TIMEOUT_S (default 10 s)
# the action counts as failed and this policy says so (utter_action_unavailable). Rasa reads this module constant
# at call time, and this module is loaded with the model in every Rasa server.
import rasa.core.actions.action as _rasa_actions  # noqa: E402

ACTION_TIMEOUT_S = float(os.environ.get("ACTION_TIMEOUT_S") or 10)
_rasa_actions.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_S

# Rasa's own actions (action_listen, action_session_start, …): silence from them is not a failure …
RASA_DEFAULT_ACTIONS = frozenset(DEFAULT_ACTION_NAMES)
# … except the two-stage fallback, whose "Did you mean …?" is our action_default_ask_affirmation on the action server.
SERVED_BY_ACTION_SERVER = frozenset({"action_two_stage_fallback"})

# Above RulePolicy (6): when both are certain, the follow-up wins.
FOLLOW_UP_PRIORITY = 7
# Channels that show the "what this assistant is" notice permanently in their own interface.
CHANNELS_WITH_OWN_NOTICE = frozenset({"widget"})


def _custom_action_failed(tracker: DialogueStateTracker) -> bool:
    """True if the last thing that happened is a custom action that said nothing (action server down or slow)."""
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered):
            return False
        if isinstance(event, ActionExecuted):
            name = event.action_name or ""
            custom = name.startswith("action_") and name not in RASA_DEFAULT_ACTIONS
            return (custom or name in SERVED_BY_ACTION_SERVER) and _live(tracker)
        if isinstance(event, UserUttered):
            return False
    return False


def _live(tracker: DialogueStateTracker) -> bool:
    """Whether actions really ran: a message came in through a channel, or something was said. In a story replayed
    by `rasa test` neither is true (no action runs, nothing is said), so silence there is not a failure."""
    return tracker.get_latest_input_channel() is not None or any(isinstance(e, BotUttered) for e in tracker.events)


_SESSION_STARTED = types_of(SessionStarted)
_USER_UTTERED = types_of(UserUttered)
_ACTION_EXECUTED = types_of(ActionExecuted)


_STATE_RESETS = types_of(SessionStarted) | types_of(Restarted)
_SLOT_SET = types_of(SlotSet)


def state_when_the_turn_began(tracker: DialogueStateTracker) -> Optional[str]:
    """The safety state once the person's message was read, before this policy changed it.

    The policy sets the state with its first reply of a turn (Rasa logs that SlotSet just before the reply), and plans
    the rest of the turn from the state it began with: read afresh, "asked" would turn the direct question it is
    about to ask into a crisis reply, and "checking" would cut "are you safe right now?" after a crisis reply. Only a
    risk intent sets the slot when a message is read (its mapping, "checking", which the policy's plans agree with);
    any other change within the turn is the policy's own, and the value before the message is the one that counts.
    Normal turns read only their own events.
    """
    current = tracker.get_slot(SAFETY_STATE_SLOT)
    latest = tracker.latest_message
    if latest is not None and is_risk_intent((latest.intent or {}).get("name")):
        return current
    earlier = iter(reversed(tracker.events))
    moved = False
    for event in earlier:
        if type(event) in _USER_UTTERED:
            break
        if type(event) in _SLOT_SET and event.key == SAFETY_STATE_SLOT:
            moved = True
    return _state_before(earlier) if moved else current


def _state_before(earlier: Any) -> Optional[str]:
    """The latest value set for the safety state in `earlier` (events, newest first), None after a reset."""
    for event in earlier:
        if type(event) in _STATE_RESETS:
            return None
        if type(event) in _SLOT_SET and event.key == SAFETY_STATE_SLOT:
            return event.value
    return None


def latest_crisis_reply_was_an_emergency(tracker: DialogueStateTracker) -> bool:
    """True when the session's latest crisis reply, before this message, was an emergency reply (overdose, mixing,
    a medical emergency, or what to do until help arrives)."""
    for event in reversed(tracker.events):
        kind = type(event)
        if kind in _SESSION_STARTED:
            return False
        if kind in _ACTION_EXECUTED and event.action_name in CRISIS_RESPONSES:
            return event.action_name in EMERGENCY_RESPONSES
    return False


def describe_turn(tracker: DialogueStateTracker) -> Turn:
    """The facts bot.safety.dialogue needs, read from the tracker."""
    actions_this_turn: List[str] = []
    notice_shown = False
    seen_user = False
    for event in reversed(tracker.events):
        kind = type(event)
        if kind in _SESSION_STARTED:
            break
        if kind in _USER_UTTERED:
            seen_user = True
        elif kind in _ACTION_EXECUTED and event.action_name:
            if not seen_user:
                actions_this_turn.append(event.action_name)
            elif event.action_name in NOTICE_BEARING:
                notice_shown = True
                break  # all that is left to learn from earlier events
    since_listen = 0
    for event in reversed(tracker.events):
        if type(event) in _ACTION_EXECUTED:
            if event.action_name in (ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME):
                break
            since_listen += 1
    latest = tracker.latest_message
    parse_data = latest.parse_data if latest else {}
    intent = (latest.intent or {}).get("name") if latest else None
    safety = parse_data.get("safety") or {}
    category = category_for_intent(intent)
    return Turn(
        safety_state=state_when_the_turn_began(tracker),
        intent=intent,
        actions_this_turn=tuple(reversed(actions_this_turn)),
        notice_shown_this_session=notice_shown or tracker.get_latest_input_channel() in CHANNELS_WITH_OWN_NOTICE,
        truncated_input=bool((parse_data.get(INPUT_CHECK) or {}).get("truncated")),
        custom_action_failed=_custom_action_failed(tracker),
        actions_since_listen=since_listen,
        check_ask=safety.get("ask") if safety.get("tier") == "check" else None,
        risk_category=category.name if category else None,
        spanish=(parse_data.get(INPUT_CHECK) or {}).get("language") == "es",
        reply_opens_with=opening_word(latest.text if latest else None),
        plain_no=is_plain_no(latest.text if latest else None),
        protective=bool(safety.get("protective")) and safety.get("tier") == "none",
        help_coming=bool(safety.get("help_coming")),
        still_needs_care=bool(safety.get("still_needs_care")),
        says_fine=says_fine(latest.text if latest else None),
        # Read back through the session only when it matters, so an ordinary turn's cost stays flat.
        after_emergency=bool(safety.get("help_coming") or safety.get("still_needs_care"))
        and latest_crisis_reply_was_an_emergency(tracker),
    )


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class FollowUpPolicy(Policy):
    """Predicts safety check-ins, re-checks and the session notice; abstains otherwise."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Priority above RulePolicy so follow-ups are not lost to its `action_listen`."""
        return {"priority": FOLLOW_UP_PRIORITY}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        """Nothing to learn; persist a marker so loading finds the resource."""
        with self._model_storage.write_to(self._resource) as path:
            (path / "follow_up_policy.json").write_text(json.dumps({"priority": self.priority}))
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """A one-hot prediction for the follow-up, or all zeros to abstain."""
        follow_up = next_follow_up(describe_turn(tracker))
        probabilities = self._default_predictions(domain)
        if follow_up is None or follow_up.action not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(follow_up.action)] = 1.0
        optional_events = [SlotSet(SAFETY_STATE_SLOT, follow_up.safety_state)] if follow_up.sets_state else None
        return self._prediction(probabilities, optional_events=optional_events)
