"""What the assistant did with one user message, read from the actions it ran: the vocabulary every understanding
measure uses (fresh-set first contact, regression sets, reports).

An outcome is one of:
  crisis        suicide or self-harm crisis reply
  harm_others   harm-to-others crisis reply
  emergency     overdose, mixing, medical-emergency, animal-poisoning or "I'm not safe" reply
  check_in      a direct question ("Are you thinking about ending your life?") or the gentle re-check
  advice        the kind decline of personal medical advice
  answer        a cited answer (with its `topic/key`)
  not_covered   "the pages I draw on don't cover that", with the nearest answers
  did_you_mean  the two-stage fallback's "Did you mean …?" with the closest topics
  not_understood  "Sorry, I'm not sure I understood", out of scope, "I only speak English", or Rasa's default fallback
  other         greetings, thanks, acknowledgements and the like
When one message gets several replies, the most safety-relevant one names the outcome (`PRIORITY`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence, Tuple

RETRIEVAL_TOPICS = frozenset(
    {
        "about_drug",
        "side_effects",
        "dependence",
        "withdrawal_symptoms",
        "withdrawal_timeline",
        "dangers",
        "care_levels",
        "therapy",
        "treatment_access",
    }
)
ADVICE_TOPIC = "medical_advice"

CRISIS_ACTIONS = frozenset({"utter_crisis_suicide", "utter_crisis_self_harm"})
HARM_ACTIONS = frozenset({"utter_crisis_harm_others", "utter_crisis_es_harm_others"})
EMERGENCY_ACTIONS = frozenset(
    {
        "utter_crisis_overdose",
        "utter_crisis_mixing",
        "utter_crisis_medical_emergency",
        "utter_crisis_pet_ingestion",
        "utter_crisis_not_safe",
        "utter_crisis_danger_now",
        # What to do until help arrives, when an emergency is still going on after its reply.
        "utter_emergency_help_coming",
        "utter_emergency_help_coming_es",
        # "Do we still need to go?" after an emergency reply: yes, still get checked.
        "utter_emergency_still_go",
        "utter_emergency_still_go_es",
    }
)
CHECK_IN_ACTIONS = frozenset(
    {
        "utter_ask_direct_suicide",
        "utter_ask_direct_danger",
        "utter_ask_direct_es_suicide",
        "utter_ask_direct_es_danger",
        "utter_safety_recheck",
        # The check-ins of the safety state after a crisis reply ("are you safe right now?").
        "utter_safety_checkin",
        "utter_ask_safe_now",
        "utter_ask_safe_now_es",
    }
)
NOT_COVERED_ACTIONS = frozenset({"utter_not_covered", "action_not_covered"})
# The two-stage fallback runs as one loop action; what it said tells the stages apart.
DID_YOU_MEAN_ACTIONS = frozenset({"utter_did_you_mean", "action_default_ask_affirmation"})
NOT_UNDERSTOOD_ACTIONS = frozenset(
    {
        "utter_clarify",
        "utter_out_of_scope",
        "utter_input_non_english",
        "utter_input_unreadable",
        "action_default_fallback",
        "utter_default",
        "utter_ask_rephrase",
    }
)

# Answers computed by a custom action, with the topic they answer.
COMPUTED_ANSWERS = {"action_compare_care_levels": "care_levels"}
ROUTED = frozenset({"crisis", "harm_others", "emergency"})
PRIORITY: Tuple[str, ...] = (
    "crisis",
    "harm_others",
    "emergency",
    "check_in",
    "advice",
    "answer",
    "not_covered",
    "did_you_mean",
    "not_understood",
    "other",
)


@dataclass(frozen=True)
class Outcome:
    """The outcome of one user message, every outcome seen in its replies, and the answer key if one was given."""

    kind: str
    kinds: Tuple[str, ...] = field(default_factory=tuple)
    answer_key: Optional[str] = None
    text: str = ""

    @property
    def routed(self) -> bool:
        """A crisis, harm-to-others or emergency reply."""
        return self.kind in ROUTED

    @property
    def topic(self) -> Optional[str]:
        """The topic of the cited answer given, if any."""
        return self.answer_key.split("/")[0] if self.answer_key else None


def action_kind(action: str) -> str:
    """The outcome kind of one action."""
    if action in CRISIS_ACTIONS or action.startswith("utter_crisis_es_suicide"):
        return "crisis"
    if action in HARM_ACTIONS:
        return "harm_others"
    if action in EMERGENCY_ACTIONS or action.startswith("utter_crisis_es"):
        return "emergency"
    if action in CHECK_IN_ACTIONS:
        return "check_in"
    if action in COMPUTED_ANSWERS:
        return "answer"
    topic = action[len("utter_") :].split("/")[0] if action.startswith("utter_") else ""
    if topic == ADVICE_TOPIC:
        return "advice"
    if topic in RETRIEVAL_TOPICS:
        return "answer"
    if action in NOT_COVERED_ACTIONS:
        return "not_covered"
    if action in DID_YOU_MEAN_ACTIONS:
        return "did_you_mean"
    if action in NOT_UNDERSTOOD_ACTIONS:
        return "not_understood"
    return "other"


def outcome_of(actions: Sequence[str], answer_key: Optional[str] = None, texts: Iterable[str] = ()) -> Outcome:
    """The outcome of a turn from the actions run after the user message (oldest first)."""
    kinds = [action_kind(action) for action in actions]
    seen = tuple(kind for kind in PRIORITY if kind in kinds)
    kind = seen[0] if seen else "other"
    # Retrieval answers run as `utter_<topic>`; the reply names the answer as `utter_<topic>/<key>`.
    answered = next((a for a in actions if "/" in a and action_kind(a) in ("answer", "advice")), None)
    key = answered[len("utter_") :] if answered else answer_key
    computed = next((COMPUTED_ANSWERS[a] for a in actions if a in COMPUTED_ANSWERS), None)
    if key is None and computed:
        key = f"{computed}/comparison"
    return Outcome(kind, seen, key if ("answer" in seen or "advice" in seen) else None, " ".join(texts))
