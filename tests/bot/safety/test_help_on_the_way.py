"""Telling an emergency still going on ("the ambulance is coming, what do I do?") from help that has arrived."""

from __future__ import annotations

import pytest

from bot.safety.help_on_the_way import help_on_the_way


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
