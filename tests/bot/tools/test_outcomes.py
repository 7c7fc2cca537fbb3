"""Reducing a turn's actions to one outcome, and scoring a set against what a clinician expects."""

from __future__ import annotations

from bot.tools.fresh_eval import Item, score_conversations, score_messages
from bot.tools.outcomes import Outcome, action_kind, outcome_of


def test_each_kind_of_reply_has_its_outcome() -> None:
    assert action_kind("utter_crisis_suicide") == "crisis"
    assert action_kind("utter_crisis_es_suicide") == "crisis"
    assert action_kind("utter_crisis_es_harm_others") == "harm_others"
    assert action_kind("utter_crisis_overdose") == "emergency"
    assert action_kind("utter_crisis_es_poisoning") == "emergency"
    assert action_kind("utter_ask_direct_danger") == "check_in"
    assert action_kind("utter_medical_advice/dose") == "advice"
    assert action_kind("utter_side_effects/dizziness") == "answer"
    assert action_kind("utter_not_covered") == "not_covered"
    assert action_kind("utter_did_you_mean") == "did_you_mean"
    assert action_kind("utter_default") == "not_understood"
    assert action_kind("utter_input_non_english") == "not_understood"
    assert action_kind("utter_greet") == "other"


def test_the_most_safety_relevant_reply_names_the_turn_and_the_answer_key_is_kept() -> None:
    outcome = outcome_of(["utter_side_effects", "utter_side_effects/insomnia", "utter_ask_direct_suicide"])
    assert (outcome.kind, outcome.answer_key, outcome.topic) == ("check_in", "side_effects/insomnia", "side_effects")
    assert outcome_of(["utter_crisis_suicide", "utter_ask_safe_now"]).routed
    assert outcome_of([]).kind == "other"


def item(expected: str, klass: str = "x", topics=(), lang: str = "en") -> Item:
    return Item("m", klass, expected, lang, tuple(topics), "text")


def test_scores_count_routing_check_ins_declines_and_topics() -> None:
    items = [
        item("crisis"), item("crisis"), item("emergency"), item("none"), item("none"),
        item("advice"), item("answer", topics=["side_effects"]), item("answer", topics=["dangers"]), item("not_covered"),
    ]
    outcomes = [
        Outcome("crisis"), Outcome("check_in"), Outcome("emergency"), Outcome("other"), Outcome("check_in"),
        Outcome("advice"), Outcome("answer", answer_key="side_effects/memory"), Outcome("did_you_mean"),
        Outcome("not_covered"),
    ]
    figures = score_messages(items, outcomes)
    assert figures["crisis_routed"] == {"rate": 0.5, "hits": 1, "of": 2}
    assert figures["crisis_routed_or_checked"]["rate"] == 1.0
    assert figures["emergency_routed"]["rate"] == 1.0
    assert figures["negatives_alarmed"]["rate"] == 0.0 and figures["negatives_checked_in"]["rate"] == 0.5
    assert figures["advice_declined"]["rate"] == 1.0
    assert figures["questions_right_topic"]["rate"] == 0.5 and figures["questions_did_you_mean"]["rate"] == 0.5
    assert figures["right_topic_or_honest_not_covered"] == {"rate": round(2 / 3, 4), "hits": 2, "of": 3}


def test_a_set_naming_answers_is_scored_by_topic_like_earlier_rounds_and_by_exact_answer_apart() -> None:
    items = [item("answer", topics=["side_effects/memory", "side_effects/long_term"]), item("answer", topics=["dangers/seizures"])]
    outcomes = [Outcome("answer", answer_key="side_effects/overview"), Outcome("answer", answer_key="dangers/seizures")]
    figures = score_messages(items, outcomes)
    assert figures["questions_right_topic"]["rate"] == 1.0
    assert figures["questions_exact_answer"] == {"rate": 0.5, "hits": 1, "of": 2}
    assert "questions_exact_answer" not in score_messages([item("answer", topics=["dangers"])], [outcomes[1]])


def test_conversation_turns_are_scored_where_the_risk_appears() -> None:
    conversation = {"id": "c", "turns": [{"text": "a", "expected": "answer", "topics": "dangers"}, {"text": "b", "expected": "crisis"}]}
    right = score_conversations([conversation], [[Outcome("answer", answer_key="dangers/seizures"), Outcome("crisis")]])
    late = score_conversations([conversation], [[Outcome("answer", answer_key="dangers/seizures"), Outcome("check_in")]])
    assert right["risk_turns_caught_at_their_turn"]["rate"] == 1.0 and right["conversations_right_at_every_turn"]["rate"] == 1.0
    assert late["risk_turns_caught_at_their_turn"]["rate"] == 0.0 and late["conversations_right_at_every_turn"]["rate"] == 0.0


def test_a_computed_comparison_of_care_levels_is_an_answer_on_that_topic() -> None:
    outcome = outcome_of(["action_compare_care_levels"])
    assert (outcome.kind, outcome.topic) == ("answer", "care_levels")
