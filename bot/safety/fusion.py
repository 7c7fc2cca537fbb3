"""How the guard's verdict and the trained classifier's ranking combine into one routing decision.

The two back each other up and the decision favours risk when either is unsure:
  guard RISK                       → risk, whatever the classifier says;
  guard HINT (alarming words about a specific person, no rule)
                                   → risk if the classifier's top intent is a risk intent, or it gives a risk
                                     intent at least HINT_RISK_SHARE while its top guess is unsure;
  guard NONE (nothing alarming)    → risk if the classifier's top intent is a risk intent above CLASSIFIER_ALONE;
  guard CLEARED (every alarming word explained: idiom, negation, hypothetical, general question, resolved past)
                                   → not a risk. The classifier is a bag of words: it scores "this heat wave is
                                     killing my garden" as suicidal with full confidence and cannot read negation,
                                     so it does not overrule the guard's reading of context.
When the decision is "not a risk", a risk intent the classifier put on top is taken off (see
bot.components.safety_classifier), so a classifier guess alone never sends a crisis reply the fusion rejected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from bot.safety.categories import RISK_CATEGORIES, RISK_INTENTS
from bot.safety.guard import Assessment, Level

HINT_RISK_SHARE = 0.20
HINT_UNSURE_TOP = 0.60
CLASSIFIER_ALONE = 0.60


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
    # The FallbackClassifier puts nlu_fallback first; judge the classifier by its own ranking.
    ranking = [entry for entry in ranking if entry.get("name") != "nlu_fallback"]
    top = ranking[0] if ranking else {"name": None, "confidence": 0.0}
    top_is_risk = top.get("name") in RISK_INTENTS
    best_risk = _top_risk(ranking)
    if assessment.level is Level.HINT and best_risk is not None:
        unsure = float(top.get("confidence") or 0.0) < HINT_UNSURE_TOP
        if top_is_risk or (unsure and float(best_risk["confidence"]) >= HINT_RISK_SHARE):
            return RiskDecision(best_risk["name"], "guard hint + classifier")
    if assessment.level is Level.NONE and top_is_risk and float(top["confidence"]) >= CLASSIFIER_ALONE:
        return RiskDecision(top["name"], "classifier")
    return RiskDecision(None, f"guard {assessment.level.value}")
