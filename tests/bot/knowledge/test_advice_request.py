"""Recognising a personal-advice request the classifiers could not place."""

from __future__ import annotations

import pytest

from bot.knowledge.advice_request import personal_advice_request


@pytest.mark.parametrize(
    "text",
    [
        "my grandma keeps forgetting her evening klonopin, can she take two in the morning",
        "is it ok if i split my clonazepam and take half at lunch",
        "should my husband stop his benzos before surgery",
        "¿puedo partir la pastilla de rivotril de mi mamá?",
    ],
)
def test_asking_whether_someone_should_change_how_they_take_a_medicine_is_an_advice_request(text: str) -> None:
    assert personal_advice_request(text)


@pytest.mark.parametrize(
    "text",
    [
        "is it dangerous to mix klonopin and alcohol",
        "what happens if you skip a dose of clonazepam",
        "can my sister visit me during residential rehab",
        "should i be worried about rebound anxiety",
    ],
)
def test_general_questions_and_questions_without_a_medicine_change_are_not(text: str) -> None:
    assert not personal_advice_request(text)


def test_coming_off_one_of_two_medicines_titrating_or_adding_something_during_a_taper_are_advice_requests() -> None:
    assert personal_advice_request("i'm on clonazepam and sertraline, should i wean the sertraline first")
    assert personal_advice_request("can i titrate my klonopin with milk instead of water")
    assert personal_advice_request("can my husband use melatonin while tapering his klonopin")


def test_pregnancy_stays_a_subject_the_pages_do_not_cover() -> None:
    assert not personal_advice_request("can i keep taking klonopin while pregnant")
    assert not personal_advice_request("can i breastfeed my baby while on klonopin")
