"""Dense sentence features from the packaged all-MiniLM-L6-v2 encoder (bot.encoder), for DIET and the
ResponseSelector. They carry meaning the sparse counts cannot ("get hooked" ≈ "become dependent")."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import RESPONSE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.encoder import EmbeddingCache, get_encoder, training_cache

ATTRIBUTES = (TEXT, RESPONSE)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds one 384-dimensional sentence feature per text (and per response text) from MiniLM."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Rasa's featurizer options (alias)."""
        return {**DenseFeaturizer.get_default_config()}

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        """No options of its own to check."""

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)
        self._encoder = get_encoder()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SentenceEmbeddingFeaturizer":
        """Creates the featurizer (the encoder's weights come with the pip package)."""
        return cls(config, execution_context.node_name)

    def _featurize(self, messages: List[Message], attribute: Text, cache: Optional[EmbeddingCache] = None) -> None:
        # Only messages the tokenizer found words in: the count featurizers skip the others, and DIET needs every
        # featurizer to cover the same examples ("???" and emoji-only input are handled by the InputChecker).
        targets = [
            message
            for message in messages
            if isinstance(message.get(attribute), str) and message.get(TOKENS_NAMES[attribute])
        ]
        if not targets:
            return
        # Each retrieval example carries its (long) answer as RESPONSE: encode every distinct text once.
        unique = list(dict.fromkeys(message.get(attribute) for message in targets))
        vectors = dict(zip(unique, (cache or self._encoder).encode(unique)))
        for message in targets:
            self.add_features_to_message(None, np.expand_dims(vectors[message.get(attribute)], 0), attribute, message)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurize every training example (batched; vectors of texts seen in an earlier training are reused)."""
        cache = training_cache()
        for attribute in ATTRIBUTES:
            self._featurize(training_data.training_examples, attribute, cache)
        cache.save()
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Featurize incoming messages."""
        self._featurize(messages, TEXT)
        return messages
