"""Telling an emergency still going on ("the ambulance is coming, what do I do?") from help that has arrived."""

from __future__ import annotations

import pytest

from bot.safety.help_on_the_way import help_arrived, help_on_the_way, still_needs_care


@pytest.mark.parametrize(
    "text",
    [
        "the paramedics are on their way, is there anything i should do",
        "I've called an ambulance",
        "we're on the phone with 911 now",
        "what should we do till the ambulance gets here",
        "do I put him in the recovery position?",
        "the ambulance is about 10 minutes away",
        "llamamos a la ambulancia, ya viene",
        "¿qué hacemos mientras llega la ayuda?",
    ],
)
def test_an_emergency_still_going_on_is_recognised(text: str) -> None:
    assert help_on_the_way(text)


@pytest.mark.parametrize(
    "text",
    [
        "the paramedics just arrived",
        "the ambulance came and he's okay now, thank you",
        "how long does tapering take",
        "is it normal to sleep this much",
        "ya llegaron los paramédicos",
    ],
)
def test_help_arrived_or_an_ordinary_message_is_not(text: str) -> None:
    assert not help_on_the_way(text)


@pytest.mark.parametrize(
    "text",
    ["the medics are here now, they're taking her to the hospital", "paramedics are here", "se lo llevaron al hospital"],
)
def test_help_that_has_arrived_is_recognised(text: str) -> None:
    assert help_arrived(text) and not help_on_the_way(text)


@pytest.mark.parametrize(
    "text",
    [
        "he's settled down a bit, do we still have to go to the ER?",
        "the nurse line said to watch him overnight, what symptoms mean we should go in",
        "ya se le pasó un poco, ¿todavía tenemos que ir?",
    ],
)
def test_asking_whether_to_still_go_once_signs_ease_is_recognised(text: str) -> None:
    assert still_needs_care(text)


@pytest.mark.parametrize(
    "text", ["i need to go to bed, feeling better", "do i still need to take the evening dose", "how long does it last"]
)
def test_an_ordinary_message_is_not_a_question_about_still_going(text: str) -> None:
    assert not still_needs_care(text)


def test_a_bare_theyre_here_is_not_help_arrived_it_may_follow_a_threat() -> None:
    assert not help_arrived("they're here")
    assert help_arrived("they're here now and taking him. thank you")


@pytest.mark.parametrize("text", ["the ambulance just pulled up", "we're at the kids' hospital now", "ya estamos en urgencias"])
def test_help_pulling_up_or_a_hospital_reached_is_help_arrived(text: str) -> None:
    assert help_arrived(text)


@pytest.mark.parametrize(
    "text",
    [
        "he's chatting a bit now, maybe we cancel?",
        "i'll just sleep it off, probably nothing",
        "she won't let me call anyone, keeps saying she's fine",
        "he says he's fine and refuses to go",
    ],
)
def test_calling_help_off_after_an_emergency_still_needs_care(text: str) -> None:
    assert still_needs_care(text) and not help_arrived(text)


def test_calling_now_is_help_on_the_way_and_cancelling_an_appointment_is_not_calling_help_off() -> None:
    assert help_on_the_way("ok, calling them now")
    assert not still_needs_care("can i cancel my appointment with the psych")
