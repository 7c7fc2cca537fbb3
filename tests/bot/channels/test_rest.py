"""Request validation and retry replay of the REST channel."""

from __future__ import annotations

import json

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, UserUttered, UserUtteranceReverted

from bot.channels.rest import parse_request, replies_to


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"not json", "JSON"),
        (b"[1, 2]", "object"),
        (b'{"message": "hi"}', "sender"),
        (b'{"sender": "", "message": "hi"}', "sender"),
        (json.dumps({"sender": "x" * 200, "message": "hi"}).encode(), "sender"),
        (b'{"sender": "a"}', "message"),
        (b'{"sender": "a", "message": 5}', "message"),
        (b'{"sender": "a", "message": "hi", "message_id": 7}', "message_id"),
        (b'{"sender": "a", "message": "hi", "metadata": "x"}', "metadata"),
        (b"\xff\xfe", "JSON"),
    ],
)
def test_malformed_requests_are_refused_with_a_reason(body: bytes, reason: str) -> None:
    data, problem = parse_request(body)
    assert data is None and reason in problem


def test_a_valid_request_is_accepted() -> None:
    data, problem = parse_request(b'{"sender": "a", "message": "", "message_id": "m1"}')
    assert problem is None and data == {"sender": "a", "message": "", "message_id": "m1", "metadata": {}}


def test_a_retry_is_answered_with_the_replies_the_message_already_got() -> None:
    events = [
        UserUttered("hi", message_id="m1"), ActionExecuted("utter_greet"), BotUttered("Hello", {"buttons": None}),
        ActionExecuted("action_listen"), UserUttered("more", message_id="m2"), BotUttered("One"), BotUttered("Two"),
    ]
    assert [m["text"] for m in replies_to(events, "m1")] == ["Hello"]
    assert [m["text"] for m in replies_to(events, "m2")] == ["One", "Two"]
    assert replies_to(events, "m3") is None


def test_a_retry_of_a_rephrase_gets_the_answer_not_the_empty_reverted_copy() -> None:
    # Two-stage fallback: the message after a clarification is taken as the rephrase, reverted and logged again
    # under the same id; the first copy has no reply of its own.
    events = [
        UserUttered("tell me about aftercare", message_id="m8"), ActionExecuted("action_two_stage_fallback"),
        ActiveLoop("action_two_stage_fallback"), BotUttered("Did you mean aftercare?"), ActionExecuted("action_listen"),
        UserUttered("what is SMART Recovery", message_id="m9"), ActionExecuted("action_two_stage_fallback"),
        ActiveLoop(None), UserUtteranceReverted(), ActionExecuted("action_listen"),
        UserUttered("what is SMART Recovery", message_id="m9"), ActionExecuted("utter_care_levels"),
        BotUttered("SMART Recovery is a self-help group."), ActionExecuted("action_listen"),
        UserUttered("does CBT help", message_id="m10"), BotUttered("CBT helps."),
    ]
    assert [m["text"] for m in replies_to(events, "m9")] == ["SMART Recovery is a self-help group."]
    assert [m["text"] for m in replies_to(events, "m8")] == ["Did you mean aftercare?"]
    assert [m["text"] for m in replies_to(events, "m10")] == ["CBT helps."]
