"""Compiles the lexicon's pattern notation (see bot/safety/lexicon.py) into spaCy Matcher patterns.

A pattern is split into segments: runs of plain tokens, phrase groups `[a b|c d]`, macros `{NAME}`, optional
tokens `?x` and wildcards `~N`. Every run, group and macro becomes one Matcher key with its alternatives, and one
pass of the Matcher finds them all; a pattern then matches where its segments' spans chain end to start. Compiling
each pattern into flat Matcher patterns instead would multiply the alternatives of every group it contains
(tens of thousands of patterns and tens of milliseconds a message); chaining keeps the cost additive.

Most alternatives are fixed phrases (every token one exact word, or every token one base form): those go to two
PhraseMatchers (on LOWER and on NORM, a hash lookup per position) and only the rest to the Matcher, which tries each
of its patterns at every token — with ~3,000 flat patterns the Matcher alone took ~1 ms a message.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from bot.safety.lexicon import MACROS, WORD_SETS

_MACRO = re.compile(r"\{([A-Z_]+)\}")
_PHRASE_GROUP = re.compile(r"\[([^\[\]]+)\]")
# Top-level elements: optional group "?[..]" / "[..]?", group "[..]", macro "{..}", or a plain token.
_ELEMENT = re.compile(r"\??\[[^\[\]]+\]\??|\{[A-Z_]+\}|\S+")

TokenSpec = Dict[str, object]
Span = Tuple[int, int]


@dataclass(frozen=True)
class Segment:
    """One element of a pattern: a Matcher key (run, group, macro or optional token) or a wildcard."""

    key: Optional[str]  # None for a wildcard
    optional: bool = False
    wildcard: int = 0


@dataclass(frozen=True)
class CompiledPattern:
    """A pattern as a chain of segments, and the Matcher keys it cannot match without."""

    name: str
    source: str
    segments: Tuple[Segment, ...]
    required_keys: frozenset


class PatternCompiler:
    """Turns notation strings into Matcher patterns, using one base-form function for patterns and text."""

    def __init__(self, base_form: Callable[[str], str], exact: bool = False) -> None:
        self.base_form = base_form
        # Exact mode reads every bare word as `=word`: idioms must match as written ("kills me" is not "kill me").
        self.exact = exact

    def expand(self, pattern: str) -> List[str]:
        """Every variant of a pattern string with macros and phrase groups expanded (for small fragments)."""
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
            variants.extend(self.expand(pattern[: match.start()] + alternative + pattern[match.end() :]))
        return variants

    def token_specs(self, token: str) -> List[List[TokenSpec]]:
        """The token spec(s) for one plain notation token; several when exact and base-form words are mixed."""
        optional = token.startswith("?")
        if optional:
            token = token[1:]
        if token.startswith("~"):
            return [[{"OP": "?"}] * int(token[1:])]
        if token == "#":
            return [[{"LIKE_NUM": True, **({"OP": "?"} if optional else {})}]]
        words: List[str] = []
        for alternative in token.split("|"):
            words.extend(WORD_SETS[alternative[1:]] if alternative.startswith("$") else [alternative])
        if self.exact:
            words = [word if word.startswith("=") else f"={word}" for word in words]
        exact = sorted({word[1:] for word in words if word.startswith("=")})
        base = sorted({self.base_form(word) for word in words if not word.startswith("=")})
        specs: List[TokenSpec] = []
        if exact:
            specs.append({"LOWER": {"IN": exact}} if len(exact) > 1 else {"LOWER": exact[0]})
        if base:
            specs.append({"NORM": {"IN": base}} if len(base) > 1 else {"NORM": base[0]})
        return [[{**spec, "OP": "?"} if optional else spec] for spec in specs]

    def flat(self, fragment: str) -> List[List[TokenSpec]]:
        """All flat Matcher patterns for a small fragment (its groups expanded in place)."""
        compiled: List[List[TokenSpec]] = []
        for variant in self.expand(fragment):
            per_token = [self.token_specs(token) for token in variant.split()]
            for combination in itertools.product(*per_token):
                pattern = [spec for specs in combination for spec in specs]
                if all(spec.get("OP") == "?" for spec in pattern):
                    raise ValueError(f"fragment {fragment!r} can match the empty string")
                compiled.append(pattern)
        return compiled


def _phrase_attr(pattern: List[TokenSpec]) -> Optional[str]:
    """"LOWER" or "NORM" when every token of a flat pattern is one fixed value of that attribute; else None."""
    attrs = {next(iter(spec)) for spec in pattern if len(spec) == 1}
    if len(attrs) != 1 or any(len(spec) != 1 for spec in pattern):
        return None
    attr = attrs.pop()
    if attr not in ("LOWER", "NORM") or any(not isinstance(spec[attr], str) for spec in pattern):
        return None
    return attr


class CompositeMatcher:
    """Matches named groups of notation patterns against a Doc (see the module docstring)."""

    def __init__(
        self,
        vocab: Vocab,
        base_form: Callable[[str], str],
        named_patterns: Iterable[Tuple[str, Sequence[str]]],
        exact: bool = False,
    ) -> None:
        self.compiler = PatternCompiler(base_form, exact)
        self.matcher = Matcher(vocab, validate=False)
        self.phrases = {attr: PhraseMatcher(vocab, attr=attr) for attr in ("LOWER", "NORM")}
        self._vocab = vocab
        self._strings = vocab.strings
        self._keys: Dict[str, str] = {}  # fragment → key
        self.patterns: List[CompiledPattern] = []
        for name, sources in named_patterns:
            for source in sources:
                self.patterns.append(self._compile(name, source))

    def _key_for(self, fragment: str) -> str:
        if fragment not in self._keys:
            key = f"k{len(self._keys)}"
            general: List[List[TokenSpec]] = []
            phrases: Dict[str, List[Doc]] = defaultdict(list)
            for pattern in self.compiler.flat(fragment):
                attr = _phrase_attr(pattern)
                if attr is None:
                    general.append(pattern)
                    continue
                words = [str(spec[attr]) for spec in pattern]
                phrase = Doc(self._vocab, words=words)
                for token, word in zip(phrase, words):
                    token.norm_ = word  # LOWER is the text already; NORM must hold the base form as the doc's does
                phrases[attr].append(phrase)
            if general:
                self.matcher.add(key, general)
            for attr, docs in phrases.items():
                self.phrases[attr].add(key, docs)
            self._keys[fragment] = key
        return self._keys[fragment]

    def _compile(self, name: str, source: str) -> CompiledPattern:
        segments: List[Segment] = []
        run: List[str] = []

        def flush() -> None:
            if run:
                segments.append(Segment(self._key_for(" ".join(run))))
                run.clear()

        for element in _ELEMENT.findall(source):
            if element.startswith("~"):
                flush()
                segments.append(Segment(None, wildcard=int(element[1:])))
            elif element.startswith(("[", "?[", "{")) or (element.startswith("[") and element.endswith("]?")):
                flush()
                optional = element.startswith("?") or element.endswith("?")
                segments.append(Segment(self._key_for(element.strip("?")), optional=optional))
            elif element.startswith("?"):
                flush()
                segments.append(Segment(self._key_for(element[1:]), optional=True))
            else:
                run.append(element)
        flush()
        if all(segment.optional or segment.key is None for segment in segments):
            raise ValueError(f"pattern in {name} can match the empty string: {source!r}")
        required = frozenset(segment.key for segment in segments if segment.key and not segment.optional)
        return CompiledPattern(name, source, tuple(segments), required)

    def spans_by_key(self, doc: Doc) -> Dict[str, Dict[int, Set[int]]]:
        """One Matcher pass: for every key that matched, start → ends."""
        found: Dict[str, Dict[int, Set[int]]] = defaultdict(lambda: defaultdict(set))
        for matcher in (self.matcher, *self.phrases.values()):
            if len(matcher):
                for match_id, start, end in matcher(doc):
                    found[self._strings[match_id]][start].add(end)
        return found

    @staticmethod
    def _chain(segments: Sequence[Segment], spans: Dict[str, Dict[int, Set[int]]], length: int) -> Set[Span]:
        reach: Optional[Dict[int, Set[int]]] = None  # position → the starts that reach it
        for segment in segments:
            step: Dict[int, Set[int]] = defaultdict(set)
            sources = reach.items() if reach is not None else ((position, {position}) for position in range(length + 1))
            if segment.key is None:
                for position, starts in sources:
                    for offset in range(segment.wildcard + 1):
                        if position + offset <= length:
                            step[position + offset] |= starts
            else:
                table = spans.get(segment.key, {})
                if reach is None and not segment.optional:
                    for start, ends in table.items():
                        for end in ends:
                            step[end].add(start)
                else:
                    for position, starts in sources:
                        for end in table.get(position, ()):
                            step[end] |= starts
                        if segment.optional:
                            step[position] |= starts
            reach = step
            if not reach:
                return set()
        return {(start, end) for end, starts in (reach or {}).items() for start in starts if end > start}

    def __call__(self, doc: Doc) -> List[Tuple[CompiledPattern, int, int, Set[int]]]:
        """(pattern, start, end, literal token indices) for every match, longest per pattern and start."""
        spans = self.spans_by_key(doc)
        results: List[Tuple[CompiledPattern, int, int, Set[int]]] = []
        for pattern in self.patterns:
            if not pattern.required_keys <= spans.keys():
                continue
            matches = self._chain(pattern.segments, spans, len(doc))
            if not matches:
                continue
            literal = {
                index
                for segment in pattern.segments
                if segment.key in spans
                for start, ends in spans[segment.key].items()
                for end in ends
                for index in range(start, end)
            }
            longest: Dict[int, int] = {}
            for start, end in matches:
                longest[start] = max(end, longest.get(start, end))
            results.extend((pattern, start, end, literal) for start, end in longest.items())
        return results

    def spans(self, doc: Doc) -> List[Span]:
        """Just the (start, end) spans of every match."""
        return [(start, end) for _, start, end, _ in self(doc)]


def set_base_forms(doc: Doc, base_form: Callable[[str], str]) -> Doc:
    """Store each token's base form in NORM, where the Matcher patterns look for it."""
    for token in doc:
        token.norm_ = base_form(token.lower_)
    return doc
