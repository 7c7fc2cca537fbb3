"""FollowUpPolicy reads the tracker and predicts check-ins, re-checks and the notice."""

from __future__ import annotations

from typing import List, Optional

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.components.follow_up_policy import FOLLOW_UP_PRIORITY, FollowUpPolicy, describe_turn


def policy(tmp_path) -> FollowUpPolicy:
    storage = LocalModelStorage(tmp_path)
    return FollowUpPolicy.create(
        FollowUpPolicy.get_default_config(), storage, Resource("follow_up"), ExecutionContext(GraphSchema({}), "test")
    )


def user(intent: str, truncated: bool = False) -> UserUttered:
    return UserUttered("…", {"name": intent, "confidence": 1.0}, parse_data={"input_check": {"truncated": truncated}})


def predicted(tmp_path, domain: Domain, events: List[Event]) -> Optional[str]:
    tracker = DialogueStateTracker.from_events("test", [SessionStarted(), ActionExecuted("action_listen"), *events])
    prediction: PolicyPrediction = policy(tmp_path).predict_action_probabilities(tracker, domain)
    if max(prediction.probabilities) == 0:
        return None
    return domain.action_names_or_texts[prediction.probabilities.index(1.0)]


def test_policy_outranks_rule_policy() -> None:
    assert FOLLOW_UP_PRIORITY > 6


def test_first_answer_of_session_is_followed_by_the_notice(tmp_path, domain) -> None:
    events = [user("side_effects"), ActionExecuted("utter_side_effects")]
    assert predicted(tmp_path, domain, events) == "utter_session_notice"


def test_notice_is_shown_once_per_session(tmp_path, domain) -> None:
    events = [
        user("side_effects"), ActionExecuted("utter_side_effects"), ActionExecuted("utter_session_notice"),
        ActionExecuted("action_listen"), user("dangers"), ActionExecuted("utter_dangers"),
    ]
    assert predicted(tmp_path, domain, events) == "action_listen"


def test_in_the_safety_state_an_answer_is_followed_by_a_check_in(tmp_path, domain) -> None:
    events = [
        user("risk_suicide"), SlotSet("safety_state", "checking"), ActionExecuted("utter_crisis_suicide"),
        ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
        user("withdrawal_timeline"), ActionExecuted("utter_withdrawal_timeline"),
    ]
    assert predicted(tmp_path, domain, events) == "utter_safety_checkin"


def test_im_fine_sets_the_recheck_state_with_the_recheck(tmp_path, domain) -> None:
    events = [SlotSet("safety_state", "checking"), ActionExecuted("utter_safety_checkin"), ActionExecuted("action_listen"), user("deny_risk")]
    tracker = DialogueStateTracker.from_events("test", [SessionStarted(), ActionExecuted("action_listen"), *events])
    prediction = policy(tmp_path).predict_action_probabilities(tracker, domain)
    assert domain.action_names_or_texts[prediction.probabilities.index(1.0)] == "utter_safety_recheck"
    assert prediction.optional_events == [SlotSet("safety_state", "rechecking")]


def test_abstains_while_the_rules_answer(tmp_path, domain) -> None:
    assert predicted(tmp_path, domain, [user("side_effects")]) is None


def test_the_widget_shows_its_own_notice_so_none_is_appended(tmp_path, domain) -> None:
    widget_user = UserUttered("…", {"name": "side_effects", "confidence": 1.0}, input_channel="widget")
    assert predicted(tmp_path, domain, [widget_user, ActionExecuted("utter_side_effects")]) == "action_listen"


def test_a_runaway_turn_is_ended_by_listening(tmp_path, domain) -> None:
    from rasa.shared.core.events import UserUtteranceReverted

    loop: List[Event] = []
    for _ in range(8):  # a fallback that reverts the message and is predicted again, as Rasa's loop would
        loop += [ActionExecuted("action_default_fallback"), UserUtteranceReverted()]
    assert predicted(tmp_path, domain, [user("side_effects"), *loop]) == "action_listen"
    assert predicted(tmp_path, domain, [user("side_effects"), *loop[:6]]) != "action_listen"


def test_a_reply_opening_with_a_plain_yes_or_no_is_recognised() -> None:
    from bot.components.follow_up_policy import opening_word

    assert opening_word("No, I'm not") == "no" and opening_word("nope.") == "no"
    assert opening_word("yeah i guess") == "yes" and opening_word("I don't know") is None and opening_word(None) is None


def test_a_plain_no_is_nothing_but_a_no() -> None:
    from bot.components.follow_up_policy import is_plain_no

    assert is_plain_no("No, I'm not.") and is_plain_no("nope not at all") and is_plain_no("No")
    assert not is_plain_no("no im not ok") and not is_plain_no("no, but I think about it") and not is_plain_no(None)


def safety_user(intent: str, ask: Optional[str] = None, truncated: bool = False) -> UserUttered:
    safety = {"tier": "check", "ask": ask} if ask else {"tier": "none"}
    parse_data = {"safety": safety, "input_check": {"truncated": truncated}}
    return UserUttered("…", {"name": intent, "confidence": 1.0}, parse_data=parse_data)


def test_yes_to_the_direct_question_gets_the_crisis_reply_then_are_you_safe(tmp_path, domain) -> None:
    # The crisis reply moved the state to "checking"; the rest of the turn is still planned from "asked".
    asked = [SlotSet("safety_state", "asked_suicide"), ActionExecuted("utter_ask_direct_suicide"), ActionExecuted("action_listen")]
    # Rasa logs a prediction's SlotSet just before the action it came with.
    events = [*asked, safety_user("affirm"), SlotSet("safety_state", "checking"), ActionExecuted("utter_crisis_suicide")]
    assert predicted(tmp_path, domain, events) == "utter_ask_safe_now"
    assert predicted(tmp_path, domain, [*events, ActionExecuted("utter_ask_safe_now")]) == "action_listen"


def test_an_answer_then_a_note_then_the_direct_question_though_the_note_moved_the_state(tmp_path, domain) -> None:
    events = [
        safety_user("withdrawal_timeline", ask="suicide", truncated=True), ActionExecuted("utter_withdrawal_timeline"),
        SlotSet("safety_state", "asked_suicide"), ActionExecuted("utter_input_truncated"),
    ]
    assert predicted(tmp_path, domain, events) == "utter_ask_direct_suicide"


def test_the_state_a_new_session_carried_over_is_the_one_the_turn_began_with(tmp_path, domain) -> None:
    events = [
        SlotSet("safety_state", "checking"), ActionExecuted("action_listen"), SessionStarted(),
        SlotSet("safety_state", "checking"), ActionExecuted("action_listen"), user("affirm"),
    ]
    tracker = DialogueStateTracker.from_events("test", events)
    assert describe_turn(tracker).safety_state == "checking"
    moved = DialogueStateTracker.from_events("test", [*events, SlotSet("safety_state", "rechecking"), ActionExecuted("utter_safety_recheck")])
    assert describe_turn(moved).safety_state == "checking"
    # A risk intent's own mapping is part of reading the message: that value is the one the turn began with.
    risk = [ActionExecuted("action_listen"), user("risk_suicide"), SlotSet("safety_state", "checking")]
    assert describe_turn(DialogueStateTracker.from_events("test", risk)).safety_state == "checking"


def help_coming(intent: str = "medical_advice") -> UserUttered:
    return UserUttered("…", {"name": intent, "confidence": 1.0}, parse_data={"safety": {"tier": "none", "help_coming": True}})


def test_help_on_the_way_after_an_overdose_reply_gets_what_to_do_until_it_arrives(tmp_path, domain) -> None:
    events = [
        user("risk_overdose"), SlotSet("safety_state", "checking"), ActionExecuted("utter_crisis_overdose"),
        ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), help_coming(),
    ]
    assert predicted(tmp_path, domain, events) == "utter_emergency_help_coming"


def test_help_on_the_way_after_a_suicide_crisis_reply_is_answered_then_checked_on(tmp_path, domain) -> None:
    events = [
        user("risk_suicide"), SlotSet("safety_state", "checking"), ActionExecuted("utter_crisis_suicide"),
        ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), help_coming(),
        ActionExecuted("utter_medical_advice"),
    ]
    assert predicted(tmp_path, domain, events) == "utter_safety_checkin"
