"""Checks on raw user text before classification: empty, unreadable, too long, not English."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet

from bot.safety.normalize import strip_control_characters

# The classifier reads at most this many characters; longer messages are answered from the first part and the
# user is told. (The safety guard reads far more: see bot.safety.guard.MAX_GUARD_CHARS.)
MAX_MESSAGE_CHARS = 1_000

UNREADABLE_INTENT = "input_unreadable"
NON_ENGLISH_INTENT = "input_non_english"


class InputKind(str, enum.Enum):
    """What kind of text arrived."""

    OK = "ok"
    EMPTY = "empty"
    UNREADABLE = "unreadable"  # only emoji, symbols or punctuation
    NON_ENGLISH = "non_english"


@dataclass(frozen=True)
class InputVerdict:
    """The cleaned text the classifier should see, and what we noticed about the original."""

    kind: InputKind
    text: str
    original_length: int
    truncated: bool
    language: str = "en"  # "en", "es" (crisis replies have a Spanish version) or "other"

    def as_dict(self) -> dict:
        """JSON-friendly summary for parse data (no user text)."""
        return {
            "kind": self.kind.value,
            "original_length": self.original_length,
            "truncated": self.truncated,
            "language": self.language,
        }


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _english_stop_words() -> FrozenSet[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _english_lemmas() -> FrozenSet[str]:
    from bot.nlp import get_nlp

    table = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    return frozenset(value for value in table.values() if isinstance(value, str))


def _is_english_word(word: str) -> bool:
    """A known English form: a stop word, an inflected form or a lemma in spaCy's lookup table (local data)."""
    from bot.nlp import get_nlp

    table = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    return word in _english_stop_words() or word in table or word in _english_lemmas()


@lru_cache(maxsize=1)
def _foreign_stop_words() -> FrozenSet[str]:
    """Function words of the languages people most often write in instead (local spaCy data)."""
    from spacy.lang.de.stop_words import STOP_WORDS as GERMAN
    from spacy.lang.es.stop_words import STOP_WORDS as SPANISH
    from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH
    from spacy.lang.it.stop_words import STOP_WORDS as ITALIAN
    from spacy.lang.pt.stop_words import STOP_WORDS as PORTUGUESE

    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH

    return frozenset((SPANISH | FRENCH | GERMAN | PORTUGUESE | ITALIAN) - ENGLISH)


def _looks_non_english(text: str) -> bool:
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return False
    latin = all(unicodedata.name(char, "").startswith("LATIN") for word in words for char in word)
    if not latin:
        # Another script altogether (Cyrillic, Arabic, CJK …) once there is more of it than English.
        return sum(1 for word in words if word.isascii()) < len(words) / 2
    # Function words are the surest sign of a language; typo-heavy English is left to the classifier.
    foreign = sum(1 for word in words if word in _foreign_stop_words() and not _is_english_word(word))
    english = sum(1 for word in words if word in _english_stop_words())
    return foreign >= 2 and foreign >= 0.3 * len(words) and foreign > english


@lru_cache(maxsize=1)
def _spanish_words() -> FrozenSet[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.es.stop_words import STOP_WORDS as SPANISH

    # Common words of Spanish messages that spaCy does not list as stop words.
    extra = {
        "quiero", "tengo", "estoy", "pastilla", "pastillas", "ayuda", "morir", "morirme", "matarme", "vivir", "mi",
        "mis", "hijo", "hija", "ya", "tome", "tomé", "tomo", "tomó", "esposo", "esposa", "mamá", "papá", "puedo",
    }
    return frozenset((SPANISH | extra) - ENGLISH - _SHARED_WORDS)


# Words both languages use: they count for neither.
_SHARED_WORDS = frozenset({"a", "no", "me", "se", "he", "sin", "i", "o", "y", "su", "son", "mi"})


def language_of(text: str) -> str:
    """"es" when the message reads as Spanish, "en" otherwise (other languages are told apart by `check_input`)."""
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return "en"
    spanish = sum(1 for word in words if word in _spanish_words())
    english = sum(1 for word in words if word in _english_stop_words() and word not in _SHARED_WORDS)
    return "es" if spanish >= 1 and spanish > english and spanish >= 0.2 * len(words) else "en"


def check_input(raw: str) -> InputVerdict:
    """Clean a raw message and say what kind it is."""
    original_length = len(raw or "")
    text = " ".join(strip_control_characters(raw or "").split())
    truncated = len(text) > MAX_MESSAGE_CHARS
    if truncated:
        cut = text[:MAX_MESSAGE_CHARS]
        # Cut at a word boundary when there is one near the end.
        text = cut.rsplit(" ", 1)[0] if " " in cut[-40:] else cut
    if not text:
        return InputVerdict(InputKind.EMPTY, "", original_length, truncated)
    if not _WORD.search(text):
        return InputVerdict(InputKind.UNREADABLE, text, original_length, truncated)
    language = language_of(text)
    if _looks_non_english(text):
        return InputVerdict(InputKind.NON_ENGLISH, text, original_length, truncated, "es" if language == "es" else "other")
    return InputVerdict(InputKind.OK, text, original_length, truncated, language)
