"""How the lexicon guard, the risk model and the intent classifier combine into one of three tiers.

  CRISIS  clear risk → the crisis or emergency reply for its category;
  CHECK   possible risk → a direct question with the numbers visible ("Are you thinking about ending your life?",
          "Is someone in danger right now?"), as the C-SSRS screener does — asking does not raise risk;
  NONE    the normal answer.

The lexicon (bot.safety.guard) is the high-precision layer and the risk model (bot.safety.risk_model) reads meaning
where the lexicon is silent. Neither alone stands between a person and a helpline:
  guard RISK       → CRISIS; when the model is confident the message is ordinary it becomes CHECK (the
                     lexicon's false alarms, such as "sensitive to light and sound", get a question, not a crisis
                     reply), and when it confidently reads a personal-advice request it gets the decline;
  model ≥ crisis   → CRISIS when the intent classifier agrees or the model is sure; CHECK when they disagree,
                     and when the guard explained every alarming word away (an idiom, a negation, a resolved past;
                     a question or hypothetical only unless the model is sure);
  model ≥ check    → CHECK (risk and unclear risk together);
  guard HINT       → CHECK when the model sees some concern too;
  intent classifier alone puts a risk intent on top → CHECK;
  otherwise        → NONE.
Thresholds come from cross-validation on the training corpus (bot.tools.calibrate_risk), never from an
evaluation set. Without a model (unit tests of the guard alone) the guard and the classifier decide as before.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from bot.safety.categories import RISK_CATEGORIES, RISK_INTENTS
from bot.safety.guard import Assessment, Level
from bot.safety.risk_model import RiskReading

HINT_RISK_SHARE = 0.20
HINT_UNSURE_TOP = 0.60
CLASSIFIER_ALONE = 0.60
CONFIDENT_INTENT = 0.90
STRONG_CLEARINGS = frozenset({"idiom", "negation", "resolved past"})
# Lexicon rules the model may not talk down to a question: drugging someone so that nobody knows reads like an
# ordinary "can I crush my pills?" to a model, and is never one ("can I crush some into my cat's food" still can be).
NEVER_VETOED_RULES = frozenset({"harm_others.covert"})
SHORT_MESSAGE_WORDS = 6
# Lexicon categories a confident advice reading can explain ("a glass of wine tonight if I took my dose?"); never a
# statement about ending a life, self-harm or hurting someone, however it is phrased.
ADVICE_CAN_EXPLAIN = frozenset({"mixing"})
ADVICE_CANNOT_EXPLAIN = frozenset({"suicide", "self_harm", "harm_others"})
# Categories whose direct question is about suicide; the others ask whether someone is in danger.
SUICIDE_QUESTION_CATEGORIES = frozenset({"suicide", "self_harm"})


class Tier(str, enum.Enum):
    """What the message gets."""

    NONE = "none"
    CHECK = "check"
    CRISIS = "crisis"


TIER_ORDER = {Tier.NONE: 0, Tier.CHECK: 1, Tier.CRISIS: 2}


@dataclass(frozen=True)
class Thresholds:
    """Cut-offs on the risk model's reading (see bot.tools.calibrate_risk)."""

    crisis: float = 0.5
    check: float = 0.3
    # Above these the model overrules the guard's "explained away": a question or a hypothetical is a weak reason
    # (lethality questions are crisis unless clearly academic), an idiom, a negation or a resolved past a strong one.
    over_weak_clearing: float = 0.5
    over_strong_clearing: float = 1.01  # never: the n-gram and sentence readers cannot read negation
    # Below this, the model alone (the lexicon silent) needs the intent classifier's top guess to be a risk intent
    # too; otherwise the message gets the direct question. Two differently trained readers agreeing is what keeps
    # "the traffic was murder this morning" from a crisis reply.
    model_alone: float = 0.6
    # When the guard's only reason to clear a match was an idiom ("dying to know", "my boss will kill me if"), the
    # model's reading of the same words is not a second opinion: below this it does not even ask, unless a sentence
    # of its own carries the risk.
    over_idiom_check: float = 0.7
    # Below this risk, with `ordinary` on none + advice, the model overrules a lexicon match (→ CHECK).
    veto_risk: float = 0.1
    veto_ordinary: float = 0.85
    # … stricter for a match about ending a life, self-harm or hurting someone.
    veto_risk_life: float = 0.03
    veto_ordinary_life: float = 0.95
    # A lexicon match in what the model confidently reads as a personal-advice request gets the decline.
    advice_over_guard: float = 0.6
    # An unsure crisis reading that the model also reads as an advice request at least this much gets the question.
    advice_doubt: float = 0.3
    # The cut-offs for messages shorter than SHORT_MESSAGE_WORDS: a fragment carries little evidence.
    short_crisis: float = 0.5
    short_check: float = 0.5
    # Below this risk, a message the intent classifier confidently reads as something ordinary (a question it can
    # answer, thanks, a greeting) gets its answer and the direct question rather than a crisis reply.
    confident_intent_crisis: float = 0.5


@dataclass(frozen=True)
class RiskDecision:
    """The tier, the risk category (for CRISIS; the likeliest one for CHECK) and why."""

    tier: Tier
    category: Optional[str]
    reason: str

    @property
    def is_risk(self) -> bool:
        """True when the message goes to a crisis reply."""
        return self.tier is Tier.CRISIS

    @property
    def intent(self) -> Optional[str]:
        """The risk intent a CRISIS decision routes to."""
        if self.tier is not Tier.CRISIS or not self.category:
            return None
        return RISK_CATEGORIES[self.category].intent

    @property
    def ask(self) -> str:
        """Which direct question a CHECK asks: "suicide" or "danger"."""
        return "suicide" if (self.category or "suicide") in SUICIDE_QUESTION_CATEGORIES else "danger"

    def as_dict(self) -> Dict[str, Any]:
        """JSON-friendly summary for parse data."""
        return {"tier": self.tier.value, "category": self.category, "reason": self.reason, "ask": self.ask}


def stronger(first: RiskDecision, second: RiskDecision) -> RiskDecision:
    """The decision with the higher tier (the first on a tie)."""
    return second if TIER_ORDER[second.tier] > TIER_ORDER[first.tier] else first


def _top_risk(ranking: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    return next((entry for entry in ranking if entry.get("name") in RISK_INTENTS), None)


def _classifier_guess(ranking: List[Dict[str, Any]]) -> Optional[str]:
    """The risk category the intent classifier puts on top with confidence, if any."""
    ranking = [entry for entry in ranking if entry.get("name") != "nlu_fallback"]
    if ranking and ranking[0].get("name") in RISK_INTENTS and float(ranking[0].get("confidence") or 0) >= CLASSIFIER_ALONE:
        return RISK_INTENTS[ranking[0]["name"]].name
    return None


def _classifier_agrees(ranking: List[Dict[str, Any]]) -> bool:
    """The intent classifier's top guess (a fallback aside) is a risk intent; with no ranking (another language,
    or no classifier), there is nothing to disagree."""
    ranking = [entry for entry in ranking if entry.get("name") not in ("nlu_fallback",)]
    return not ranking or ranking[0].get("name") in RISK_INTENTS or ranking[0].get("name") == "risk_unclear"


def _confident_ordinary(ranking: List[Dict[str, Any]]) -> bool:
    """The intent classifier's top guess is a non-risk intent it is sure of."""
    ranking = [entry for entry in ranking if entry.get("name") not in ("nlu_fallback", "risk_unclear")]
    return bool(ranking) and ranking[0].get("name") not in RISK_INTENTS and float(ranking[0].get("confidence") or 0) >= CONFIDENT_INTENT


def _decide_without_model(assessment: Assessment, ranking: List[Dict[str, Any]]) -> RiskDecision:
    """The guard and the intent classifier alone (no risk model loaded)."""
    if assessment.level is Level.RISK and assessment.category:
        return RiskDecision(Tier.CRISIS, assessment.category, "guard")
    ranking = [entry for entry in ranking if entry.get("name") != "nlu_fallback"]
    top = ranking[0] if ranking else {"name": None, "confidence": 0.0}
    best_risk = _top_risk(ranking)
    if assessment.level is Level.HINT and best_risk is not None:
        unsure = float(top.get("confidence") or 0.0) < HINT_UNSURE_TOP
        if top.get("name") in RISK_INTENTS or (unsure and float(best_risk["confidence"]) >= HINT_RISK_SHARE):
            return RiskDecision(Tier.CRISIS, RISK_INTENTS[best_risk["name"]].name, "guard hint + classifier")
    guess = _classifier_guess(ranking)
    if assessment.level is Level.NONE and guess:
        return RiskDecision(Tier.CRISIS, guess, "classifier")
    return RiskDecision(Tier.NONE, None, f"guard {assessment.level.value}")


def decide(
    assessment: Assessment,
    ranking: List[Dict[str, Any]],
    reading: Optional[RiskReading] = None,
    thresholds: Thresholds = Thresholds(),
    words: int = SHORT_MESSAGE_WORDS,
) -> RiskDecision:
    """Combine the guard's assessment, the risk model's reading and the classifier's ranking (highest first);
    `words` is the message's length in words."""
    if reading is None:
        return _decide_without_model(assessment, ranking)
    ordinary = reading.probabilities.get("none", 0.0) + reading.probabilities.get("advice", 0.0)
    advice = reading.probabilities.get("advice", 0.0)
    if assessment.level is Level.RISK and assessment.category:
        if assessment.category in ADVICE_CAN_EXPLAIN and advice >= thresholds.advice_over_guard and reading.risk < thresholds.check:
            # "Can I have a glass of wine tonight if I took my dose this morning?": a question to decline and refer.
            return RiskDecision(Tier.NONE, None, "guard, model reads an advice request")
        about_a_life = assessment.category in ADVICE_CANNOT_EXPLAIN
        veto_risk = thresholds.veto_risk_life if about_a_life else thresholds.veto_risk
        veto_ordinary = thresholds.veto_ordinary_life if about_a_life else thresholds.veto_ordinary
        covert = any(item.rule in NEVER_VETOED_RULES and not item.cleared_by for item in assessment.evidence)
        if reading.risk < veto_risk and ordinary >= veto_ordinary and not covert:
            return RiskDecision(Tier.CHECK, assessment.category, "guard, model reads it as ordinary")
        return RiskDecision(Tier.CRISIS, assessment.category, "guard")
    # A fragment of a few words carries little evidence ("she won't go to a doctor", "no"): it needs more.
    short = words < SHORT_MESSAGE_WORDS
    crisis = max(thresholds.crisis, thresholds.short_crisis) if short else thresholds.crisis
    check = max(thresholds.check, thresholds.short_check) if short else thresholds.check
    if (
        assessment.level is Level.CLEARED
        and assessment.cleared_by == frozenset({"idiom"})
        and reading.risk < thresholds.over_idiom_check
        and reading.sentence_risk < check
    ):
        return RiskDecision(Tier.NONE, None, "guard read an idiom, the model no more than unsure")
    if reading.risk >= crisis and reading.risk < thresholds.confident_intent_crisis and _confident_ordinary(ranking):
        return RiskDecision(Tier.CHECK, reading.category, "model unsure, classifier sure it is ordinary")
    if reading.risk >= crisis:
        if assessment.level is Level.CLEARED:
            strong = bool(assessment.cleared_by & STRONG_CLEARINGS)
            if reading.risk < (thresholds.over_strong_clearing if strong else thresholds.over_weak_clearing):
                return RiskDecision(Tier.CHECK, reading.category, "model, guard explained the words away")
        if assessment.level is not Level.RISK and reading.risk < thresholds.model_alone and not _classifier_agrees(ranking):
            return RiskDecision(Tier.CHECK, reading.category, "model, classifier does not agree")
        if assessment.level is not Level.RISK and reading.risk < thresholds.model_alone and advice >= thresholds.advice_doubt:
            # The model itself half reads a personal-advice request ("can I go from 2 mg to 1 mg at once?").
            return RiskDecision(Tier.CHECK, reading.category, "model, also reads an advice request")
        return RiskDecision(Tier.CRISIS, reading.category, "model")
    if reading.concern >= check:
        category = reading.category if reading.risk >= reading.possible else "suicide"
        return RiskDecision(Tier.CHECK, category, "model unsure")
    if assessment.level is Level.HINT and reading.concern >= check / 2:
        return RiskDecision(Tier.CHECK, reading.category, "guard hint + model")
    guess = _classifier_guess(ranking)
    if guess and assessment.level is not Level.CLEARED:
        return RiskDecision(Tier.CHECK, guess, "classifier alone")
    return RiskDecision(Tier.NONE, None, f"guard {assessment.level.value}, model {reading.risk:.2f}")


def reconsider(
    decision: RiskDecision,
    assessment: Assessment,
    ranking: List[Dict[str, Any]],
    unexplained: RiskReading,
    thresholds: Thresholds = Thresholds(),
    words: int = SHORT_MESSAGE_WORDS,
    whole: Optional[RiskReading] = None,
) -> RiskDecision:
    """The decision after the risk model has read the message without the words the guard explained away
    (`assessment.unexplained`). An explanation covers the words it matched, not the whole message:
      - what is left still reads as a risk ("I don't want to die exactly, I just want to stop being alive"; a
        negation that belongs to another clause) → the tier that reading earns, if higher;
      - only idioms or figures were explained (no rule matched, or only rules the idioms cover) → the model's alarm
        came from the idiom's words: what is left earns its own tier at most (NONE when it raises no concern: "me
        muero de hambre, por fin volvió el apetito"; "I'm about to murder this pizza").
    """
    if assessment.level is Level.RISK or assessment.unexplained is None:
        return decision
    again = decide(Assessment(Level.NONE), ranking, unexplained, thresholds, words)
    if again.tier is Tier.CRISIS and whole is not None and min(whole.risk, unexplained.risk) < thresholds.model_alone:
        # Over the guard's explanation, a crisis reply needs the model sure of the message and of the rest alike.
        again = RiskDecision(Tier.CHECK, again.category, again.reason)
    if TIER_ORDER[again.tier] > TIER_ORDER[decision.tier]:
        return RiskDecision(again.tier, again.category, f"{again.reason}, on what the guard did not explain away")
    idioms_only = (
        assessment.level is not Level.HINT
        and all(item.cleared_by == "idiom" for item in assessment.evidence)
        and assessment.cleared_by <= {"idiom"}
    )
    if idioms_only and decision.tier is not Tier.NONE:
        if unexplained.concern < thresholds.check:
            return RiskDecision(Tier.NONE, None, "the model's concern was the idiom's words")
        if TIER_ORDER[again.tier] < TIER_ORDER[decision.tier]:
            # "me muero de ganas de que termine la semana…": the rest earns what it reads, not the idiom's alarm.
            return RiskDecision(again.tier, again.category or decision.category, f"{again.reason}, without the idiom's words")
    return decision

