"""Risk categories: what each means, the intent it routes to, and the crisis response it gets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional


@dataclass(frozen=True)
class RiskCategory:
    """One kind of risk statement and where it is routed."""

    name: str
    intent: str
    response: str
    description: str


# Order matters when one message matches several categories: the first listed wins. Substances already taken
# (mixing, then overdose) get the poison-control reply even when breathing trouble or suicidal words come with them;
# a physical emergency comes before thoughts and plans, whose replies lead with the crisis line.
RISK_CATEGORIES: Dict[str, RiskCategory] = {
    category.name: category
    for category in (
        RiskCategory(
            "mixing",
            "risk_mixing",
            "utter_crisis_mixing",
            "benzodiazepines have just been combined with alcohol, opioids or other depressants",
        ),
        RiskCategory(
            "overdose",
            "risk_overdose",
            "utter_crisis_overdose",
            "someone has taken too much, or is unresponsive after taking pills",
        ),
        RiskCategory(
            "pet_ingestion",
            "risk_pet_ingestion",
            "utter_crisis_pet_ingestion",
            "a pet has eaten or may have eaten benzodiazepine pills",
        ),
        RiskCategory(
            "medical_emergency",
            "risk_medical_emergency",
            "utter_crisis_medical_emergency",
            "a seizure, trouble breathing, chest pain, confusion/hallucinations or high fever happening now",
        ),
        RiskCategory(
            "suicide",
            "risk_suicide",
            "utter_crisis_suicide",
            "thoughts of suicide, wanting to die, plans or means, or seeking a method",
        ),
        RiskCategory(
            "self_harm",
            "risk_self_harm",
            "utter_crisis_self_harm",
            "hurting oneself without stated intent to die (cutting, burning, hitting)",
        ),
        RiskCategory(
            "harm_others",
            "risk_harm_others",
            "utter_crisis_harm_others",
            "intent or threat to hurt someone else, or someone threatening the user",
        ),
    )
}

RISK_INTENTS: Dict[str, RiskCategory] = {category.intent: category for category in RISK_CATEGORIES.values()}

# Safety-dialogue intents: answers to "are you safe right now?" and "you misunderstood".
CONFIRM_SAFE_INTENT = "confirm_safe"
NOT_SAFE_INTENT = "not_safe"
DENY_RISK_INTENT = "deny_risk"
HELP_NOW_INTENT = "help_now"
# Possible but unclear risk with nothing else to answer: the assistant asks directly (bot.safety.fusion).
UNCLEAR_RISK_INTENT = "risk_unclear"


def category_for_intent(intent: Optional[str]) -> Optional[RiskCategory]:
    """The risk category an intent routes to, or None for a non-risk intent."""
    return RISK_INTENTS.get(intent or "")


def is_risk_intent(intent: Optional[str]) -> bool:
    """True for the risk intents."""
    return (intent or "") in RISK_INTENTS
