"""Bad input gets a clear verdict and loses nothing important."""

from __future__ import annotations

import pytest

from bot.input_check import MAX_MESSAGE_CHARS, InputKind, check_input


@pytest.mark.parametrize("raw", ["", "   ", "\n\t ", "\x00\x07"])
def test_empty_or_invisible_text_is_empty(raw: str) -> None:
    assert check_input(raw).kind is InputKind.EMPTY


@pytest.mark.parametrize("raw", ["😭😭😭", "???", "…", "🙏🏽"])
def test_emoji_or_punctuation_only_is_unreadable(raw: str) -> None:
    assert check_input(raw).kind is InputKind.UNREADABLE


def test_control_characters_are_removed_and_text_kept() -> None:
    verdict = check_input("how long\x00 does \x1bwithdrawal last")
    assert verdict.kind is InputKind.OK
    assert verdict.text == "how long does withdrawal last"


def test_very_long_messages_are_capped_at_a_word_boundary_and_flagged() -> None:
    raw = "tapering questions " * 200
    verdict = check_input(raw)
    assert verdict.truncated and verdict.original_length == len(raw)
    assert len(verdict.text) <= MAX_MESSAGE_CHARS and not verdict.text.endswith(" ")


@pytest.mark.parametrize(
    "raw",
    ["¿Cuánto tiempo dura la abstinencia de clonazepam?", "Combien de temps dure le sevrage ?", "Wie lange dauert der Entzug?"],
)
def test_clearly_non_english_text_is_flagged(raw: str) -> None:
    assert check_input(raw).kind is InputKind.NON_ENGLISH


@pytest.mark.parametrize(
    "raw", ["you misunderstood, im fine", "klonapin withdrawl hw lng", "my son is on klonopin, come on", "php vs iop"]
)
def test_informal_or_typo_heavy_english_is_not_flagged(raw: str) -> None:
    assert check_input(raw).kind is InputKind.OK


def test_summary_holds_no_user_text() -> None:
    assert set(check_input("hello there").as_dict()) == {"kind", "original_length", "truncated", "language"}


def test_spanish_is_recognised_so_crisis_replies_can_answer_in_spanish() -> None:
    from bot.input_check import language_of

    for text in ("quiero morir", "me tome 20 pastillas", "mi hijo se trago una pastilla", "ya no hay salida, estoy atrapado"):
        assert language_of(text) == "es", text
    for text in ("how long does withdrawal last", "I took my meds", "me and my mom", "no more pills for me"):
        assert language_of(text) == "en", text
    assert check_input("ya no hay salida, estoy atrapado y nadie me puede ayudar").language == "es"
    assert check_input("Je ne sais pas quoi faire avec mes médicaments").language == "other"
