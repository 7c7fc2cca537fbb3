"""Last NLU component: the safety guard's verdict overrides the classifier whenever a message states a risk."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.answer_selector import apply_answer, set_fallback
from bot.components.input_checker import INPUT_CHECK, ORIGINAL_TEXT
from bot.input_check import NON_ENGLISH_INTENT, UNREADABLE_INTENT, InputKind
from bot.safety.categories import is_risk_intent
from bot.safety.fusion import decide
from bot.safety.guard import get_guard

SAFETY = "safety"


def _demote_risk(message: Message, fallback_threshold: float, answer_threshold: float, retrieval: set) -> None:
    """The fusion rejected the classifier's risk guess: use its best other intent, or ask to clarify."""
    ranking = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if not is_risk_intent(entry.get("name")) and entry.get("name") != "nlu_fallback"
    ]
    message.data[INTENT_RANKING_KEY] = ranking
    if ranking and ranking[0].get("name") in retrieval:
        apply_answer(message, answer_threshold)  # the answer AnswerSelector already chose among the topics
    elif ranking and float(ranking[0].get("confidence") or 0.0) >= fallback_threshold:
        message.data[INTENT] = dict(ranking[0])
    else:
        set_fallback(message, fallback_threshold)


def _promote(message: Message, intent_name: str) -> None:
    """Make `intent_name` the predicted intent with full confidence, keeping the rest of the ranking below it."""
    chosen = {"name": intent_name, "confidence": 1.0}
    ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get("name") != intent_name]
    message.data[INTENT] = chosen
    message.data[INTENT_RANKING_KEY] = [dict(chosen), *ranking]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyGuardClassifier(GraphComponent):
    """Runs the deterministic guard on every message and routes risks, then flags unusable input.

    Must be the last intent classifier in the pipeline so nothing can override its decision.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Thresholds used when a rejected risk guess is replaced (keep them equal to FallbackClassifier's and
        AnswerSelector's)."""
        return {"fallback_threshold": 0.5, "answer_threshold": 0.35}

    def __init__(self, config: Dict[Text, Any]) -> None:
        # Built once per process: compiling the lexicon takes a few seconds, matching about a millisecond.
        self._guard = get_guard()
        self._fallback_threshold = float(config["fallback_threshold"])
        self._answer_threshold = float(config["answer_threshold"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SafetyGuardClassifier":
        """Creates the component (the lexicon lives in bot.safety; nothing to train)."""
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to learn."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Override the intent for risk statements and for empty, unreadable or non-English input."""
        for message in messages:
            text = message.get(ORIGINAL_TEXT) or message.get(TEXT) or ""
            if not isinstance(text, str):
                continue
            assessment = self._guard.assess(text)
            decision = decide(assessment, message.get(INTENT_RANKING_KEY) or [])
            message.set(SAFETY, {**assessment.as_dict(), "decision": decision.reason}, add_to_output=True)
            if decision.is_risk:
                _promote(message, decision.intent)
                continue
            if is_risk_intent((message.get(INTENT) or {}).get("name")):
                retrieval = set((message.get("response_selector") or {}).get("all_retrieval_intents", []))
                _demote_risk(message, self._fallback_threshold, self._answer_threshold, retrieval)
            kind = (message.get(INPUT_CHECK) or {}).get("kind")
            if kind in (InputKind.EMPTY.value, InputKind.UNREADABLE.value):
                _promote(message, UNREADABLE_INTENT)
            elif kind == InputKind.NON_ENGLISH.value:
                _promote(message, NON_ENGLISH_INTENT)
        return messages
