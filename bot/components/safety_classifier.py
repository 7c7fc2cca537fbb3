"""Last NLU component: decides, for every message, whether it states a risk, may state one, or does not.

It reads each message three ways — the lexicon guard (bot.safety.guard), the risk model (bot.safety.risk_model,
trained here on data/risk/ and the NLU examples) and, when the previous message in the conversation raised some
concern, the two messages together ("what happens if someone takes too many?" then "I have 60 saved") — and
combines them into a tier (bot.safety.fusion):
  CRISIS → the risk intent for its category, with full confidence (the rules send the crisis reply);
  CHECK  → the decision is stored in `safety`; the intent stays when there is an answer to give (FollowUpPolicy
           asks the direct question after it), otherwise it becomes `risk_unclear` (the question alone);
  NONE   → a risk intent the classifier guessed is taken off.
It runs last among the classifiers so nothing overrides it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.answer_selector import apply_answer, set_fallback
from bot.components.follow_up_policy import latest_crisis_reply_was_an_emergency
from bot.components.input_checker import INPUT_CHECK, ORIGINAL_TEXT
from bot.encoder import get_encoder, training_cache
from bot.input_check import NON_ENGLISH_INTENT, UNREADABLE_INTENT, InputKind
from bot.knowledge.advice_request import personal_advice_request
from bot.safety.categories import UNCLEAR_RISK_INTENT, is_risk_intent
from bot.safety.corpus import deduplicate, nlu_examples, read_corpus, with_context
from bot.safety.dialogue import (
    ASK_DIRECT_THANKS,
    ASKED_DANGER,
    ASKED_SUICIDE,
    CHECKING,
    CRISIS_RESPONSES,
    RECHECKING,
    SAFETY_STATE_SLOT,
    is_late_yes,
    opening_word,
    played_down,
)
from bot.safety.fusion import RiskDecision, Thresholds, Tier, decide, reconsider, stronger
from bot.safety.guard import Assessment, Level, get_guard
from bot.safety.help_on_the_way import help_arrived, help_on_the_way, still_needs_care
from bot.safety.risk_model import RiskModel

SAFETY = "safety"
# The model reads at most this much of a message (the guard reads more: bot.safety.guard.MAX_GUARD_CHARS).
MAX_MODEL_CHARS = 5_000
# The previous message is read together with this one only when it raised at least this much concern.
CONTEXT_CONCERN = 0.10
# Context counts only when this message adds something: some concern of its own, or a reply too short to stand
# alone ("tonight", "I have 60"). A crisis from context needs more of its own.
CONTEXT_OWN_CONCERN = 0.05
CONTEXT_CRISIS_OWN_CONCERN = 0.15
CONTEXT_SHORT_WORDS = 4
CONTEXT_ADDED_RISK = 0.25
# In the safety state after a crisis reply, a message with at least this risk reading gets the crisis reply again.
SAFETY_STATE_CRISIS = 0.2
# After a crisis reply the safety dialogue follows up on the earlier message; the context reading is not needed.
# (After a direct question it still is: "he's slurring and nodding off" answers "is someone in danger?".)
HANDLED_BY_DIALOGUE = CRISIS_RESPONSES
# Up to this many words, a personal-advice request with no alarming word is not made a crisis by the model alone.
# No risk statement of the corpus or the regression halves that the advice check matches is this short with the
# lexicon silent.
PLAIN_ADVICE_REQUEST_WORDS = 20
# The reason given when a reply to the direct question is read as the no it opens with.
A_NO_TO_THE_QUESTION = "a no to the direct question"
DENY_INTENT = "deny"
PLAYED_DOWN = "a warning sign played down, after a crisis reply"
# Intents that are an answer worth giving before a direct question.
ANSWERING_INTENTS = frozenset({"medical_advice", "compare_care_levels", "help_now"})


def _demote_risk(message: Message, fallback_threshold: float, answer_threshold: float, retrieval: set) -> None:
    """The fusion rejected the classifier's risk guess: use its best other intent, or ask to clarify."""
    ranking = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if not is_risk_intent(entry.get("name")) and entry.get("name") not in ("nlu_fallback", UNCLEAR_RISK_INTENT)
    ]
    message.data[INTENT_RANKING_KEY] = ranking
    if ranking and ranking[0].get("name") in retrieval:
        apply_answer(message, answer_threshold)  # the answer AnswerSelector already chose among the topics
    elif ranking and float(ranking[0].get("confidence") or 0.0) >= fallback_threshold:
        message.data[INTENT] = dict(ranking[0])
    else:
        set_fallback(message, fallback_threshold)


def _unplaced(intent: Optional[str]) -> bool:
    """A fallback, an unclear risk or a risk guess: the intents a reply to a safety question is not read as."""
    return intent in ("nlu_fallback", UNCLEAR_RISK_INTENT) or is_risk_intent(intent)


def _promote(message: Message, intent_name: str) -> None:
    """Make `intent_name` the predicted intent with full confidence, keeping the rest of the ranking below it."""
    chosen = {"name": intent_name, "confidence": 1.0}
    ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get("name") != intent_name]
    message.data[INTENT] = chosen
    message.data[INTENT_RANKING_KEY] = [dict(chosen), *ranking]


def _piece_vector(encoded: str, piece: str) -> np.ndarray:
    """A sentence's vector from the token states of the message's own encoder pass (no second pass); a sentence
    the encoder did not reach (past 1,000 characters or 128 tokens) is encoded on its own."""
    encoder = get_encoder()
    start = encoded.find(" ".join(piece.split()))
    if start >= 0:
        vector = encoder.pooled_spans(encoded, [(start, start + len(" ".join(piece.split())))])[0]
        if vector.any():
            return vector
    return encoder.encode_pooled([piece])[0]


def _answerable_in_spanish(message: Message, check: Dict[str, Any]) -> bool:
    """A question in Spanish that the classifiers matched to an answer with confidence: it gets the (English)
    answer and a note in Spanish (bot.safety.dialogue.SPANISH_NOTE), rather than "I only speak English"."""
    if check.get("language") != "es":
        return False
    intent = (message.get(INTENT) or {}).get("name")
    retrieval = set((message.get("response_selector") or {}).get("all_retrieval_intents", []))
    return intent in retrieval or intent in ANSWERING_INTENTS


def previous_turn(tracker: Optional[DialogueStateTracker]) -> Optional[Dict[str, Any]]:
    """The previous user message of this session: its text, its stored safety reading, and whether a crisis
    reply or a direct question already followed it (then the safety dialogue, not the context, takes over)."""
    if tracker is None:
        return None
    handled = False
    last_reply: Optional[str] = None
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            return None
        if isinstance(event, ActionExecuted) and event.action_name in HANDLED_BY_DIALOGUE:
            handled = True
        if isinstance(event, ActionExecuted) and last_reply is None and event.action_name != ACTION_LISTEN_NAME:
            last_reply = event.action_name
        if isinstance(event, UserUttered):
            if not event.text or event.text.startswith("/"):
                return None
            return {"text": event.text, "safety": (event.parse_data or {}).get(SAFETY) or {}, "handled": handled,
                    "reply": last_reply}
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SafetyClassifier(GraphComponent):
    """Guard + risk model + context → crisis, direct question, or nothing; then flags unusable input."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Thresholds: the two used when a rejected risk guess is replaced (keep them equal to FallbackClassifier's
        and AnswerSelector's), and the risk model's cut-offs (from `python -m bot.tools.calibrate_risk`)."""
        return {
            "fallback_threshold": 0.5,
            "answer_threshold": 0.35,
            "crisis_threshold": Thresholds.crisis,
            "check_threshold": Thresholds.check,
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
        model: Optional[RiskModel] = None,
    ) -> None:
        # Built once per process: compiling the lexicon takes a few seconds, matching about a millisecond.
        self._guard = get_guard()
        self._fallback_threshold = float(config["fallback_threshold"])
        self._answer_threshold = float(config["answer_threshold"])
        self.thresholds = Thresholds(crisis=float(config["crisis_threshold"]), check=float(config["check_threshold"]))
        self._storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SafetyClassifier":
        """An untrained classifier (the guard alone)."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "SafetyClassifier":
        """Load the trained risk model. A model trained for other code fails loudly: running on the lexicon alone
        would quietly miss what the model catches."""
        with model_storage.read_from(resource) as path:
            return cls(config, model_storage, resource, RiskModel.load(path))

    # --------------------------------------------------------------------------------------------- training
    def train(self, training_data: TrainingData) -> Resource:
        """Fit the risk model on the corpus and every NLU example."""
        pairs = [(example.get(TEXT), example.get(INTENT)) for example in training_data.intent_examples]
        examples = deduplicate([*read_corpus(), *nlu_examples(pair for pair in pairs if pair[1])])
        cache = training_cache()
        vectors = cache.encode_pooled([example.text for example in examples])
        cache.save()
        self.model = RiskModel.fit([e.text for e in examples], [e.label for e in examples], vectors)
        with self._storage.write_to(self._resource) as path:
            self.model.save(path)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to add to the training data."""
        return training_data

    # -------------------------------------------------------------------------------------------- predicting
    def _reading(self, text: str, model_text: Optional[str] = None):
        if self.model is None:
            return None
        encoder = get_encoder()
        encoded = model_text if model_text is not None else text
        vector = encoder.encode_pooled([encoded])[0]
        return self.model.read(text[:MAX_MODEL_CHARS], vector, lambda piece: _piece_vector(encoded, piece))

    def assess(self, message: Message, tracker: Optional[DialogueStateTracker] = None) -> RiskDecision:
        """The decision for one message (stored on it as `safety`)."""
        text = message.get(ORIGINAL_TEXT) or message.get(TEXT) or ""
        assessment = self._guard.assess(text)
        # The featurizer already encoded the cleaned text: the same text hits the encoder's cache. A Spanish message's
        # TEXT is an English gloss for the intent classifiers; the risk model reads the person's own words.
        check = message.get(INPUT_CHECK) or {}
        language = check.get("language", "en")
        # A message without a word ("😭😭🙏") reaches the encoder as unknown tokens: whatever the models make of it
        # is noise that changes with every retrain, so only the lexicon reads it (the dialogue still checks in on
        # it after a crisis reply).
        wordless = check.get("kind") in (InputKind.EMPTY.value, InputKind.UNREADABLE.value)
        reading = None if wordless else self._reading(text, text if language == "es" else message.get(TEXT) or text)
        # The intent classifier learnt English: in another language its confidence says nothing about risk.
        ranking = (message.get(INTENT_RANKING_KEY) or []) if language == "en" and not wordless else []
        decision = decide(assessment, ranking, reading, self.thresholds, len(text.split()))
        if (
            decision.tier is Tier.CRISIS
            and decision.reason == "model"
            and assessment.level is Level.NONE
            and len(text.split()) <= PLAIN_ADVICE_REQUEST_WORDS
            and personal_advice_request(text)
        ):
            # A short personal-advice request without one alarming word ("thinking of dropping my morning dose and
            # keeping the night one, good idea?"): the model alone does not make it a crisis; it gets the decline and
            # the direct question. (Models trained from a cold cache have read one such request as suicidal.)
            decision = RiskDecision(Tier.CHECK, decision.category, "model alone, on a plain personal-advice request")
        if assessment.unexplained is not None and reading is not None and reading.concern >= self.thresholds.check:
            # The model's alarm may sit in the words the guard explained away, or beside them: it reads the rest.
            unexplained = self._reading(assessment.unexplained)
            if unexplained is not None:
                decision = reconsider(decision, assessment, ranking, unexplained, self.thresholds, len(text.split()), reading)
        summary: Dict[str, Any] = {**assessment.as_dict(), "decision": decision.reason, **decision.as_dict()}
        summary["help_coming"] = help_on_the_way(text)
        summary["still_needs_care"] = still_needs_care(text)
        if reading is not None:
            summary["model"] = reading.as_dict()
        previous = previous_turn(tracker)
        state = tracker.get_slot(SAFETY_STATE_SLOT) if tracker is not None else None
        # "No, I'm not thinking about suicide, just exhausted" answers the direct question about the earlier message:
        # read together with it, the pair would only repeat the concern the question was asked about.
        denies_the_question = state in (ASKED_SUICIDE, ASKED_DANGER) and opening_word(text) == "no"
        summary["answered_no"] = denies_the_question
        after_a_crisis_reply = state in (CHECKING, RECHECKING)
        if after_a_crisis_reply and assessment.level is not Level.RISK and help_arrived(text):
            # "They're here now and taking him, thank you": the help hoped for has come (the dialogue thanks them).
            assessment = replace(assessment, protective=True)
            summary["protective"] = True
        emergency_going_on = summary["help_coming"] or summary["still_needs_care"]
        if (
            emergency_going_on
            and (state == ASKED_DANGER or (after_a_crisis_reply and latest_crisis_reply_was_an_emergency(tracker)))
            and assessment.level is not Level.RISK
            and decision.tier is Tier.CRISIS
        ):
            # "911 is on the way, what do we do till they get here?" right after an emergency reply: the same
            # emergency, which the safety dialogue answers (what to do meanwhile, or to still get checked), not a new
            # crisis read into it by the model alone.
            decision = RiskDecision(Tier.NONE, decision.category, "the emergency already answered, still going on")
            summary.update(decision.as_dict(), decision=decision.reason)
        if (
            after_a_crisis_reply
            and assessment.level is not Level.RISK
            and played_down(text)
            and not latest_crisis_reply_was_an_emergency(tracker)
        ):
            # "She just texted saying she's fine and not to worry", right after a crisis reply about her plan: a
            # warning sign played down is still one; the crisis reply is given again.
            decision = RiskDecision(Tier.CRISIS, "suicide", PLAYED_DOWN)
            summary.update(decision.as_dict(), decision=decision.reason)
        if decision.tier is not Tier.CRISIS and previous and not previous["handled"] and reading is not None and not denies_the_question:
            in_context = self._in_context(previous, text, reading)
            if in_context is not None:
                summary["context"] = in_context.reason
                decision = stronger(decision, in_context)
                summary.update(decision.as_dict(), decision=decision.reason)
        if assessment.protective and assessment.level is not Level.RISK and decision.reason != PLAYED_DOWN:
            # "I called my sister, she's staying with me tonight, I feel safer": after a crisis reply or a direct
            # question that is the answer hoped for (the dialogue thanks them); elsewhere the model's alarm at the
            # words "988" or "safe" earns a question at most.
            if decision.tier is not Tier.NONE:
                answered = state in (CHECKING, RECHECKING, ASKED_SUICIDE, ASKED_DANGER)
                decision = RiskDecision(Tier.NONE if answered else Tier.CHECK, decision.category, "a protective statement")
                summary.update(decision.as_dict(), decision=decision.reason)
            return self._stored(message, summary, decision)
        if denies_the_question and decision.tier is Tier.CHECK and assessment.level is Level.CLEARED and "negation" in assessment.cleared_by:
            # "No, not thinking about suicide, just worn out": the only risk words are the ones the "no" denies, and
            # asking again would turn the person's answer into a crisis reply.
            decision = RiskDecision(Tier.NONE, decision.category, f"{A_NO_TO_THE_QUESTION}, its risk words negated")
            summary.update(decision.as_dict(), decision=decision.reason)
        elif denies_the_question and decision.tier is Tier.CHECK and assessment.level is Level.NONE:
            # "No, nothing like that, just really tired and fed up": a no with not one alarming word; the model's
            # doubt about tiredness is the doubt the question was asked about, and it has been answered.
            decision = RiskDecision(Tier.NONE, decision.category, f"{A_NO_TO_THE_QUESTION}, no alarming word")
            summary.update(decision.as_dict(), decision=decision.reason)
        if decision.tier is Tier.CHECK and previous and previous.get("reply") == ASK_DIRECT_THANKS and is_late_yes(text):
            # "No." … "actually… sometimes yeah, I think about it": a yes to the direct question after all.
            decision = RiskDecision(Tier.CRISIS, decision.category or "suicide", "a late yes to the direct question")
            summary.update(decision.as_dict(), decision=decision.reason)
        if decision.tier is not Tier.CRISIS and after_a_crisis_reply and reading is not None and not emergency_going_on:
            # Right after a crisis or emergency reply, more of the same is the emergency going on ("he's slurring a
            # lot tonight" after an overdose): a lower risk reading is enough. Not when the message says help is on
            # its way: the safety dialogue then says what to do until it arrives.
            if reading.risk >= SAFETY_STATE_CRISIS:
                decision = RiskDecision(Tier.CRISIS, reading.category, "model, after a crisis reply")
                summary.update(decision.as_dict(), decision=decision.reason)
        return self._stored(message, summary, decision)

    @staticmethod
    def _stored(message: Message, summary: Dict[str, Any], decision: RiskDecision) -> RiskDecision:
        message.set(SAFETY, summary, add_to_output=True)
        return decision

    def _in_context(self, previous: Dict[str, Any], text: str, reading: Any) -> Optional[RiskDecision]:
        """The decision for this message read after the previous one, when the previous one raised some concern
        and this one adds to it (None when the context does not apply)."""
        earlier = previous["safety"]
        model = earlier.get("model") or {}
        concern = float(model.get("risk", 0)) + float(model.get("possible", 0))
        if concern < CONTEXT_CONCERN and earlier.get("level") not in ("hint", "cleared", "risk"):
            return None
        short = len(text.split()) <= CONTEXT_SHORT_WORDS
        if (reading.concern < CONTEXT_OWN_CONCERN and not short) or reading.probabilities.get("advice", 0.0) >= 0.5:
            return None
        together = self._reading(with_context(previous["text"], text))
        # The model alone reads the pair (the lexicon would only find the earlier message's words again), and the
        # pair must read as riskier than the earlier message did: this message has to add to it.
        if together is None or together.risk - float(model.get("risk", 0)) < CONTEXT_ADDED_RISK:
            return None
        decision = decide(Assessment(Level.NONE), [], together, self.thresholds)
        if decision.tier is Tier.NONE:
            return None
        tier = decision.tier
        if tier is Tier.CRISIS and reading.concern < CONTEXT_CRISIS_OWN_CONCERN and not short:
            tier = Tier.CHECK
        return RiskDecision(tier, decision.category, f"in context: {decision.reason}")

    def process(self, messages: List[Message], tracker: Optional[DialogueStateTracker] = None) -> List[Message]:
        """Route risks, mark possible risks for a direct question, then flag unusable input."""
        for message in messages:
            text = message.get(ORIGINAL_TEXT) or message.get(TEXT) or ""
            if not isinstance(text, str):
                continue
            decision = self.assess(message, tracker)
            if decision.is_risk and decision.intent:
                _promote(message, decision.intent)
                continue
            if (
                decision.tier is Tier.NONE
                and (message.get(SAFETY) or {}).get("answered_no")
                and _unplaced((message.get(INTENT) or {}).get("name"))
            ):
                # "No, nothing like that, just fed up" is a no: left a fallback (or an unclear risk, which becomes
                # one) it would count as the first of "two fallbacks in a row", and Rasa's two-stage fallback would
                # give up on the next unclear question.
                _promote(message, DENY_INTENT)
                continue
            intent = (message.get(INTENT) or {}).get("name")
            if is_risk_intent(intent) or intent == UNCLEAR_RISK_INTENT:
                retrieval = set((message.get("response_selector") or {}).get("all_retrieval_intents", []))
                _demote_risk(message, self._fallback_threshold, self._answer_threshold, retrieval)
                intent = (message.get(INTENT) or {}).get("name")
            if decision.tier is Tier.CHECK:
                retrieval = set((message.get("response_selector") or {}).get("all_retrieval_intents", []))
                # In a safety state the assistant has just asked a safety question: the reply keeps its intent
                # ("no", "I was joking") and the safety dialogue decides (bot.safety.dialogue).
                in_safety_dialogue = tracker is not None and tracker.get_slot(SAFETY_STATE_SLOT) is not None
                if intent not in retrieval and intent not in ANSWERING_INTENTS and not in_safety_dialogue:
                    _promote(message, UNCLEAR_RISK_INTENT)
                continue
            check = message.get(INPUT_CHECK) or {}
            kind = check.get("kind")
            if kind in (InputKind.EMPTY.value, InputKind.UNREADABLE.value):
                _promote(message, UNREADABLE_INTENT)
            elif kind == InputKind.NON_ENGLISH.value and not _answerable_in_spanish(message, check):
                _promote(message, NON_ENGLISH_INTENT)
        return messages
