"""Answers retrieval intents: chooses the cited answer, and falls back when it is unsure of the *answer*.

For each answer `topic/key` this component scores

    P(topic) from DIET  ×  nearest-neighbour vote

where the vote compares the message's MiniLM vector with the training examples of every answer (mean of the two
closest, softmax with temperature 0.05). The best answer must hold at least `threshold` of the total score,
otherwise the two-stage fallback asks "Did you mean …?" with the closest answers (`suggestions`). It writes Rasa's
response-selector output (`response_selector`: the retrieval intents and the chosen `utter_action`), so Rasa's
retrieval actions (`utter_<topic>`) answer as they would after a ResponseSelector.

It replaces Rasa's ResponseSelector, which this project used until the training data grew to ~35 examples per
answer: on the 253 held-out questions of tests/answers/ the neighbour vote alone answered 239 on the right topic and
225 with the right answer, against 173 and 171 for the equal mix with the ResponseSelector, whose softmax over 87
long answers had also become the slowest part of training (~3 minutes). The decision is stored on the message
(`answer_selection`) for the safety classifier, which may need it when it rejects a risk guess.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Text, Tuple

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.encoder import get_encoder, training_cache
from bot.knowledge.advice_request import personal_advice_request
from bot.knowledge.coverage import uncovered_subject
from bot.knowledge.suggestions import ADVICE_TOPIC

RESPONSE_SELECTOR = "response_selector"
ANSWER_SELECTION = "answer_selection"
UNCOVERED_SUBJECT = "uncovered_subject"
NOT_COVERED_INTENT = "not_covered"
# What the classifiers say when they cannot place a message.
UNPLACED_INTENTS = frozenset({DEFAULT_NLU_FALLBACK_INTENT_NAME, NOT_COVERED_INTENT})
KEPT_RANKING = 5
SUGGESTIONS = 4
NEIGHBOURS = 2
TEMPERATURE = 0.05
_FILE = "answer_examples.npz"


def _predict(message: Message, name: str, confidence: float) -> None:
    """Make `name` the predicted intent, on top of the rest of the ranking."""
    intent = {"name": name, "confidence": confidence}
    message.data[INTENT] = intent
    ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get("name") != name]
    message.data[INTENT_RANKING_KEY] = [dict(intent), *ranking]


def set_fallback(message: Message, confidence: float) -> None:
    """Predict `nlu_fallback` (the clarifying reply), as Rasa's FallbackClassifier does."""
    _predict(message, DEFAULT_NLU_FALLBACK_INTENT_NAME, confidence)


def set_not_covered(message: Message, subject: str) -> None:
    """Predict `not_covered` (the honest "the pages I draw on don't cover that", with the nearest answers)."""
    _predict(message, NOT_COVERED_INTENT, 1.0)
    message.set(UNCOVERED_SUBJECT, subject, add_to_output=True)


def apply_answer(message: Message, threshold: float) -> bool:
    """Set the intent and the answer from `answer_selection`; fall back (and return False) when unsure, and say the
    pages don't cover it (return False) when the message asks about a subject none of them touches."""
    selection = message.get(ANSWER_SELECTION)
    key = selection["intent_response_key"] if selection else None
    if key is None or not key.startswith(ADVICE_TOPIC + "/"):  # an advice request keeps its decline
        subject = uncovered_subject(message.get(TEXT), key)
        if subject is not None:
            set_not_covered(message, subject)
            return False
    if not selection or selection["share"] < threshold:
        set_fallback(message, threshold)
        return False
    _answer_with(message, key, selection["share"])
    return True


def _answer_with(message: Message, key: str, share: float) -> None:
    """Make the answer `key` (`topic/key`) the reply: its topic becomes the intent, and Rasa's retrieval action
    `utter_<topic>` utters it."""
    topic = key.split("/")[0]
    ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get("name") != DEFAULT_NLU_FALLBACK_INTENT_NAME]
    confidence = next((entry["confidence"] for entry in ranking if entry.get("name") == topic), share)
    message.data[INTENT] = {"name": topic, "confidence": confidence}
    message.data[INTENT_RANKING_KEY] = ranking
    selector = (message.get(RESPONSE_SELECTOR) or {}).setdefault("default", {})
    selector["response"] = {
        **selector.get("response", {}),
        "intent_response_key": key,
        "utter_action": f"utter_{key}",
        "confidence": share,
    }


def decline_unplaced_advice_request(message: Message, closest_advice: Callable[[], Optional[Tuple[str, float]]]) -> bool:
    """A personal-advice request the classifiers could not place (a fallback, or "not covered") gets the closest
    advice decline instead (bot.knowledge.advice_request); returns True if it did. `closest_advice` is asked only
    then, so ordinary messages pay nothing for it."""
    intent = (message.get(INTENT) or {}).get("name")
    if intent not in UNPLACED_INTENTS or not personal_advice_request(message.get(TEXT) or ""):
        return False
    closest = closest_advice()
    if closest is None:
        return False
    message.data.pop(UNCOVERED_SUBJECT, None)
    _answer_with(message, *closest)
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class AnswerSelector(GraphComponent):
    """Picks the answer for retrieval intents from DIET's topic and the nearest training examples."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`threshold`: the share of the total score the chosen answer needs."""
        return {"threshold": 0.25}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        vectors: Optional[np.ndarray] = None,
        keys: Optional[List[str]] = None,
    ) -> None:
        self.threshold = float(config["threshold"])
        self._storage = model_storage
        self._resource = resource
        self._vectors = vectors if vectors is not None else np.zeros((0, 384), dtype=np.float32)
        self._keys = np.array(keys or [])
        self._answers = sorted(set(self._keys.tolist()))
        self.topics = sorted({answer.split("/")[0] for answer in self._answers})
        self._rows = {answer: np.flatnonzero(self._keys == answer) for answer in self._answers}
        # Each answer's example rows side by side, padded with an index that reads -inf, so every answer's closest
        # examples come out of one partition instead of a sort per answer.
        width = max((len(rows) for rows in self._rows.values()), default=0)
        padding = len(self._keys)
        self._grouped = np.full((len(self._answers), width), padding, dtype=np.intp)
        for position, answer in enumerate(self._answers):
            self._grouped[position, : len(self._rows[answer])] = self._rows[answer]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "AnswerSelector":
        """An untrained selector."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Keep the MiniLM vector of every retrieval example, by answer."""
        examples = [
            (example.get(TEXT), f"{example.get(INTENT)}/{example.get('intent_response_key').split('/')[-1]}")
            for example in training_data.intent_examples
            if example.get("intent_response_key") and example.get(TEXT)
        ]
        cache = training_cache()
        vectors = cache.encode([text for text, _ in examples]).astype(np.float16)
        cache.save()
        with self._storage.write_to(self._resource) as path:
            np.savez_compressed(path / _FILE, vectors=vectors, keys=np.array([key for _, key in examples]))
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "AnswerSelector":
        """Load the stored example vectors."""
        try:
            with model_storage.read_from(resource) as path:
                data = np.load(path / _FILE)
                return cls(config, model_storage, resource, data["vectors"].astype(np.float32), data["keys"].tolist())
        except (ValueError, FileNotFoundError):
            return cls(config, model_storage, resource)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to add to the training data."""
        return training_data

    def _neighbour_votes(self, text: str) -> Dict[str, float]:
        similarities = np.append(self._vectors @ get_encoder().encode([text])[0], -np.inf)
        grouped = similarities[self._grouped]
        scores = np.partition(grouped, -NEIGHBOURS, axis=1)[:, -NEIGHBOURS:].mean(axis=1)
        votes = np.exp((scores - scores.max()) / TEMPERATURE)
        return dict(zip(self._answers, (votes / votes.sum()).tolist()))

    def closest_advice(self, text: Optional[str]) -> Optional[Tuple[str, float]]:
        """The advice decline closest in meaning to `text`, whatever the intent classifier thought, with its vote."""
        advice = [answer for answer in self._answers if answer.startswith(ADVICE_TOPIC + "/")]
        if not advice or not text:
            return None
        votes = self._neighbour_votes(text)
        best = max(advice, key=votes.__getitem__)
        return best, round(votes[best], 4)

    def select(self, message: Message) -> Optional[Dict[str, Any]]:
        """The best answer and its share of the total score, or None when no retrieval topic is in play."""
        retrieval = set(self.topics)
        topics = {entry["name"]: float(entry["confidence"]) for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get("name") in retrieval}
        if not topics or not self._answers or not message.get(TEXT):
            return None
        votes = self._neighbour_votes(message.get(TEXT))
        scores = {answer: topics.get(answer.split("/")[0], 0.0) * votes[answer] for answer in self._answers}
        total = sum(scores.values())
        if total <= 0:
            return None
        ranked = sorted(scores, key=scores.get, reverse=True)
        best = ranked[0]
        # The closest answers by the same score, for "Did you mean …?" and "not covered" (bot.knowledge.suggestions).
        suggestions = [answer for answer in ranked[:SUGGESTIONS] if scores[answer] > 0]
        ranking = [{"intent_response_key": answer, "confidence": round(scores[answer] / total, 4)} for answer in ranked[:KEPT_RANKING]]
        return {
            "intent_response_key": best,
            "share": round(scores[best] / total, 4),
            "suggestions": suggestions,
            "ranking": ranking,
        }

    def process(self, messages: List[Message]) -> List[Message]:
        """Decide the answer; apply it when the predicted intent is a retrieval topic (or a fallback over one)."""
        for message in messages:
            selection = self.select(message)
            closest_advice = lambda: self.closest_advice(message.get(TEXT))  # noqa: E731 — asked only when needed
            # Rasa's response-selector output: the retrieval intents, and (once chosen) the answer to utter.
            default = {"response": {}, "ranking": selection.pop("ranking") if selection else []}
            message.set(RESPONSE_SELECTOR, {"all_retrieval_intents": list(self.topics), "default": default}, add_to_output=True)
            if selection is None:
                decline_unplaced_advice_request(message, closest_advice)
                continue
            message.set(ANSWER_SELECTION, selection, add_to_output=True)
            ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get("name") != DEFAULT_NLU_FALLBACK_INTENT_NAME]
            if ranking and ranking[0]["name"] in set(self.topics):
                apply_answer(message, self.threshold)
            decline_unplaced_advice_request(message, closest_advice)
        return messages
