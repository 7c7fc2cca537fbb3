"""The closest answers offered by "Did you mean …?" and "not covered"."""

from __future__ import annotations

from bot.knowledge import answers_by_intent
from bot.knowledge.suggestions import DEFAULT_SUGGESTIONS, SOMETHING_ELSE, buttons_for, suggested_keys


def test_suggestions_come_from_the_answer_selection_without_advice_declines() -> None:
    parse_data = {"answer_selection": {"suggestions": ["medical_advice/dose", "dangers/seizures", "dangers/seizures", "nope/x", "side_effects/memory"]}}
    assert suggested_keys(parse_data) == ["dangers/seizures", "side_effects/memory"]


def test_without_a_selection_the_most_asked_answers_are_offered() -> None:
    assert suggested_keys({}) == list(DEFAULT_SUGGESTIONS)
    assert suggested_keys(None, limit=1) == [DEFAULT_SUGGESTIONS[0]]


def test_buttons_send_the_canonical_question_and_can_end_with_something_else() -> None:
    answer = answers_by_intent()["dangers/seizures"]
    assert buttons_for(["dangers/seizures"]) == [{"title": answer.title, "payload": answer.question}]
    assert buttons_for(["dangers/seizures"], something_else=True)[-1] == SOMETHING_ELSE
