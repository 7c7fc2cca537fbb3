"""First NLU component: cleans the raw text and records what kind of input it was."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.input_check import check_input
from bot.spanish_gloss import gloss

ORIGINAL_TEXT = "original_text"
INPUT_CHECK = "input_check"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class InputChecker(GraphComponent):
    """Strips control characters, caps the length the classifier reads, flags empty or non-English text, and glosses
    Spanish into English for the intent classifiers (bot.spanish_gloss).

    The untouched text is kept (not output) for the safety guard, which reads far more of a long message.
    """

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "InputChecker":
        """Creates the component (it has nothing to train)."""
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples are curated; nothing to clean."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Replace each message's text with its cleaned form and record the verdict."""
        for message in messages:
            raw = message.get(TEXT)
            if not isinstance(raw, str):
                continue
            verdict = check_input(raw)
            message.set(ORIGINAL_TEXT, raw)
            # The intent classifiers learnt English: a Spanish question reaches them as an English gloss. The safety
            # layer reads the person's own words (ORIGINAL_TEXT).
            message.set(TEXT, gloss(verdict.text) if verdict.language == "es" else verdict.text)
            message.set(INPUT_CHECK, verdict.as_dict(), add_to_output=True)
        return messages
