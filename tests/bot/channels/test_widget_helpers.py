"""Widget channel helpers: message kinds, history, the helpline table served to the browser."""

from __future__ import annotations

import json

from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.channels.widget import bot_payload, helplines_json, history_from_events, message_kind
from bot.safety.helplines import HELPLINES


def test_crisis_and_check_messages_are_marked_for_the_widget() -> None:
    assert message_kind("utter_crisis_overdose") == "crisis"
    assert message_kind("utter_help_now") == "crisis"
    assert message_kind("utter_ask_safe_now") == "check"
    assert message_kind("utter_side_effects/dizziness") == "normal"
    assert message_kind(None) == "normal"


def test_bot_payload_keeps_text_and_buttons_only() -> None:
    payload = bot_payload({"text": "<b>hi</b>", "buttons": [{"title": "Yes", "payload": "/affirm", "extra": 1}], "utter_action": "utter_greet", "timestamp": 1})
    assert payload == {"text": "<b>hi</b>", "buttons": [{"title": "Yes", "payload": "/affirm"}], "kind": "normal"}


def test_history_shows_what_the_user_saw() -> None:
    events = [
        ActionExecuted("action_listen"),
        UserUttered("/confirm_safe", metadata={"display": "Yes, I'm safe right now"}),
        BotUttered("Thanks", {"buttons": None}, {"utter_action": "utter_safety_recheck"}),
        UserUttered("how long does it last"),
        BotUttered("It varies.", {}, {"utter_action": "utter_withdrawal_timeline/duration"}),
    ]
    assert history_from_events(events) == [
        {"sender": "user", "text": "Yes, I'm safe right now"},
        {"sender": "bot", "text": "Thanks", "buttons": [], "kind": "check"},
        {"sender": "user", "text": "how long does it last"},
        {"sender": "bot", "text": "It varies.", "buttons": [], "kind": "normal"},
    ]


def test_helpline_table_for_the_browser_comes_from_the_one_table() -> None:
    table = json.loads(helplines_json())
    assert table["default"] == "US"
    assert set(table["countries"]) == set(HELPLINES)
    us = " ".join(line["contact"] for line in table["countries"]["US"]["lines"])
    assert "911" in us and "988" in us and "1-800-222-1222" in us and "1-800-662-4357" in us
