"""A Rasa tokenizer on the project's blank spaCy pipeline, giving tokens their lookup lemmas."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.nlp import base_form, get_nlp


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class SpacyLemmaTokenizer(Tokenizer):
    """Tokenizes with spaCy's English rules and lemmatizes with spacy-lookups-data (no pretrained model)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Same options as Rasa's own tokenizers."""
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        # The tokenizer only: lemmas come from the lookup table directly (case-insensitive).
        self._nlp = get_nlp()

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        """Word tokens with lemmas; whitespace, punctuation and emoji-only tokens are dropped."""
        text = message.get(attribute) or ""
        tokens: List[Token] = []
        for token in self._nlp(text):
            if token.is_space or token.is_punct or not any(char.isalnum() for char in token.text):
                continue
            tokens.append(Token(token.text, token.idx, lemma=base_form(token.text)))
        return self._apply_token_pattern(tokens)
