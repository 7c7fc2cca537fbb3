"""The deterministic safety guard: does this message state a current risk, and of which kind?

It runs on every message, before and independently of the trained classifier. It answers with a level:
  RISK     — a rule matched and no context cleared it → route to the crisis reply for its category;
  HINT     — alarming words about a specific person, but no rule matched → the classifier decides, leaning to risk;
  CLEARED  — rules or alarming words matched but were explained away (idiom, negation, question, distant past);
  NONE     — nothing alarming.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Span

from bot.nlp import get_nlp
from bot.safety import lexicon
from bot.safety.categories import RISK_CATEGORIES
from bot.safety.normalize import normalize
from bot.safety.patterns import BASE_FORM_FIXES, PatternCompiler, set_base_forms

# The guard reads at most this much of a message; far more than the classifier is given, so a crisis statement
# at the end of a long message is still seen.
MAX_GUARD_CHARS = 20_000

_SENTENCE_END = {".", "?", "!", ";", "\n", "…"}


class Level(str, enum.Enum):
    """How strongly the guard believes the message states a current risk."""

    NONE = "none"
    CLEARED = "cleared"
    HINT = "hint"
    RISK = "risk"


@dataclass(frozen=True)
class Evidence:
    """One rule match and what the context made of it."""

    rule: str
    category: str
    text: str
    cleared_by: Optional[str] = None


@dataclass(frozen=True)
class Assessment:
    """The guard's verdict on one message."""

    level: Level
    category: Optional[str] = None
    evidence: Tuple[Evidence, ...] = field(default_factory=tuple)

    @property
    def is_risk(self) -> bool:
        """True when the message must be routed to a crisis reply."""
        return self.level is Level.RISK

    def as_dict(self) -> Dict[str, object]:
        """A JSON-friendly summary (rule names and clearing reasons only, never the user's words)."""
        return {
            "level": self.level.value,
            "category": self.category,
            "rules": sorted({item.rule for item in self.evidence if item.cleared_by is None}),
            "cleared": sorted({f"{item.rule}:{item.cleared_by}" for item in self.evidence if item.cleared_by}),
        }


class SafetyGuard:
    """Matches the lexicon's rules against a message and weighs the context around each match."""

    def __init__(self) -> None:
        self.nlp = get_nlp()
        lemmas = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self._lemmas = lemmas
        compiler = PatternCompiler(self.base_form)
        self.rules = {rule.name: rule for rule in lexicon.RULES}
        self.rule_matcher, self._patterns = compiler.matcher(
            self.nlp.vocab, [(rule.name, rule.patterns) for rule in lexicon.RULES]
        )
        self.idiom_matcher, _ = compiler.matcher(self.nlp.vocab, [("idiom", lexicon.IDIOMS)])
        self.past_matcher, _ = compiler.matcher(self.nlp.vocab, [("distant_past", lexicon.DISTANT_PAST_PATTERNS)])
        self._base_sets = {
            name: {self.base_form(word.lstrip("=")) for word in words}
            for name, words in lexicon.WORD_SETS.items()
        }
        self._category_rank = {name: rank for rank, name in enumerate(RISK_CATEGORIES)}

    def base_form(self, word: str) -> str:
        """The base form used on both sides of matching: a lookup lemma, with a few fixes."""
        lowered = word.lower()
        return BASE_FORM_FIXES.get(lowered) or self._lemmas.get(lowered, lowered)

    def parse(self, text: str) -> Doc:
        """The normalized, tokenized message with base forms set."""
        doc = self.nlp.make_doc(normalize(text[:MAX_GUARD_CHARS]))
        return set_base_forms(doc, self.base_form)

    # ---------------------------------------------------------------------------------------------- context
    @staticmethod
    def _sentence_bounds(doc: Doc, index: int) -> Tuple[int, int]:
        start = index
        while start > 0 and doc[start - 1].text not in _SENTENCE_END:
            start -= 1
        end = index
        while end < len(doc) and doc[end].text not in _SENTENCE_END:
            end += 1
        return start, end

    @staticmethod
    def _negated(doc: Doc, start: int, sentence_start: int, absorbed: Sequence[int]) -> bool:
        """A negator just before the match, or swallowed by one of its wildcards ("I am not having a seizure")."""
        window = range(max(sentence_start, start - lexicon.NEGATION_WINDOW), start)
        for index in [*window, *absorbed]:
            if doc[index].lower_ in lexicon.NEGATORS:
                following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
                if following not in lexicon.UNCERTAINTY_AFTER_NEGATOR:
                    return True
        return False

    @staticmethod
    def _hypothetical(doc: Doc, start: int, sentence_start: int) -> bool:
        return any(doc[index].lower_ in lexicon.HYPOTHETICAL_MARKERS for index in range(sentence_start, start))

    @staticmethod
    def _possibility_question(doc: Doc, start: int, sentence_start: int, sentence_end: int) -> bool:
        """"Can I have a seizure from …", "is it possible my mom is overdosing" → asking, not reporting."""
        before = [doc[index].lower_ for index in range(sentence_start, start)]
        first = doc[sentence_start].lower_ if sentence_start < len(doc) else ""
        if before and before[-1] in lexicon.POSSIBILITY_AUXILIARIES and first in lexicon.QUESTION_WORDS:
            return True
        return bool(before) and first in {"can", "could", "will", "would", "might", "may", "does", "do", "is", "are"} and (
            sentence_end < len(doc) and doc[sentence_end].text == "?"
        )

    @staticmethod
    def _overlaps(spans: Sequence[Tuple[int, int]], start: int, end: int) -> bool:
        return any(span_start < end and start < span_end for span_start, span_end in spans)

    def _distant_past(self, doc: Doc, past_spans: Sequence[Tuple[int, int]], sentence: Tuple[int, int]) -> bool:
        sentence_start, sentence_end = sentence
        if not self._overlaps(past_spans, sentence_start, sentence_end):
            return False
        return not any(doc[index].lower_ in lexicon.RECENT_MARKERS for index in range(sentence_start, sentence_end))

    # ------------------------------------------------------------------------------------------------ rules
    def _clearing_reason(
        self,
        doc: Doc,
        rule: lexicon.Rule,
        start: int,
        end: int,
        absorbed: Sequence[int],
        idioms: Sequence[Tuple[int, int]],
        past: Sequence[Tuple[int, int]],
    ) -> Optional[str]:
        sentence_start, sentence_end = self._sentence_bounds(doc, start)
        if self._overlaps(idioms, start, end):
            return "idiom"
        if self._negated(doc, start, sentence_start, absorbed):
            return "negation"
        if rule.kind == "event":
            if self._hypothetical(doc, start, sentence_start):
                return "hypothetical"
            if self._possibility_question(doc, start, sentence_start, sentence_end):
                return "question"
        if rule.kind != "method" and self._distant_past(doc, past, (sentence_start, sentence_end)):
            return "past"
        return None

    def _mixing_evidence(self, doc: Doc, idioms: Sequence[Tuple[int, int]]) -> List[Evidence]:
        """A benzo and a depressant in one sentence with an act that has happened ("took 6 and drank")."""
        evidence: List[Evidence] = []
        acts = {"take", "took", "pop", "swallow", "drink", "mix", "combine", "have", "do", "snort", "use", "smoke"}
        past_acts = {"took", "taken", "popped", "swallowed", "drank", "drunk", "mixed", "combined", "had", "did",
                     "snorted", "used", "smoked", "drinking", "taking", "mixing", "wasted", "hammered"}
        index = 0
        while index < len(doc):
            start, end = self._sentence_bounds(doc, index)
            tokens = doc[start:end]
            norms = {token.norm_ for token in tokens}
            lowers = {token.lower_ for token in tokens}
            has_benzo = bool(norms & self._base_sets["BENZO"])
            has_depressant = bool(norms & self._base_sets["DEPRESSANT"] - {"drink", "shot"}) or bool(
                lowers & {"drank", "drunk", "drinking", "wasted", "hammered", "buzzed", "tipsy"}
            )
            has_past_act = bool(lowers & past_acts) and bool(norms & acts | {"wasted", "hammered"} & lowers)
            # Chat drops the subject ("took 6 and drank"): a sentence opening with a past act counts as first person.
            has_subject = (
                bool(lowers & {"i", "we", "he", "she", "they"})
                or bool(norms & self._base_sets["PERSON"] and lowers & {"my", "our", "his", "her"})
                or (len(tokens) > 0 and tokens[0].lower_ in past_acts | {"just"})
            )
            has_benzo = has_benzo or any(token.like_num and token.i > start and doc[token.i - 1].lower_ in past_acts for token in tokens)
            if has_benzo and has_depressant and has_past_act and has_subject:
                first_act = next(token.i for token in tokens if token.lower_ in past_acts)
                reason: Optional[str] = None
                if self._hypothetical(doc, first_act, start):
                    reason = "hypothetical"
                elif self._possibility_question(doc, first_act, start, end):
                    reason = "question"
                elif self._negated(doc, first_act, start, ()):
                    reason = "negation"
                evidence.append(Evidence("mixing.cooccurrence", "mixing", tokens.text, reason))
            index = end + 1
        return evidence

    def assess(self, text: str) -> Assessment:
        """The verdict for one message."""
        doc = self.parse(text or "")
        if not len(doc):
            return Assessment(Level.NONE)
        idioms = [(start, end) for _, start, end in self.idiom_matcher(doc)]
        past = [(start, end) for _, start, end in self.past_matcher(doc)]
        evidence: List[Evidence] = []
        for match_id, start, end, alignment in self.rule_matcher(doc, with_alignments=True):
            rule_name, pattern = self._patterns[self.nlp.vocab.strings[match_id]]
            rule = self.rules[rule_name]
            # Tokens swallowed by a `~N` wildcard (an empty spec) may hide a negator: "I am not having a seizure".
            absorbed = [start + offset for offset, spec_index in enumerate(alignment) if set(pattern[spec_index]) <= {"OP"}]
            reason = self._clearing_reason(doc, rule, start, end, absorbed, idioms, past)
            evidence.append(Evidence(rule.name, rule.category, doc[start:end].text, reason))
        evidence.extend(self._mixing_evidence(doc, idioms))

        live = [item for item in evidence if item.cleared_by is None]
        if live:
            category = min((item.category for item in live), key=self._category_rank.__getitem__)
            return Assessment(Level.RISK, category, tuple(evidence))
        if evidence:
            return Assessment(Level.CLEARED, None, tuple(evidence))
        if self._alarming_about_someone(doc, idioms):
            return Assessment(Level.HINT, None, ())
        return Assessment(Level.NONE)

    def _alarming_about_someone(self, doc: Doc, idioms: Sequence[Tuple[int, int]]) -> bool:
        personal = any(token.lower_ in lexicon.PERSONAL_WORDS for token in doc) or any(
            token.norm_ in self._base_sets["PERSON"] for token in doc
        )
        alarming: Set[int] = {
            token.i
            for token in doc
            if (token.lower_ in lexicon.ALARM_WORDS or token.norm_ in lexicon.ALARM_WORDS)
            and not self._overlaps(idioms, token.i, token.i + 1)
        }
        if not (personal and alarming):
            return False
        # Alarming words that are all negated ("I don't want to die") do not raise a hint.
        return any(not self._negated(doc, index, self._sentence_bounds(doc, index)[0], ()) for index in alarming)


@lru_cache(maxsize=1)
def get_guard() -> SafetyGuard:
    """The process-wide guard (building its matchers takes a moment; matching is fast)."""
    return SafetyGuard()


def assess(text: str) -> Assessment:
    """Assess one message with the shared guard."""
    return get_guard().assess(text)
