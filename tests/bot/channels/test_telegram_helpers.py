"""Pure helpers of the Telegram connector."""

from __future__ import annotations

from bot.channels.telegram import CALLBACK_LIMIT, CallbackCodec, split_message


def test_short_text_is_one_part() -> None:
    assert split_message("  Call 911 now.  ") == ["Call 911 now."]


def test_long_text_is_split_at_paragraphs_under_the_limit_without_losing_words() -> None:
    paragraphs = [f"Paragraph {index} " + "word " * 150 for index in range(12)]
    text = "\n\n".join(paragraphs)
    parts = split_message(text, limit=1000)
    assert all(len(part) <= 1000 for part in parts)
    assert " ".join(" ".join(parts).split()) == " ".join(text.split())
    assert all(part.startswith("Paragraph") for part in parts)


def test_a_single_huge_sentence_is_still_split() -> None:
    parts = split_message("x" * 2500, limit=1000)
    assert [len(part) for part in parts] == [1000, 1000, 500]


def test_long_button_payloads_travel_as_codes_and_come_back() -> None:
    codec = CallbackCodec()
    short, long = "/confirm_safe", "What happens in an inpatient hospital detox, and how long does it usually take?"
    assert codec.encode(short) == short
    code = codec.encode(long)
    assert len(code.encode()) <= CALLBACK_LIMIT and code != long
    assert codec.decode(code) == long
    assert CallbackCodec().decode(code) is None  # another process that never saw it
