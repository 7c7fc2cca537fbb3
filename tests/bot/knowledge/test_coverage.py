"""Subjects the seed pages never touch get an honest "not covered" (bot.knowledge.coverage)."""

from __future__ import annotations

import pytest

from bot.knowledge import answers_by_intent
from bot.knowledge.coverage import SERVED_BY, UNCOVERED_SUBJECTS, _patterns, uncovered_subject
from bot.safety.normalize import fold_accents
from bot.sources import PROJECT_ROOT

SEEDS = sorted((PROJECT_ROOT.parent / "shared" / "seeds").glob("*.txt"))


@pytest.mark.skipif(not SEEDS, reason="the seed pages are beside the project (../shared/seeds)")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_no_seed_page_mentions_a_subject_listed_as_uncovered(seed) -> None:
    text = fold_accents(seed.read_text(encoding="utf-8").lower())
    found = {subject: pattern.search(text).group(0) for subject, pattern in _patterns().items() if pattern.search(text)}
    assert found == {}


def test_no_cited_answer_mentions_a_subject_listed_as_uncovered() -> None:
    for answer in answers_by_intent().values():
        text = fold_accents(" ".join((answer.title, answer.question, answer.text)).lower())
        assert uncovered_subject(text) is None, answer.intent


def test_every_answers_own_question_is_answered_not_declared_uncovered() -> None:
    for answer in answers_by_intent().values():
        assert uncovered_subject(answer.question, answer.intent) is None, answer.question


@pytest.mark.parametrize(
    "text, subject",
    [
        ("will klonopin show up on a urine test for my new job", "drug testing"),
        ("can i take my kpins on a plane to mexico", "travel with the medicine"),
        ("how much do klonopin pills cost at walmart", "pharmacy hours and stores"),
        ("does aetna cover detox", "prices and insurance plans"),
        ("is clonazepam safe while breastfeeding", "pregnancy and breastfeeding"),
        ("¿el clonazepam afecta al bebé si estoy embarazada?", "pregnancy and breastfeeding"),
        ("can klonopin make you gain weight", "side effects the pages don't list"),
        ("what does a 1mg klonopin look like", "what the tablets look like"),
        ("how do i get rid of leftover klonopin", "storage, expiry and disposal"),
        ("is klonopin hard on your liver", "other medical conditions"),
        ("does clonazepam interact with birth control", "other medicines"),
        ("is buspar better than klonopin for worry", "other medicines"),
        ("how long does kratom withdrawal last", "other medicines"),
        ("is it legal to share my klonopin with my husband", "the law, courts and work"),
        ("can i put my clonazepam on my taxes", "the law, courts and work"),
    ],
)
def test_questions_on_uncovered_subjects_are_recognised(text: str, subject: str) -> None:
    assert uncovered_subject(text) == subject


@pytest.mark.parametrize(
    "text",
    [
        "how long does klonopin withdrawal last",
        "what does klonopin addiction look like",
        "can stopping clonazepam cause seizures",
        "what is a partial hospitalization program",
        "is it dangerous to drink alcohol on klonopin",
        "my court order says i have to do outpatient, what is IOP",
        "I care for my dad who has dementia. can klonopin make confusion worse",
        "it's a small price to pay for getting off benzos safely, right?",
    ],
)
def test_covered_questions_are_not_declared_uncovered(text: str) -> None:
    assert uncovered_subject(text) is None


def test_an_answer_that_serves_the_subject_keeps_the_question() -> None:
    assert "treatment_access/paying" in SERVED_BY["prices and insurance plans"]
    assert uncovered_subject("does medicaid pay for rehab", "treatment_access/paying") is None
    assert uncovered_subject("does medicaid pay for rehab", "care_levels/inpatient") == "prices and insurance plans"


def test_every_subject_has_a_pattern_that_compiles() -> None:
    assert set(_patterns()) == set(UNCOVERED_SUBJECTS)
