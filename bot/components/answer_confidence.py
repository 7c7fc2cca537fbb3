"""Falls back when the ResponseSelector is unsure of the *answer*, even if the intent is confident.

Rasa's FallbackClassifier only looks at intent confidence, so "side_effects" at 0.95 with the answer split between
dizziness and drowsiness would otherwise answer at random. DIET has already chosen the topic, so the answer is judged
among that topic's answers only: the ResponseSelector's confidences (its full ranking, `ranking_length: 0`) are
renormalized within the topic, and the best answer must hold at least `threshold` of that share. Softmax over all 87
answers spreads confidence thin (a clear winner often has 0.15), which an absolute threshold would misread.
The stored ranking is then trimmed back to the top few, to keep trackers small.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

RESPONSE_SELECTOR = "response_selector"


KEPT_RANKING = 5


def best_answer_for_intent(selector: Dict[str, Any], intent: str) -> Optional[Dict[str, Any]]:
    """The best answer within `intent` (e.g. `side_effects/...`), with its share of the topic's confidence."""
    prefix = f"{intent}/"
    candidates = [entry for entry in selector.get("ranking", []) if str(entry.get("intent_response_key", "")).startswith(prefix)]
    if not candidates:
        return None
    total = sum(float(entry.get("confidence", 0.0)) for entry in candidates)
    best = max(candidates, key=lambda entry: float(entry.get("confidence", 0.0)))
    share = float(best.get("confidence", 0.0)) / total if total > 0 else 0.0
    return {**best, "confidence": share}


def set_fallback(message: Message, confidence: float) -> None:
    """Predict `nlu_fallback` (the clarifying reply), as Rasa's FallbackClassifier does."""
    fallback = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": confidence}
    message.data[INTENT] = fallback
    message.data.setdefault(INTENT_RANKING_KEY, []).insert(0, dict(fallback))


def select_answer(message: Message, threshold: float) -> bool:
    """For a retrieval intent, pin the best answer inside it; fall back and return False when it is unsure.

    Messages whose intent is not a retrieval intent are left alone (True).
    """
    intent = (message.get(INTENT) or {}).get("name")
    selectors = message.get(RESPONSE_SELECTOR) or {}
    if not intent or intent not in selectors.get("all_retrieval_intents", []):
        return True
    selector = selectors.get(intent) or selectors.get("default")
    if not selector:
        return True
    best = best_answer_for_intent(selector, intent)
    selector["ranking"] = selector.get("ranking", [])[:KEPT_RANKING]
    if best is None or float(best.get("confidence", 0.0)) < threshold:
        set_fallback(message, threshold)
        return False
    key = best["intent_response_key"]
    selector["response"] = {
        **selector.get("response", {}),
        "intent_response_key": key,
        "utter_action": f"utter_{key}",
        "confidence": best["confidence"],
    }
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class AnswerConfidenceFallback(GraphComponent):
    """Sets `nlu_fallback` when the best answer inside the predicted retrieval intent is below `threshold`."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`threshold`: minimum ResponseSelector confidence for the chosen answer."""
        return {"threshold": 0.4}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.threshold = float(config["threshold"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "AnswerConfidenceFallback":
        """Creates the component."""
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to learn."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Re-select the answer within the predicted intent, or fall back when it is unsure."""
        for message in messages:
            select_answer(message, self.threshold)
        return messages
