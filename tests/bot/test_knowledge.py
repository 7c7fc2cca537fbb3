"""The knowledge base obeys the content rules: cited, own words, numbers from the cited page, disagreements shown."""

from __future__ import annotations

import re

import pytest

from bot.care_levels import care_levels
from bot.knowledge import answers_by_intent, load_answers
from bot.knowledge.integrity import COPY_RUN_WORDS, copied_runs, numbers_in, unsupported_numbers
from bot.sources import SOURCES, citation_line

ANSWERS = load_answers()


def test_there_is_an_answer_for_every_topic_the_issue_lists() -> None:
    topics = {answer.topic for answer in ANSWERS}
    assert {"about_drug", "side_effects", "dependence", "withdrawal_symptoms", "withdrawal_timeline", "dangers",
            "care_levels", "therapy", "treatment_access", "medical_advice"} <= topics
    assert len(ANSWERS) >= 80


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda answer: answer.intent)
def test_answer_is_written_cited_and_ends_with_its_source(answer) -> None:
    assert answer.text, "empty answer"
    assert answer.sources and all(source in SOURCES for source in answer.sources)
    assert answer.rendered.endswith(citation_line(answer.sources))
    assert "\n\n" not in answer.rendered, "a blank line would split the answer into two chat bubbles"


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda answer: answer.intent)
def test_every_number_appears_in_a_cited_page(answer) -> None:
    assert unsupported_numbers(answer.text, answer.sources) == set()


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda answer: answer.intent)
def test_no_answer_copies_a_run_of_words_from_a_page(answer) -> None:
    assert copied_runs(answer.text) == []


@pytest.mark.parametrize("level", list(care_levels().values()), ids=lambda level: level.key)
def test_care_level_table_obeys_the_same_rules(level) -> None:
    text = " ".join(level.attributes.values())
    assert unsupported_numbers(text, level.sources) == set()
    assert copied_runs(text) == []


def test_the_copy_check_catches_a_sentence_lifted_from_a_page() -> None:
    page = SOURCES["aac"].read_text()
    sentence = "Klonopin withdrawal symptoms typically begin within 2 to 7 days of the last dose and can last for 2 to 8 weeks."
    assert sentence in page
    assert copied_runs(f"As we know, {sentence}")
    assert COPY_RUN_WORDS == 12


def test_the_number_check_catches_an_invented_figure() -> None:
    assert unsupported_numbers("Withdrawal lasts 2 to 8 weeks, or 77 days at most.", ["aac"]) == {"77"}
    assert unsupported_numbers("Programs run twenty-eight to 90 days.", ["addiction_info"]) == set()


def test_numbers_are_read_from_digits_and_words() -> None:
    assert numbers_in("eleven thousand five hundred thirty-seven, 0.58 per 100,000, a two-month taper") == {
        "11537", "0.58", "100000", "2",
    }


def test_helpline_numbers_are_not_mistaken_for_page_figures() -> None:
    assert unsupported_numbers("Call 911 or Poison Control at 1-800-222-1222.", ["aac"]) == set()
    # Australia's emergency number "000" must not hide the end of a real figure.
    assert "100000" in unsupported_numbers("It rose to 7 per 100,000 people.", ["aac"])


@pytest.mark.parametrize(
    "intent, sources, phrases",
    [
        ("withdrawal_timeline/onset", {"aac", "addiction_info"}, ["hours", "2 to 7 days"]),
        ("withdrawal_timeline/detox_length", {"aac", "detox_provider"}, ["5 weeks", "two months"]),
        ("withdrawal_timeline/taper_length", {"aac", "detox_provider"}, ["two", "5 weeks"]),
        ("dependence/how_fast", {"detox_provider", "essence"}, ["three weeks", "3 to 6 months"]),
    ],
)
def test_disagreements_between_pages_are_shown_side_by_side(intent, sources, phrases) -> None:
    answer = answers_by_intent()[intent]
    assert sources <= set(answer.sources)
    for phrase in phrases:
        assert phrase in answer.text


def test_answers_never_send_people_to_the_commercial_numbers_in_the_pages() -> None:
    commercial = set()
    for source in SOURCES.values():
        commercial |= set(re.findall(r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}", source.read_text()))
    assert commercial, "the pages do carry commercial numbers"
    digits = {re.sub(r"\D", "", number)[-10:] for number in commercial}
    for answer in ANSWERS:
        found = {re.sub(r"\D", "", number)[-10:] for number in re.findall(r"[\d(][\d() .-]{8,}\d", answer.text)}
        assert not found & digits, answer.intent


def test_medical_advice_answers_decline_and_refer() -> None:
    for answer in ANSWERS:
        if answer.topic == "medical_advice":
            lowered = answer.text.lower()
            assert "prescriber" in lowered or "pharmacist" in lowered, answer.intent
