"""Telegram over real HTTP: updates in through the webhook, Bot API calls out to a fake Telegram server."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Any, Dict, Optional

import pytest

from tests.channels.conftest import TELEGRAM_SECRET, LiveAssistant

pytestmark = pytest.mark.model

_update_ids = iter(range(1000, 100000))


def post_update(live: LiveAssistant, update: Dict[str, Any], secret: Optional[str] = TELEGRAM_SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(f"{live.base}/webhooks/telegram/webhook", json.dumps(update).encode(), headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def text_update(chat_id: int, text: str) -> Dict[str, Any]:
    return {
        "update_id": next(_update_ids),
        "message": {"message_id": 1, "date": int(time.time()), "chat": {"id": chat_id, "type": "private"}, "from": {"id": chat_id, "is_bot": False, "first_name": "A"}, "text": text},
    }


def sent_to(live: LiveAssistant, chat_id: int):
    return [call for call in live.telegram_calls() if call["method"] == "sendMessage" and str(call["data"].get("chat_id")) == str(chat_id)]


def test_webhook_is_registered_with_the_secret_after_telegram_comes_up(live_assistant: LiveAssistant) -> None:
    call = live_assistant.wait_for_call(lambda c: c["method"] == "setWebhook", seconds=90)
    assert call["data"]["secret_token"] == TELEGRAM_SECRET
    assert call["data"]["url"].endswith("/webhooks/telegram/webhook")
    assert not [c for c in live_assistant.telegram_calls() if c["method"] == "getMe"]


def test_update_with_the_secret_gets_a_cited_answer(live_assistant: LiveAssistant) -> None:
    assert post_update(live_assistant, text_update(501, "can klonopin make me dizzy")) == 200
    call = live_assistant.wait_for_call(lambda c: c["method"] == "sendMessage" and c["data"].get("chat_id") == "501")
    assert "Source:" in call["data"]["text"]
    assert "parse_mode" not in call["data"]


def test_crisis_message_gets_the_crisis_reply_with_numbers_in_plain_text(live_assistant: LiveAssistant) -> None:
    assert post_update(live_assistant, text_update(502, "i swallowed the whole bottle of my pins")) == 200
    live_assistant.wait_for_call(lambda c: c["method"] == "sendMessage" and c["data"].get("chat_id") == "502" and "911" in c["data"]["text"])
    texts = " ".join(call["data"]["text"] for call in sent_to(live_assistant, 502))
    assert "1-800-222-1222" in texts
    question = live_assistant.wait_for_call(lambda c: c["method"] == "sendMessage" and c["data"].get("chat_id") == "502" and "safe right now" in c["data"]["text"])
    assert "inline_keyboard" in question["data"]["reply_markup"]


@pytest.mark.parametrize("secret", [None, "wrong-secret"])
def test_update_without_the_right_secret_is_rejected_and_nothing_is_sent(live_assistant: LiveAssistant, secret) -> None:
    chat_id = 503 if secret is None else 504
    assert post_update(live_assistant, text_update(chat_id, "hello"), secret=secret) == 403
    time.sleep(2)
    assert sent_to(live_assistant, chat_id) == []


def test_button_press_is_answered_and_handled(live_assistant: LiveAssistant) -> None:
    update = {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": "cb-1",
            "from": {"id": 505, "is_bot": False, "first_name": "A"},
            "chat_instance": "x",
            "data": "/confirm_safe",
            "message": {"message_id": 9, "date": int(time.time()), "chat": {"id": 505, "type": "private"}, "text": "Are you safe right now?"},
        },
    }
    assert post_update(live_assistant, update) == 200
    live_assistant.wait_for_call(lambda c: c["method"] == "answerCallbackQuery" and c["data"].get("callback_query_id") == "cb-1")
    live_assistant.wait_for_call(lambda c: c["method"] == "sendMessage" and c["data"].get("chat_id") == "505")


def test_garbage_body_with_the_secret_is_a_clear_400(live_assistant: LiveAssistant) -> None:
    request = urllib.request.Request(
        f"{live_assistant.base}/webhooks/telegram/webhook", b"{not json", {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    assert error.value.code == 400


# Not in the training data (tests/test_training_data.py checks).
TELEGRAM_FLOOD_CRISIS = "he just stopped breathing right after mixing his pins with a bunch of beers"


def test_a_flooding_chat_is_asked_to_slow_down_but_a_crisis_still_gets_through(live_assistant: LiveAssistant) -> None:
    from bot.rate_limit import SLOW_DOWN

    chat = 504
    for _ in range(35):  # over the default 30 messages a minute per conversation
        assert post_update(live_assistant, text_update(chat, "hello")) == 200
    assert any(call["data"]["text"] == SLOW_DOWN for call in sent_to(live_assistant, chat))
    assert post_update(live_assistant, text_update(chat, TELEGRAM_FLOOD_CRISIS)) == 200
    live_assistant.wait_for_call(
        lambda c: c["method"] == "sendMessage" and c["data"].get("chat_id") == str(chat) and "911" in c["data"]["text"]
    )
