"""The deterministic safety guard: does this message state a current risk, and of which kind?

It runs on every message, independently of the trained classifier, and answers with a level:
  RISK     — a rule matched and no context cleared it → route to the crisis reply for its category;
  HINT     — alarming words about a specific person, but no rule matched → the classifier decides, leaning to risk;
  CLEARED  — rules or alarming words matched but were all explained away (idiom, negation, hypothetical,
             a question about people in general, a resolved past);
  NONE     — nothing alarming.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.tokens import Doc

from bot.nlp import base_form, get_nlp
from bot.safety import lexicon
from bot.safety.categories import RISK_CATEGORIES
from bot.safety.normalize import fold_accents, normalize
from bot.safety.patterns import CompositeMatcher, set_base_forms
from bot.safety.spelling import SpellingRepair

# The guard reads at most this much of a message; far more than the classifier is given, so a crisis statement
# at the end of a long message is still seen.
MAX_GUARD_CHARS = 20_000

_SENTENCE_END = {".", "?", "!", ";", "\n", "…"}
# Questions and hypotheticals are judged per clause: "I took 6 pills, what happens now?" reports, then asks.
_CLAUSE_END = _SENTENCE_END | {","}
# "just" before these hedges a question; elsewhere it dates an event to now ("I just took").
_JUST_AS_HEDGE = frozenset(
    {"curious", "asking", "wondering", "wanted", "checking", "saying", "a", "one", "quick", "sharing", "venting", "celebrating", "reflecting"}
)
# A condition's opener: a negation shortly after it belongs to the condition ("if this doesn't end soon, I'll …"),
# and the speaker's own "I am …" / "I will …" after it opens the main clause, an intent.
_CONDITION_OPENERS = frozenset({"si", "if", "unless", "incase"})
# "I just want to …" these: asking, not a recent act.
_WANT_TO_KNOW = frozenset({"be", "make", "know", "check", "ask", "understand", "learn", "say", "share"})
# Words for the present day after which a recovery can be told ("today I'm 9 months free", "hoy estoy bien").
_PRESENT_DAY = frozenset({"now", "today", "ahora", "hoy"})
# Words that only make sense with a negation in front ("he doesn't want to be alive anymore"): a negator before a
# match holding one of these is the risk, not its denial.
_NEGATION_IS_THE_MEANING = frozenset({"anymore", "longer"})
# "my drinking", "his using": a habit named, not an intake now.
_POSSESSIVES = frozenset({"my", "his", "her", "their", "your", "our"})
# Context patterns that explain words away; the others (protective, about the speaker) only inform the verdict.
_FIGURATIVE = frozenset({"idiom", "figure"})
# Set per message in doc.user_data: the message says its general question is about the speaker.
_ABOUT_THE_SPEAKER = "question_about_the_speaker"
_MODALS = frozenset({"can", "could", "should", "would", "will", "may", "might"})
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "hundred": 100, "dozen": 12, "diez": 10, "veinte": 20, "treinta": 30,
}
# normalize() strips accents, so the Spanish stop words are compared without theirs.
_SPANISH_STOP_WORDS = frozenset(fold_accents(word) for word in SPANISH_STOP_WORDS)
# Numbers keep their decimals ("0.5" is not a sentence end) and words their clitics ("wife's").
_TOKEN_SPLIT = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:'\w+)?|[^\w\s]", re.UNICODE)
_LEADING_CONNECTIVES = frozenset({"but", "and", "so", "also", "ok", "okay", "well", "hey", "plus", "or", "then", "oh", "¿"})

# Acts and cues for mixing by co-occurrence ("pins and lean tonight, feeling heavy").
_MIX_ACTS = frozenset(
    "took taken popped swallowed drank drunk mixed combined had did snorted used smoked drinking taking mixing "
    "wasted hammered buzzed tipsy pouring poured started tome tomo mezcle mezclo bebi bebio chugged downed "
    "railed ago".split()  # "ago": "percocet and a k pin 30 min ago" dates an intake without a verb
)
_MIX_NOW = frozenset(
    "now tonight rn right feeling feel got nodding heavy slow scared cant can face eyes breathe breathing "
    "already started tonite nodded nodding woozy sedated".split()
)


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
    weak: bool = False


@dataclass(frozen=True)
class Assessment:
    """The guard's verdict on one message."""

    level: Level
    category: Optional[str] = None
    evidence: Tuple[Evidence, ...] = field(default_factory=tuple)
    # Why alarming words without a rule were explained away (rules keep their reasons in `evidence`).
    alarm_cleared_by: Tuple[str, ...] = ()
    # The message states a protective factor ("my sister is staying with me", "I called 988"), not negated.
    protective: bool = False
    # The message without the words the guard explained away (idioms, figures, cleared matches), for the risk
    # model to read again; None when nothing was explained away. "I don't want to die exactly, I just want to stop
    # being alive" keeps its risk without "want to die"; "this taper is killing me" keeps none without "killing me".
    unexplained: Optional[str] = None

    @property
    def cleared_by(self) -> FrozenSet[str]:
        """Every reason the guard explained an alarming match away (idiom, negation, question …)."""
        return frozenset({item.cleared_by for item in self.evidence if item.cleared_by} | set(self.alarm_cleared_by))

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
            "protective": self.protective,
        }


# A subject pronoun that opens a new clause, and the verbs after which it does not ("I don't think I …").
_CLAUSE_SUBJECTS = frozenset({"i", "he", "she", "they", "we", "quiero", "voy", "estoy", "tengo"})
_THINKING = frozenset({"think", "believe", "feel", "know", "say", "mean", "guess", "suppose", "said", "thought", "that"})
# A past-tense intake is a finite verb of its own ("didn't took" is not English): a negator with other words between
# it and one belongs to another verb ("so sleepy can't stay awake took all of them"), unless those words are adverbs
# ("never actually took them all") or finish a negating pronoun ("no one took", "nobody" typed "no body").
_INTENT_AFTER_I = frozenset({"am", "will", "would", "swear", "promise", "want", "wanna", "just", "really", "gonna"})
_PAST_INTAKE = frozenset({"took", "swallowed", "popped", "downed", "chugged", "snorted", "injected", "overdosed"})
_NEGATION_STILL_REACHES = frozenset({"actually", "really", "even", "ever", "just", "once", "fully", "quite", "one", "body", "1"})
_TIME_UNITS = frozenset(
    "hours hour hrs hr minutes minute mins min days day weeks week months month years year yrs am pm oclock".split()
)
_PAPERS = frozenset({"script", "scripts", "prescription", "prescriptions"})
# Words that turn "now I am fine" around ("now I am not fine", "now I'm no better").
_NEGATORS_NOW = lexicon.NEGATORS | {"hardly", "barely", "mal"}  # "hoy estoy bien mal": Mexican "bien" is "very"


def _is_year(text: str) -> bool:
    """"1995", "2016": a year, not a count or a number of minutes."""
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def _number_value(text: str) -> Optional[float]:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return _NUMBER_WORDS.get(text)


def _lexicon_vocabulary() -> Set[str]:
    # Rule words only. Idioms' words are left out on purpose: with them "lol" would stop being repaired to "los",
    # and idioms such as "want to die lol" would start clearing what a clinician would ask about.
    words: Set[str] = set()
    sources = [pattern for rule in lexicon.RULES for pattern in rule.patterns]
    sources += [fragment for fragments in lexicon.MACROS.values() for fragment in fragments]
    for source in sources:
        for word in re.split(r"[\s|\[\]?=~#{}$]+", source):
            if word.isalpha() and word.islower():
                words.add(word)
    for values in lexicon.WORD_SETS.values():
        words.update(word.lstrip("=") for word in values)
    # Spanish function words are never what a typo meant: with "del" in the vocabulary, "dei" stopped being "die".
    return {word for word in words if not (len(word) <= 3 and word in _SPANISH_STOP_WORDS and word not in STOP_WORDS)}


class SafetyGuard:
    """Matches the lexicon's rules against a message and weighs the context around each match."""

    def __init__(self) -> None:
        self.nlp = get_nlp()
        self._lemmas = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self._lemma_values: FrozenSet[str] = frozenset(v for v in self._lemmas.values() if isinstance(v, str))
        self.rules = {rule.name: rule for rule in lexicon.RULES}
        vocab = self.nlp.vocab
        self.rule_matcher = CompositeMatcher(vocab, self.base_form, [(rule.name, rule.patterns) for rule in lexicon.RULES])
        self.idiom_matcher = CompositeMatcher(
            vocab,
            self.base_form,
            [
                ("idiom", lexicon.IDIOMS),
                ("figure", lexicon.FIGURES),
                ("protective", lexicon.PROTECTIVE),
                ("about the speaker", lexicon.QUESTION_ABOUT_THE_SPEAKER),
            ],
            exact=True,
        )
        self.resolved_matcher = CompositeMatcher(vocab, self.base_form, [("resolved", lexicon.RESOLVED_PATTERNS)], exact=True)
        self._base_sets = {
            name: {self.base_form(word.lstrip("=")) for word in words} for name, words in lexicon.WORD_SETS.items()
        }
        self._lower_sets = {name: {word.lstrip("=") for word in words} for name, words in lexicon.WORD_SETS.items()}
        self._category_rank = {name: rank for rank, name in enumerate(RISK_CATEGORIES)}
        self.spelling = SpellingRepair(_lexicon_vocabulary(), self._is_known_word)

    # ------------------------------------------------------------------------------------------- text
    @staticmethod
    def base_form(word: str) -> str:
        """The base form used on both sides of matching (bot.nlp.base_form)."""
        return base_form(word)

    def _is_known_word(self, word: str) -> bool:
        # Common Spanish words count as known so that typo repair leaves them alone ("día 50" is not "did 50").
        return (
            word in STOP_WORDS
            or word in _SPANISH_STOP_WORDS
            or word in lexicon.SPANISH_WORDS_KEPT
            or word in self._lemmas
            or word in self._lemma_values
        )

    def parse(self, text: str) -> Doc:
        """The normalized, typo-repaired, tokenized message with base forms set."""
        pieces = _TOKEN_SPLIT.findall(normalize(text[:MAX_GUARD_CHARS]))
        repaired = [self.spelling.repair(piece) or piece for piece in pieces]
        doc = self.nlp.make_doc(" ".join(repaired))
        doc.user_data["unrepaired"] = pieces
        return set_base_forms(doc, self.base_form)

    # ---------------------------------------------------------------------------------------- context
    @staticmethod
    def _sentence_bounds(doc: Doc, index: int, ends: frozenset = frozenset(_SENTENCE_END)) -> Tuple[int, int]:
        start = index
        while start > 0 and doc[start - 1].text not in ends:
            start -= 1
        end = index
        while end < len(doc) and doc[end].text not in ends:
            end += 1
        return start, end

    def _clause_bounds(self, doc: Doc, index: int) -> Tuple[int, int]:
        return self._sentence_bounds(doc, index, frozenset(_CLAUSE_END))

    @staticmethod
    def _negated(doc: Doc, start: int, sentence_start: int, absorbed: Sequence[int]) -> bool:
        """A negator just before the match, or swallowed by one of its wildcards ("I am not having a seizure")."""
        window = range(max(sentence_start, start - lexicon.NEGATION_WINDOW), start)
        for index in [*window, *absorbed]:
            if doc[index].lower_ in lexicon.NEGATORS:
                following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
                if following not in lexicon.UNCERTAINTY_AFTER_NEGATOR and not SafetyGuard._new_clause_between(doc, index, start):
                    return True
        return False

    @staticmethod
    def _new_clause_between(doc: Doc, negator: int, start: int) -> bool:
        """A comma or a subject begins a new clause between a negator and a match ("no, I want to die"; "I don't
        want to die I just want to stop existing"; "ya no aguanto más, quiero morirme"), unless the subject is what
        a verb of thinking introduces ("I don't think I want to …")."""
        if any(doc[index].text in _CLAUSE_END for index in range(negator + 1, start)):
            return True
        if start - negator > 2 and any(doc[index].lower_ in _CONDITION_OPENERS for index in range(max(0, negator - 4), negator)):
            return True  # "si esto no se acaba pronto, me voy a …": the "no" negates the condition, not what follows it
        if doc[start].lower_ in _PAST_INTAKE and any(
            doc[index].lower_ not in _NEGATION_STILL_REACHES for index in range(negator + 1, start)
        ):
            return True
        return any(
            doc[index].lower_ in _CLAUSE_SUBJECTS and doc[index - 1].lower_ not in _THINKING
            for index in range(negator + 2, min(start + 1, len(doc)))
        )

    @staticmethod
    def _hypothetical(doc: Doc, start: int, sentence_start: int, intents: bool = True) -> bool:
        """A what-if or a story; with `intents`, not a condition followed by the speaker's own intent."""
        before = [doc[index].lower_ for index in range(sentence_start, start)]
        markers = [offset for offset, word in enumerate(before) if word in lexicon.HYPOTHETICAL_MARKERS]
        if intents and markers and SafetyGuard._conditional_threat(before, markers[-1]):
            return False
        return bool(markers) or "in case" in " ".join(before)

    @staticmethod
    def _conditional_threat(before: Sequence[str], marker: int) -> bool:
        """"if they cut my dose again I'm ending it": the words follow the condition, in the speaker's own main
        clause ("I am", "I will", "I swear"), so they state an intent rather than ask what-if. The condition's own
        subject ("if I took too many") does not count."""
        if before[marker] not in _CONDITION_OPENERS:
            return False
        return any(
            before[index] == "i" and before[index + 1] in _INTENT_AFTER_I
            for index in range(marker + 2, len(before) - 1)
        )

    @staticmethod
    def _opening(doc: Doc, span: Tuple[int, int]) -> Tuple[int, str, str]:
        """The first two words of a clause, skipping connectives ("but should I …", "¿es …")."""
        start, end = span
        if start < end and doc[start].text == "¿":
            return start, "¿", ""
        while start < end and doc[start].lower_ in _LEADING_CONNECTIVES:
            start += 1
        first = doc[start].lower_ if start < end else ""
        second = doc[start + 1].lower_ if start + 1 < end else ""
        return start, first, second

    def _is_question(self, doc: Doc, span: Tuple[int, int]) -> bool:
        start, end = span
        if start >= end:
            return False
        _, first, second = self._opening(doc, span)
        if first in lexicon.QUESTION_WORDS or first == "¿" or (end < len(doc) and doc[end].text == "?"):
            return True
        return first in lexicon.AUXILIARIES and second in lexicon.SUBJECT_AFTER_AUX

    def _possibility_question(self, doc: Doc, clause: Tuple[int, int]) -> bool:
        """"can I have a seizure from …", "should I …": asking what could happen, not reporting it."""
        _, first, second = self._opening(doc, clause)
        return first in _MODALS and second in lexicon.SUBJECT_AFTER_AUX

    def _anchored(self, doc: Doc, sentence: Tuple[int, int], question: bool) -> bool:
        """Does the sentence talk about a specific person (the speaker, or "my brother", "she" …)?"""
        tokens = doc[sentence[0] : sentence[1]]
        lowers = [token.lower_ for token in tokens]
        if set(lowers) & lexicon.SELF_WORDS:
            return True
        if question and doc.user_data.get(_ABOUT_THE_SPEAKER):
            return True
        for index, token in enumerate(tokens):
            if token.norm_ in self._base_sets["PERSON"] and index and lowers[index - 1] in {"my", "our", "his", "her", "mi", "su"}:
                return True
        # In a question "he/she/they" usually stand for people in general.
        return not question and bool(set(lowers) & {"he", "she", "him", "her"})

    def _resolved(self, doc: Doc, resolved: Sequence[Tuple[int, int]]) -> bool:
        """The message places its events in a resolved or distant past, with nothing said to be happening now."""
        if not resolved:
            return False
        # The words as typed too: the typo repair reads Spanish "anoche" as "another".
        unrepaired = doc.user_data.get("unrepaired") or []
        typed = unrepaired if len(unrepaired) == len(doc) else [token.lower_ for token in doc]
        for token in doc:
            lower = token.lower_ if token.lower_ in lexicon.RECENT_MARKERS else typed[token.i]
            if lower not in lexicon.RECENT_MARKERS:
                continue
            if lower == "now" and token.i and (
                doc[token.i - 1].lower_ in lexicon.RESOLVED_BEFORE_NOW or doc[token.i - 1].like_num
            ):
                continue
            if lower == "now" and {next_token.lower_ for next_token in doc[token.i + 1 : token.i + 6]} & {"years", "yrs", "months"}:
                continue  # "now I'm 3 years off": the present is the recovery
            following = {next_token.lower_ for next_token in doc[token.i + 1 : token.i + 5]}
            if lower in _PRESENT_DAY and following & lexicon.RESOLVED_BEFORE_NOW and not following & _NEGATORS_NOW:
                continue  # "now I am doing fine", "today I'm 9 months free", "hoy estoy bien": the present is the recovery
            if lower == "today" and token.i and doc[token.i - 1].lower_ == "ago":
                continue  # "three years ago today": an anniversary
            if lower == "just" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _JUST_AS_HEDGE:
                continue  # "just curious", "just wondering": a hedge, not "I just took"
            if lower == "just" and [t.lower_ for t in doc[token.i + 1 : token.i + 3]] == ["want", "to"] and (
                token.i + 3 < len(doc) and doc[token.i + 3].lower_ in _WANT_TO_KNOW
            ):
                continue  # "I just want to be sure / to know": a hedge too
            if lower == "back" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"in", "then", "when"}:
                continue  # "back in high school" dates the past; "the urges are back" does not
            if self._is_question(doc, self._clause_bounds(doc, token.i)) or (
                lower in {"again", "still"} and any(doc[index].lower_ in _MODALS for index in range(max(0, token.i - 3), token.i))
            ):
                continue  # "can it happen again?", "does that affect me now?" ask, they do not report
            return False
        return True

    @staticmethod
    def _dates_the_past(doc: Doc, span: Tuple[int, int]) -> bool:
        """"in 2015" dates the past; "in 20 min" does not (only a year counts after a bare "in")."""
        start, end = span
        if end - start == 2 and doc[start].lower_ == "in" and doc[start + 1].like_num:
            return _is_year(doc[start + 1].text)
        return True

    @staticmethod
    def _overlaps(spans: Sequence[Tuple[int, int]], start: int, end: int) -> bool:
        return any(span_start < end and start < span_end for span_start, span_end in spans)

    def _clearing_reason(
        self,
        doc: Doc,
        rule: lexicon.Rule,
        start: int,
        end: int,
        absorbed: Sequence[int],
        idioms: Sequence[Tuple[int, int]],
        resolved: bool,
    ) -> Optional[str]:
        sentence = self._sentence_bounds(doc, start)
        clause = self._clause_bounds(doc, start)
        if self._overlaps(idioms, start, end):
            return "idiom"
        if self._negated(doc, start, sentence[0], absorbed) and not any(
            token.lower_ in _NEGATION_IS_THE_MEANING for token in doc[start:end]
        ):
            return "negation"
        if rule.kind == "method":
            return None
        third_party = rule.name.endswith("third_party")
        if rule.kind == "event" or third_party:
            if self._hypothetical(doc, start, clause[0]):
                return "hypothetical"
            if self._possibility_question(doc, clause):
                return "question"
            question = self._is_question(doc, clause) or self._is_question(doc, sentence)
            if question and not self._anchored(doc, sentence, question):
                return "general question"
        if resolved:
            return "resolved past"
        return None

    # ------------------------------------------------------------------------------------------ rules
    def _numbers_ok(self, doc: Doc, rule: lexicon.Rule, start: int, end: int) -> bool:
        if rule.numbers is None:
            return True
        low, high = rule.numbers
        values = [
            _number_value(token.lower_)
            for token in doc[start:end]
            # A year is not a count: "I have taken it since 1995"; nor is a time: "took my dose 4 hours late".
            if not (token.i and doc[token.i - 1].lower_ in {"since", "in", "from"} and _is_year(token.text))
            and not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _TIME_UNITS)
        ]
        return any(value is not None and low <= value <= high for value in values)

    def _message_has(self, doc: Doc, set_name: str) -> bool:
        return any(
            token.norm_ in self._base_sets[set_name] or token.lower_ in self._lower_sets[set_name] for token in doc
        )

    def _mixing_evidence(self, doc: Doc, resolved: bool) -> List[Evidence]:
        """A benzo and a depressant, with an act that happened or a present state ("took 6 and drank")."""
        evidence: List[Evidence] = []
        message_has_benzo = self._message_has(doc, "BENZO")
        index = 0
        while index < len(doc):
            start, end = self._sentence_bounds(doc, index)
            index = end + 1
            tokens = doc[start:end]
            if not len(tokens):
                continue
            lowers = {token.lower_ for token in tokens}
            norms = {token.norm_ for token in tokens}
            has_depressant = bool(norms & self._base_sets["DEPRESSANT"] or lowers & self._lower_sets["DEPRESSANT"])
            # A prescription is a piece of paper, not an intake ("I just got a new script for gabapentin").
            has_benzo = message_has_benzo and (
                bool(((norms & self._base_sets["BENZO"]) | (lowers & self._lower_sets["BENZO"])) - _PAPERS)
                or bool(lowers & {"both", "them", "it", "some"})
                or any(token.like_num for token in tokens)
            )
            acted = any(
                token.lower_ in _MIX_ACTS and not (token.i and doc[token.i - 1].lower_ in _POSSESSIVES) for token in tokens
            )
            present = bool(lowers & _MIX_NOW)
            if not (has_benzo and has_depressant and (acted or present)):
                continue
            first = next((token.i for token in tokens if token.lower_ in _MIX_ACTS | _MIX_NOW), start)
            reason: Optional[str] = None
            sentence = (start, end)
            question = self._is_question(doc, sentence)
            # A planned mix is asked about, not threatened: "if I take 1 and only drink a little, I am good right?"
            if self._hypothetical(doc, first, self._clause_bounds(doc, first)[0], intents=False):
                reason = "hypothetical"
            elif self._possibility_question(doc, self._clause_bounds(doc, first)):
                reason = "question"
            elif question and not (acted and self._anchored(doc, sentence, question)):
                reason = "general question"
            elif self._negated(doc, first, start, ()):
                reason = "negation"
            elif resolved:
                reason = "resolved past"
            evidence.append(Evidence("mixing.cooccurrence", "mixing", tokens.text, reason))
        return evidence

    def assess(self, text: str) -> Assessment:
        """The verdict for one message."""
        doc = self.parse(text or "")
        if not len(doc):
            return Assessment(Level.NONE)
        context_matches = self.idiom_matcher(doc)
        idioms = [(start, end) for pattern, start, end, _ in context_matches if pattern.name in _FIGURATIVE]
        figure = any(pattern.name == "figure" for pattern, _, _, _ in context_matches)
        doc.user_data[_ABOUT_THE_SPEAKER] = any(pattern.name == "about the speaker" for pattern, _, _, _ in context_matches)
        resolved = self._resolved(doc, [span for span in self.resolved_matcher.spans(doc) if self._dates_the_past(doc, span)])
        evidence: List[Evidence] = []
        explained: List[Tuple[int, int]] = list(idioms)
        for pattern, start, end, literal in self.rule_matcher(doc):
            rule = self.rules[pattern.name]
            if not self._numbers_ok(doc, rule, start, end):
                continue
            if rule.requires and not self._message_has(doc, rule.requires):
                continue
            if rule.requires_phrases and not all(phrase in doc.text.lower() for phrase in rule.requires_phrases):
                continue
            # Tokens a `~N` wildcard swallowed may hide a negator: "I am not having a seizure".
            absorbed = [index for index in range(start, end) if index not in literal]
            reason = self._clearing_reason(doc, rule, start, end, absorbed, idioms, resolved)
            evidence.append(Evidence(rule.name, rule.category, doc[start:end].text, reason, rule.weak))
            if reason is not None:
                explained.append((start, end))
        evidence.extend(self._mixing_evidence(doc, resolved))

        live = [item for item in evidence if item.cleared_by is None]
        if live:
            strong = [item for item in live if not item.weak] or live
            category = min((item.category for item in strong), key=self._category_rank.__getitem__)
            return Assessment(Level.RISK, category, tuple(evidence))
        protective = self._protective(doc, context_matches)
        if evidence:
            return Assessment(Level.CLEARED, None, tuple(evidence), protective=protective, unexplained=self._without(doc, explained))
        level, reasons, alarms = self._alarm_level(doc, idioms, resolved)
        protective = protective and level is not Level.HINT  # an alarming word left unexplained outweighs it
        unexplained = self._without(doc, explained + [(index, index + 1) for index in alarms])
        if level is Level.NONE and figure:
            return Assessment(Level.CLEARED, alarm_cleared_by=("idiom",), protective=protective, unexplained=unexplained)
        return Assessment(level, alarm_cleared_by=reasons, protective=protective, unexplained=unexplained)

    @staticmethod
    def _without(doc: Doc, spans: Sequence[Tuple[int, int]]) -> Optional[str]:
        """The message's words outside `spans` (None when there are no spans)."""
        if not spans:
            return None
        # The person's words as written (normalized), not the typo repairs: "lol" is not "los" to the model.
        unrepaired = doc.user_data.get("unrepaired") or []
        words = unrepaired if len(unrepaired) == len(doc) else [token.text for token in doc]
        return " ".join(word for index, word in enumerate(words) if not any(start <= index < end for start, end in spans))

    def _protective(self, doc: Doc, context_matches: Sequence[Tuple[object, int, int, Set[int]]]) -> bool:
        """A protective statement that is not negated, with no emergency sign beside it."""
        if any(token.lower_ in lexicon.PROTECTIVE_BLOCKERS for token in doc):
            return False
        return any(
            pattern.name == "protective"
            and not self._negated(doc, start, self._sentence_bounds(doc, start)[0], [i for i in range(start, end) if i not in literal])
            for pattern, start, end, literal in context_matches
        )

    def _alarm_level(
        self, doc: Doc, idioms: Sequence[Tuple[int, int]], resolved: bool
    ) -> Tuple[Level, Tuple[str, ...], Tuple[int, ...]]:
        """With no rule matched: HINT if an alarming word is left unexplained, CLEARED (with the reasons and the
        explained words' positions) if every one is explained, NONE if there is none."""
        reasons: List[str] = []
        positions: List[int] = []
        for token in doc:
            if not (token.lower_ in lexicon.ALARM_WORDS or token.norm_ in lexicon.ALARM_WORDS):
                continue
            sentence = self._sentence_bounds(doc, token.i)
            clause = self._clause_bounds(doc, token.i)
            question = self._is_question(doc, clause) or self._is_question(doc, sentence)
            reason = (
                "resolved past" if resolved
                else "idiom" if self._overlaps(idioms, token.i, token.i + 1)
                else "negation" if self._negated(doc, token.i, sentence[0], ())
                else "hypothetical" if self._hypothetical(doc, token.i, clause[0])
                else "general question" if question and not self._anchored(doc, sentence, question)
                else None
            )
            if reason is None:
                return Level.HINT, (), ()
            reasons.append(reason)
            positions.append(token.i)
        return (Level.CLEARED, tuple(dict.fromkeys(reasons)), tuple(positions)) if reasons else (Level.NONE, (), ())


@lru_cache(maxsize=1)
def get_guard() -> SafetyGuard:
    """The process-wide guard (building its matchers takes a moment; matching is fast)."""
    return SafetyGuard()


def assess(text: str) -> Assessment:
    """Assess one message with the shared guard."""
    return get_guard().assess(text)
