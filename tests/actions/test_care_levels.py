"""action_compare_care_levels with trackers built inline."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.care_levels import ActionCompareCareLevels


def tracker_with(entities: List[Dict[str, Any]]) -> Tracker:
    latest = {"text": "…", "intent": {"name": "compare_care_levels", "confidence": 1.0}, "entities": entities}
    return Tracker("test", {}, latest, [], False, None, {}, "action_listen")


def care(value: str) -> Dict[str, Any]:
    return {"entity": "care_level", "value": value}


async def test_two_levels_are_compared_with_their_citation() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionCompareCareLevels().run(dispatcher, tracker_with([care("inpatient_rehab"), care("outpatient")]), {})
    assert events == []
    [message] = dispatcher.messages
    assert message["text"].startswith("Inpatient / residential rehab vs Outpatient treatment:")
    assert "Sources:" in message["text"]


async def test_one_level_asks_which_two_by_response_key() -> None:
    dispatcher = CollectingDispatcher()
    await ActionCompareCareLevels().run(dispatcher, tracker_with([care("outpatient"), care("outpatient")]), {})
    assert [message["response"] for message in dispatcher.messages] == ["utter_compare_which"]


async def test_no_entities_asks_which_two() -> None:
    dispatcher = CollectingDispatcher()
    await ActionCompareCareLevels().run(dispatcher, tracker_with([{"entity": "medication", "value": "clonazepam"}]), {})
    assert dispatcher.messages[0]["response"] == "utter_compare_which"
