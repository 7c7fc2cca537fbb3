"""Content-integrity checks: numbers must come from the cited page, sentences must be our own words."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Iterable, List, Set, Tuple

from bot.safety.helplines import helpline_number_pattern
from bot.sources import SOURCES

# A shared run of this many words with a seed page counts as copying.
COPY_RUN_WORDS = 12

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_NUMBER_WORDS = set(_UNITS) | set(_TENS) | set(_SCALES)

# Digits (with thousands separators and decimals), words, and any other mark, which ends a run of number words.
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[a-z]+|[^\sa-z\d]", re.IGNORECASE)


def _canonical(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _words_value(words: List[str]) -> float:
    total, current = 0, 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:  # thousand / million close a group
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current


def numbers_in(text: str) -> Set[str]:
    """Every number in `text`, written as digits ("twenty-eight" → "28", "11,537" → "11537")."""
    found: Set[str] = set()
    run: List[str] = []
    # Hyphens join number words ("twenty-eight"); everywhere else they separate ("3-5", "two-month").
    for token in _TOKEN.findall(re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text, flags=re.IGNORECASE)):
        lowered = token.lower()
        if lowered in _NUMBER_WORDS:
            run.append(lowered)
            continue
        if lowered == "and" and run:
            continue  # "one hundred and five"
        if run:
            found.add(_canonical(_words_value(run)))
            run = []
        if token[0].isdigit():
            found.add(_canonical(float(token.replace(",", ""))))
    if run:
        found.add(_canonical(_words_value(run)))
    return found


@lru_cache(maxsize=None)
def page_numbers(source_id: str) -> frozenset:
    """The numbers that appear in a seed page."""
    return frozenset(numbers_in(SOURCES[source_id].read_text()))


def unsupported_numbers(text: str, source_ids: Iterable[str]) -> Set[str]:
    """Numbers in `text` that appear in none of the cited pages (public helpline numbers are exempt)."""
    allowed: Set[str] = set()
    for source_id in source_ids:
        allowed |= page_numbers(source_id)
    return numbers_in(helpline_number_pattern().sub(" ", text)) - allowed


def _words(text: str) -> List[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


@lru_cache(maxsize=1)
def _page_runs() -> Dict[Tuple[str, ...], str]:
    runs: Dict[Tuple[str, ...], str] = {}
    for source in SOURCES.values():
        words = _words(source.read_text())
        for start in range(len(words) - COPY_RUN_WORDS + 1):
            runs.setdefault(tuple(words[start : start + COPY_RUN_WORDS]), source.id)
    return runs


def copied_runs(text: str) -> List[Tuple[str, str]]:
    """Runs of COPY_RUN_WORDS words that `text` shares with a seed page, as (source id, run)."""
    runs = _page_runs()
    words = _words(text)
    hits: List[Tuple[str, str]] = []
    for start in range(len(words) - COPY_RUN_WORDS + 1):
        run = tuple(words[start : start + COPY_RUN_WORDS])
        if run in runs:
            hits.append((runs[run], " ".join(run)))
    return hits
