"""Compiles the lexicon's pattern notation into spaCy Matcher token patterns (see bot/safety/lexicon.py)."""

from __future__ import annotations

import itertools
import re
from typing import Callable, Dict, Iterable, List, Tuple

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from bot.safety.lexicon import MACROS, WORD_SETS

# Lookup lemmas the table gets wrong for our purposes ("dying" → "dye").
BASE_FORM_FIXES: Dict[str, str] = {"dying": "die", "dyin": "die", "kms": "kms", "me": "me", "i": "i"}

_MACRO = re.compile(r"\{([A-Z_]+)\}")
_PHRASE_GROUP = re.compile(r"\[([^\[\]]+)\]")

TokenSpec = Dict[str, object]


class PatternCompiler:
    """Turns notation strings into Matcher patterns, using one base-form function for patterns and text."""

    def __init__(self, base_form: Callable[[str], str]) -> None:
        self.base_form = base_form

    def expand_macros(self, pattern: str) -> List[str]:
        """Every variant of a pattern string with macros and `[a b|c d]` phrase groups expanded."""
        match = _MACRO.search(pattern)
        if match:
            alternatives = MACROS[match.group(1)]
        else:
            match = _PHRASE_GROUP.search(pattern)
            if not match:
                return [pattern]
            alternatives = [alternative.strip() for alternative in match.group(1).split("|")]
        variants: List[str] = []
        for alternative in alternatives:
            variants.extend(self.expand_macros(pattern[: match.start()] + alternative + pattern[match.end() :]))
        return variants

    def _token_variants(self, token: str) -> List[List[TokenSpec]]:
        """The token spec(s) for one notation token; several when exact and base-form words are mixed."""
        optional = token.startswith("?")
        if optional:
            token = token[1:]
        if token.startswith("~"):
            return [[{"OP": "?"}] * int(token[1:])]
        if token == "#":
            spec: List[TokenSpec] = [{"LIKE_NUM": True}]
            return [[{**spec[0], "OP": "?"}] if optional else spec]
        words: List[str] = []
        for alternative in token.split("|"):
            if alternative.startswith("$"):
                words.extend(WORD_SETS[alternative[1:]])
            else:
                words.append(alternative)
        exact = sorted({word[1:] for word in words if word.startswith("=")})
        base = sorted({self.base_form(word) for word in words if not word.startswith("=")})
        specs: List[TokenSpec] = []
        if exact:
            specs.append({"LOWER": {"IN": exact}} if len(exact) > 1 else {"LOWER": exact[0]})
        if base:
            specs.append({"NORM": {"IN": base}} if len(base) > 1 else {"NORM": base[0]})
        if optional:
            specs = [{**spec, "OP": "?"} for spec in specs]
        return [[spec] for spec in specs]

    def compile(self, pattern: str) -> List[List[TokenSpec]]:
        """All Matcher patterns for one notation string."""
        compiled: List[List[TokenSpec]] = []
        for variant in self.expand_macros(pattern):
            per_token = [self._token_variants(token) for token in variant.split()]
            for combination in itertools.product(*per_token):
                compiled.append([spec for specs in combination for spec in specs])
        return compiled

    def matcher(self, vocab: Vocab, named_patterns: Iterable[tuple]) -> Tuple[Matcher, Dict[str, Tuple[str, List[TokenSpec]]]]:
        """A Matcher with every compiled pattern under its own key "<name>#<n>", and key → (name, pattern)."""
        matcher = Matcher(vocab, validate=False)
        index: Dict[str, Tuple[str, List[TokenSpec]]] = {}
        for name, patterns in named_patterns:
            compiled = [spec for pattern in patterns for spec in self.compile(pattern)]
            for number, spec in enumerate(compiled):
                # A pattern made only of optional tokens would match everywhere; refuse it loudly.
                if all(token.get("OP") == "?" for token in spec):
                    raise ValueError(f"a pattern in {name} matches the empty string")
                key = f"{name}#{number}"
                matcher.add(key, [spec])
                index[key] = (name, spec)
        return matcher, index


def set_base_forms(doc: Doc, base_form: Callable[[str], str]) -> Doc:
    """Store each token's base form in NORM, where the Matcher patterns look for it."""
    for token in doc:
        token.norm_ = base_form(token.lower_)
    return doc
