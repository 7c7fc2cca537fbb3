"""Typo repair toward the lexicon's own vocabulary ("swalloed" → "swallowed", "thinkin" → "thinking").

Only words that are neither English nor lexicon words are touched, and only toward a lexicon word one or two edits
away, so ordinary text passes through unchanged. Lookups use a symmetric-delete index (the SymSpell idea): every
vocabulary word is indexed under each string reachable by deleting up to two characters.
"""

from __future__ import annotations

from itertools import combinations
from typing import Callable, Dict, Iterable, List, Optional, Set


def _deletes(word: str, max_distance: int) -> Set[str]:
    variants = {word}
    for distance in range(1, max_distance + 1):
        for positions in combinations(range(len(word)), distance):
            variants.add("".join(char for index, char in enumerate(word) if index not in positions))
    return variants


def _damerau(a: str, b: str) -> int:
    """Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps)."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


class SpellingRepair:
    """Maps unknown words to the nearest lexicon word, when one is close enough."""

    def __init__(self, vocabulary: Iterable[str], is_known_word: Callable[[str], bool]) -> None:
        self.vocabulary = {word for word in vocabulary if word.isalpha() and len(word) >= 3}
        self.is_known_word = is_known_word
        self._index: Dict[str, List[str]] = {}
        for word in self.vocabulary:
            for variant in _deletes(word, self._max_distance(word)):
                self._index.setdefault(variant, []).append(word)

    @staticmethod
    def _max_distance(word: str) -> int:
        return 1 if len(word) <= 5 else 2

    def repair(self, word: str) -> Optional[str]:
        """The lexicon word `word` was probably meant to be, or None to leave it alone."""
        if len(word) < 3 or not word.isalpha() or word in self.vocabulary or self.is_known_word(word):
            return None
        if word.endswith("in") and word + "g" in self.vocabulary:
            return word + "g"  # dropped g: "thinkin", "endin", "hittin"
        candidates: Set[str] = set()
        for variant in _deletes(word, self._max_distance(word)):
            candidates.update(self._index.get(variant, ()))
        # Typos rarely change the first letter; requiring it keeps "ago" from becoming "hago".
        scored = sorted(
            (distance, -len(candidate), candidate)
            for candidate in candidates
            if candidate[0] == word[0]
            and (distance := _damerau(word, candidate)) <= min(self._max_distance(word), self._max_distance(candidate))
        )
        return scored[0][2] if scored else None
