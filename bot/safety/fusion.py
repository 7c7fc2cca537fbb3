"""How the guard's verdict and the trained classifier's ranking combine into one routing decision.

The two back each other up and the decision favours risk when either is unsure:
  guard RISK                       → risk, whatever the classifier says;
  guard HINT (alarming words about a specific person, no rule)
                                   → risk if the classifier ranks any risk intent at or above HINT_RISK_SHARE,
                                     or its top guess is itself unsure;
  guard NONE (nothing alarming)    → risk if the classifier's top intent is a risk intent above CLASSIFIER_ALONE;
  guard CLEARED (idiom, negation, question, distant past)
                                   → risk only if the classifier is nearly certain (CLASSIFIER_OVER_CLEARED).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from bot.safety.categories import RISK_CATEGORIES, RISK_INTENTS
from bot.safety.guard import Assessment, Level

HINT_RISK_SHARE = 0.15
HINT_UNSURE_TOP = 0.60
CLASSIFIER_ALONE = 0.50
CLASSIFIER_OVER_CLEARED = 0.97


@dataclass(frozen=True)
class RiskDecision:
    """The routed risk intent (None when the message is not a risk) and why."""

    intent: Optional[str]
    reason: str

    @property
    def is_risk(self) -> bool:
        """True when the message goes to a crisis reply."""
        return self.intent is not None


def _top_risk(ranking: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    return next((entry for entry in ranking if entry.get("name") in RISK_INTENTS), None)


def decide(assessment: Assessment, ranking: List[Dict[str, Any]]) -> RiskDecision:
    """Combine the guard's assessment with the classifier's intent ranking (highest first)."""
    if assessment.level is Level.RISK and assessment.category:
        return RiskDecision(RISK_CATEGORIES[assessment.category].intent, "guard")
    top = ranking[0] if ranking else {"name": None, "confidence": 0.0}
    top_is_risk = top.get("name") in RISK_INTENTS
    best_risk = _top_risk(ranking)
    if assessment.level is Level.HINT and best_risk is not None:
        unsure = float(top.get("confidence") or 0.0) < HINT_UNSURE_TOP
        if top_is_risk or float(best_risk["confidence"]) >= HINT_RISK_SHARE or unsure:
            return RiskDecision(best_risk["name"], "guard hint + classifier")
    if assessment.level is Level.NONE and top_is_risk and float(top["confidence"]) >= CLASSIFIER_ALONE:
        return RiskDecision(top["name"], "classifier")
    if assessment.level is Level.CLEARED and top_is_risk and float(top["confidence"]) >= CLASSIFIER_OVER_CLEARED:
        return RiskDecision(top["name"], "classifier over cleared guard")
    return RiskDecision(None, f"guard {assessment.level.value}")
