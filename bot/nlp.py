"""The project's one spaCy pipeline: blank English plus lookup lemmas (no pretrained model exists here)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """A blank English pipeline with the lookup lemmatizer from spacy-lookups-data (local, no download)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp
