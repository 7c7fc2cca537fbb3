"""Actions for messages the assistant could not answer with confidence: "Did you mean …?" and "not covered"."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge.suggestions import buttons_for, suggested_keys


class ActionDefaultAskAffirmation(Action):
    """The first stage of Rasa's two-stage fallback: the closest answers as buttons, and "something else"."""

    def name(self) -> Text:
        """Rasa's name for the affirmation step, overridden as its documentation suggests."""
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Offer the closest answers."""
        keys = suggested_keys(tracker.latest_message)
        dispatcher.utter_message(response="utter_did_you_mean", buttons=buttons_for(keys, something_else=True))
        return []


class ActionNotCovered(Action):
    """An honest "the pages I draw on don't cover that", the pharmacist or prescriber, and the nearest answers."""

    def name(self) -> Text:
        """The action name in domain.yml."""
        return "action_not_covered"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Say so, and offer the nearest answers."""
        dispatcher.utter_message(response="utter_not_covered", buttons=buttons_for(suggested_keys(tracker.latest_message)))
        return []
