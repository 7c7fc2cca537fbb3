"""Action comparing two levels of care the user named."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.care_levels import compare, distinct_levels


class ActionCompareCareLevels(Action):
    """Compares the first two distinct levels of care in the latest message, or asks which two."""

    def name(self) -> Text:
        """The action name in domain.yml."""
        return "action_compare_care_levels"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Utter the comparison, or the prompt to name two levels."""
        mentioned = [entity.get("value") for entity in tracker.latest_message.get("entities", []) if entity.get("entity") == "care_level"]
        levels = distinct_levels(mentioned)
        if len(levels) < 2:
            dispatcher.utter_message(response="utter_compare_which")
            return []
        dispatcher.utter_message(text=compare(levels[0], levels[1]))
        return []
