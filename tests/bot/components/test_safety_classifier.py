"""SafetyClassifier: the tiers on real Rasa messages, the previous message as context, and the safety dialogue."""

from __future__ import annotations

from typing import Dict, Optional

from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from bot.components.input_checker import INPUT_CHECK
from bot.components.safety_classifier import SAFETY, SafetyClassifier, previous_turn
from bot.input_check import UNREADABLE_INTENT, InputKind
from bot.safety.corpus import CONTEXT_JOINER
from bot.safety.risk_model import RiskReading


def reading(risk: float, possible: float = 0.0, category: str = "suicide") -> RiskReading:
    probabilities: Dict[str, float] = {"none": 1 - risk - possible, "advice": 0.0, "possible": possible, category: risk}
    return RiskReading(probabilities, risk, possible, category)


class StubModel:
    """Reads by lookup: each text (or text pair) has a fixed reading; anything else reads as ordinary."""

    def __init__(self, readings: Dict[str, RiskReading]) -> None:
        self.readings = readings

    def read(self, text: str, vector, encode=None) -> RiskReading:  # noqa: ANN001 — same signature as RiskModel.read
        return self.readings.get(text, reading(0.0))


def classifier(readings: Dict[str, RiskReading]) -> SafetyClassifier:
    config = {**SafetyClassifier.get_default_config(), "crisis_threshold": 0.5, "check_threshold": 0.3}
    return SafetyClassifier(config, model=StubModel(readings))


def message(text: str, intent: str = "nlu_fallback", confidence: float = 0.5) -> Message:
    return Message(data={"text": text, "intent": {"name": intent, "confidence": confidence},
                         "intent_ranking": [{"name": intent, "confidence": confidence}]})


def tracker(*events, slots: Optional[dict] = None) -> DialogueStateTracker:
    state = DialogueStateTracker.from_events("someone", [ActionExecuted("action_listen"), *events])
    for name, value in (slots or {}).items():
        state.update(SlotSet(name, value))
    return state


EARLIER = "what happens if someone takes a lot of klonopin"
STASH = "well i have about sixty of them saved up"


def earlier_turn(concern: float, level: str = "cleared") -> UserUttered:
    return UserUttered(EARLIER, parse_data={SAFETY: {"level": level, "model": {"risk": concern, "possible": 0.0}}})


def test_a_message_that_adds_to_an_earlier_concern_is_read_with_it_and_routed() -> None:
    readings = {STASH: reading(0.1, 0.1), EARLIER + CONTEXT_JOINER + STASH: reading(0.9)}
    routed = message(STASH)
    classifier(readings).process([routed], tracker(earlier_turn(0.2)))
    assert routed.get("intent")["name"] == "risk_suicide"
    assert routed.get(SAFETY)["reason"].startswith("in context")


def test_without_an_earlier_concern_the_context_is_not_read() -> None:
    readings = {STASH: reading(0.1, 0.1), EARLIER + CONTEXT_JOINER + STASH: reading(0.9)}
    alone = message(STASH)
    classifier(readings).process([alone], tracker(earlier_turn(0.0, level="none")))
    assert alone.get("intent")["name"] != "risk_suicide"


def test_an_earlier_message_already_answered_with_a_crisis_reply_is_left_to_the_safety_dialogue() -> None:
    readings = {STASH: reading(0.1, 0.1), EARLIER + CONTEXT_JOINER + STASH: reading(0.9)}
    after_crisis = message(STASH)
    classifier(readings).process([after_crisis], tracker(earlier_turn(0.2), ActionExecuted("utter_crisis_suicide")))
    assert after_crisis.get("intent")["name"] != "risk_suicide"


def test_a_no_to_the_direct_question_is_not_read_again_with_the_message_it_was_asked_about() -> None:
    denial = "no, that's not it, i'm just worn out. does withdrawal make you tired?"
    readings = {denial: reading(0.05, 0.1), EARLIER + CONTEXT_JOINER + denial: reading(0.9)}
    answered = message(denial)
    classifier(readings).process([answered], tracker(earlier_turn(0.2), slots={"safety_state": "asked_suicide"}))
    assert answered.get("intent")["name"] != "risk_suicide" and "context" not in answered.get(SAFETY)
    unasked = message(denial)
    classifier(readings).process([unasked], tracker(earlier_turn(0.2)))
    assert unasked.get(SAFETY)["reason"].startswith("in context")


def test_a_no_whose_risk_words_are_negated_answers_the_direct_question_without_another_question() -> None:
    denial = "no, i'm not thinking about killing myself, i'm just drained"
    readings = {denial: reading(0.1, 0.5)}
    answered = message(denial, "deny", 0.6)
    classifier(readings).process([answered], tracker(slots={"safety_state": "asked_suicide"}))
    assert answered.get(SAFETY)["tier"] == "none"
    unasked = message(denial, "deny", 0.6)
    classifier(readings).process([unasked], tracker())
    assert unasked.get(SAFETY)["tier"] == "check"


def test_a_short_plain_advice_request_is_not_made_a_crisis_by_the_model_alone() -> None:
    request = "should i drop my evening klonopin and only keep the morning one, good idea?"
    asked = message(request, "medical_advice", 0.99)
    classifier({request: reading(0.9)}).process([asked], tracker())
    assert asked.get(SAFETY)["tier"] == "check" and asked.get("intent")["name"] == "medical_advice"
    statement = "i keep thinking everyone would be better off if i just stopped taking my pills and slept forever"
    routed = message(statement, "medical_advice", 0.99)
    classifier({statement: reading(0.9)}).process([routed], tracker())
    assert routed.get("intent")["name"] == "risk_suicide"


def test_help_on_the_way_right_after_an_emergency_reply_is_left_to_the_safety_dialogue() -> None:
    text = "the ambulance is on its way, what do we do until it gets here"
    waiting = message(text, "medical_advice", 0.9)
    classifier({text: reading(0.25, 0.1, "overdose")}).process([waiting], tracker(slots={"safety_state": "checking"}))
    assert waiting.get("intent")["name"] == "medical_advice" and waiting.get(SAFETY)["help_coming"] is True


def test_help_on_the_way_is_marked_for_the_safety_dialogue() -> None:
    waiting = message("the ambulance is on its way, what do we do until it gets here")
    classifier({}).process([waiting], tracker())
    assert waiting.get(SAFETY)["help_coming"] is True
    ordinary = message("how long does the ambulance ride to detox usually take")
    classifier({}).process([ordinary], tracker())
    assert ordinary.get(SAFETY)["help_coming"] is False


def test_previous_turn_stops_at_the_session_start() -> None:
    assert previous_turn(tracker(earlier_turn(0.2), SessionStarted())) is None
    assert previous_turn(tracker(earlier_turn(0.2)))["text"] == EARLIER
    assert previous_turn(None) is None


def test_a_possible_risk_with_nothing_to_answer_becomes_the_direct_question_but_not_inside_the_safety_dialogue() -> None:
    text = "whats even the point of it all"
    readings = {text: reading(0.1, 0.5)}
    outside = message(text)
    classifier(readings).process([outside], tracker())
    assert outside.get("intent")["name"] == "risk_unclear" and outside.get(SAFETY)["ask"] == "suicide"
    inside = message(text, "deny", 0.9)
    classifier(readings).process([inside], tracker(slots={"safety_state": "checking"}))
    assert inside.get("intent")["name"] == "deny" and inside.get(SAFETY)["tier"] == "check"


def test_a_clear_risk_is_routed_whatever_the_intent_classifier_says() -> None:
    text = "i took everything in the cabinet"
    routed = message(text, "side_effects", 0.99)
    classifier({text: reading(0.95, category="overdose")}).process([routed], tracker())
    assert routed.get("intent") == {"name": "risk_overdose", "confidence": 1.0}


def test_right_after_a_crisis_reply_a_lower_risk_reading_is_enough_for_the_crisis_reply() -> None:
    text = "he's slurring a lot tonight and keeps nodding off"
    readings = {text: reading(0.25, 0.1, "overdose")}
    after = message(text, "side_effects", 0.95)
    classifier(readings).process([after], tracker(slots={"safety_state": "checking"}))
    assert after.get("intent")["name"] == "risk_overdose"
    elsewhere = message(text, "side_effects", 0.95)
    classifier(readings).process([elsewhere], tracker())
    assert elsewhere.get("intent")["name"] != "risk_overdose" and elsewhere.get(SAFETY)["tier"] == "check"


def test_a_message_without_words_is_left_to_the_lexicon_not_to_what_the_models_make_of_unknown_tokens() -> None:
    emoji = "😭😭🙏"
    wordless = message(emoji, "risk_suicide", 0.99)
    wordless.set(INPUT_CHECK, {"kind": InputKind.UNREADABLE.value, "language": "en", "truncated": False})
    classifier({emoji: reading(0.95)}).process([wordless], tracker())
    assert wordless.get("intent")["name"] == UNREADABLE_INTENT and wordless.get(SAFETY)["tier"] == "none"
    # The same reading on a message with words is a crisis: the stub is what the wordless message was spared.
    worded = message(emoji)
    classifier({emoji: reading(0.95)}).process([worded], tracker())
    assert worded.get("intent")["name"] == "risk_suicide"


def test_help_on_the_way_after_an_emergency_reply_is_not_made_a_new_crisis_by_the_model_alone() -> None:
    text = "rang 999, they're coming, what should i do till they get here"
    waiting = message(text, "nlu_fallback", 0.4)
    classifier({text: reading(0.8)}).process([waiting], tracker(ActionExecuted("utter_crisis_overdose"), slots={"safety_state": "checking"}))
    assert waiting.get(SAFETY)["tier"] == "none" and waiting.get("intent")["name"] != "risk_suicide"
    elsewhere = message(text, "nlu_fallback", 0.4)
    classifier({text: reading(0.8)}).process([elsewhere], tracker())
    assert elsewhere.get(SAFETY)["tier"] != "none"


def test_asking_whether_to_still_go_after_an_emergency_reply_is_marked_for_the_safety_dialogue() -> None:
    text = "he seems a lot calmer now, should we still take him in"
    asking = message(text, "therapy", 0.6)
    classifier({text: reading(0.6)}).process([asking], tracker(ActionExecuted("utter_crisis_medical_emergency"), slots={"safety_state": "checking"}))
    assert asking.get(SAFETY)["still_needs_care"] is True and asking.get(SAFETY)["tier"] == "none"


def test_help_that_has_arrived_after_a_crisis_reply_is_protective() -> None:
    text = "the paramedics are here now and taking her in. thanks"
    arrived = message(text, "thank", 0.7)
    classifier({text: reading(0.7)}).process([arrived], tracker(slots={"safety_state": "checking"}))
    assert arrived.get(SAFETY)["protective"] is True and arrived.get(SAFETY)["tier"] == "none"


def test_a_no_to_the_direct_question_without_one_alarming_word_gets_no_second_question() -> None:
    denial = "no, not that. i'm just worn down and sick of this"
    answered = message(denial, "nlu_fallback", 0.4)
    classifier({denial: reading(0.2, 0.3)}).process([answered], tracker(slots={"safety_state": "asked_suicide"}))
    assert answered.get(SAFETY)["tier"] == "none"
    unasked = message(denial, "nlu_fallback", 0.4)
    classifier({denial: reading(0.2, 0.3)}).process([unasked], tracker())
    assert unasked.get(SAFETY)["tier"] == "check"


def test_a_late_yes_after_a_no_to_the_direct_question_is_a_crisis() -> None:
    from rasa.shared.core.events import ActionExecuted as Executed

    admission = "well... kind of yeah, it crosses my mind most nights"
    no_turn = UserUttered("no", parse_data={SAFETY: {"level": "none", "model": {"risk": 0.0, "possible": 0.0}}})
    late = message(admission)
    classifier({admission: reading(0.2, 0.3)}).process([late], tracker(no_turn, Executed("utter_ask_direct_thanks")))
    assert late.get(SAFETY)["tier"] == "crisis"
    unasked = message(admission)
    classifier({admission: reading(0.2, 0.3)}).process([unasked], tracker(no_turn, Executed("utter_greet")))
    assert unasked.get(SAFETY)["tier"] == "check"


def test_a_no_read_as_a_no_is_not_left_a_fallback_for_the_two_stage_fallback_to_count() -> None:
    denial = "no, not that. i'm just worn down and sick of this"
    answered = message(denial, "nlu_fallback", 0.4)
    classifier({denial: reading(0.2, 0.3)}).process([answered], tracker(slots={"safety_state": "asked_suicide"}))
    assert answered.get("intent")["name"] == "deny"
    unclear = message(denial, "risk_unclear", 0.6)
    classifier({denial: reading(0.02)}).process([unclear], tracker(slots={"safety_state": "asked_suicide"}))
    assert unclear.get("intent")["name"] == "deny"
    elsewhere = message(denial, "risk_unclear", 0.6)
    classifier({denial: reading(0.02)}).process([elsewhere], tracker())
    assert elsewhere.get("intent")["name"] != "deny"


def test_a_warning_sign_played_down_after_a_crisis_reply_gets_the_crisis_reply_again() -> None:
    text = "he just messaged that he's fine and not to worry"
    after = message(text, "nlu_fallback", 0.4)
    classifier({text: reading(0.05)}).process([after], tracker(ActionExecuted("utter_crisis_suicide"), slots={"safety_state": "checking"}))
    assert after.get(SAFETY)["tier"] == "crisis"
    after_emergency = message(text, "nlu_fallback", 0.4)
    classifier({text: reading(0.05)}).process(
        [after_emergency], tracker(ActionExecuted("utter_crisis_overdose"), slots={"safety_state": "checking"})
    )
    assert after_emergency.get(SAFETY)["tier"] != "crisis"


def test_an_emergency_going_on_is_only_no_new_crisis_after_an_emergency_reply() -> None:
    text = "he says he's fine and refuses to go"
    after_suicide_reply = message(text, "nlu_fallback", 0.4)
    classifier({text: reading(0.8)}).process(
        [after_suicide_reply], tracker(ActionExecuted("utter_crisis_suicide"), slots={"safety_state": "checking"})
    )
    assert after_suicide_reply.get(SAFETY)["tier"] == "crisis"
