"""The project's one spaCy pipeline: blank English plus lookup lemmas (no pretrained model exists here)."""

from __future__ import annotations

from functools import lru_cache
from typing import Dict

import spacy
from spacy.language import Language

# Lookup lemmas the table gets wrong for our purposes ("dying" → "dye").
BASE_FORM_FIXES: Dict[str, str] = {"dying": "die", "dyin": "die", "kms": "kms", "me": "me", "i": "i"}


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """A blank English pipeline with the lookup lemmatizer from spacy-lookups-data (local, no download)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def base_form(word: str) -> str:
    """A word's lowercase lookup lemma ("Seizures" → "seizure"), as both the classifier and the guard see it."""
    lowered = word.lower()
    if lowered in BASE_FORM_FIXES:
        return BASE_FORM_FIXES[lowered]
    return _lemma_table().get(lowered, lowered)


@lru_cache(maxsize=1)
def _lemma_table():
    return get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
