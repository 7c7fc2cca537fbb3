"""The safety state after a crisis reply, and the follow-ups appended after an answer.

After any crisis reply the conversation is in the `checking` state: the bot has asked "are you safe right now?".
  - "I'm safe" / "you misunderstood" / "yes" → a gentle re-check, once (state `rechecking`);
  - confirmed again, or safety described ("I called my sister, she's staying with me") → the bot says it is glad
    and returns to normal answers (state cleared);
  - "I'm not safe" / "no" → the emergency reply, and the bot keeps checking;
  - any other message → it is answered, then the bot asks again whether the person is safe;
  - a new risk statement → the crisis reply for it (rules), back to `checking`;
  - after an emergency reply, the emergency still going on ("911 is on the way, what do I do?", bot.safety.
    help_on_the_way) → what to do until help arrives, and the bot keeps checking.
Every message is still screened by the guard in every state; this module only decides the dialogue around it.

A possible but unclear risk (bot.safety.fusion, tier CHECK) gets a direct question with the numbers visible — "Are
you thinking about ending your life?" or "Is someone in danger right now?" — after the answer if there is one to
give (state `asked_suicide` / `asked_danger`). The reply to it:
  - "no" / "I'm safe" → thanks, and back to normal answers;
  - "just kidding" / "you misread me" → the gentle re-check (state `rechecking`), as after a crisis reply;
  - "yes", "maybe", "I don't know", anything unclear → the crisis reply (suicide) or the emergency reply (danger);
  - an ordinary question → it is answered, and the state ends.

A risk stated in Spanish gets the crisis reply in Spanish, with 988's Spanish options (call and press 2, or text
AYUDA), then "are you safe right now?" in Spanish.

The first reply of each session is followed by a one-line notice of what the assistant is and how to get urgent
help, unless that reply already says so (crisis replies, the greeting, the helpline list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from bot.safety.categories import (
    CONFIRM_SAFE_INTENT,
    DENY_RISK_INTENT,
    NOT_SAFE_INTENT,
    RISK_CATEGORIES,
    is_risk_intent,
)

SAFETY_STATE_SLOT = "safety_state"
CHECKING = "checking"
RECHECKING = "rechecking"
ASKED_SUICIDE = "asked_suicide"
ASKED_DANGER = "asked_danger"
ASKED_STATES = {"suicide": ASKED_SUICIDE, "danger": ASKED_DANGER}

ASK_SAFE_NOW = "utter_ask_safe_now"
RECHECK = "utter_safety_recheck"
RESUME = "utter_safety_resume"
NOT_SAFE_REPLY = "utter_crisis_not_safe"
CHECK_IN = "utter_safety_checkin"
ASK_DIRECT = {"suicide": "utter_ask_direct_suicide", "danger": "utter_ask_direct_danger"}
ASK_DIRECT_ES = {"suicide": "utter_ask_direct_es_suicide", "danger": "utter_ask_direct_es_danger"}
ASK_DIRECT_THANKS = "utter_ask_direct_thanks"
DANGER_NOW = "utter_crisis_danger_now"
ASK_SAFE_NOW_ES = "utter_ask_safe_now_es"
# After an answer to a question asked in Spanish: the answer is in English, and where to get help in Spanish.
SPANISH_NOTE = "utter_spanish_note"
# Crisis replies in Spanish, by risk category (suicide and self-harm share one; the poisonings share one).
SPANISH_CRISIS = {
    "suicide": "utter_crisis_es_suicide",
    "self_harm": "utter_crisis_es_suicide",
    "harm_others": "utter_crisis_es_harm_others",
    "overdose": "utter_crisis_es_poisoning",
    "mixing": "utter_crisis_es_poisoning",
    "pet_ingestion": "utter_crisis_es_pet",
    "medical_emergency": "utter_crisis_es_medical_emergency",
}
# What to do until help arrives, when an emergency is still going on after its reply ("911 is on the way, what do I
# do?"): the emergency is not over, and another "are you safe right now?" would not help.
HELP_COMING = "utter_emergency_help_coming"
HELP_COMING_ES = "utter_emergency_help_coming_es"
STILL_GO = "utter_emergency_still_go"
STILL_GO_ES = "utter_emergency_still_go_es"
SESSION_NOTICE = "utter_session_notice"
INPUT_TRUNCATED = "utter_input_truncated"
# Said when a custom action (the action server) failed or timed out and so said nothing.
ACTION_UNAVAILABLE = "utter_action_unavailable"

CRISIS_RESPONSES = frozenset(
    {category.response for category in RISK_CATEGORIES.values()}
    | set(SPANISH_CRISIS.values())
    | {DANGER_NOW, HELP_COMING, HELP_COMING_ES, STILL_GO, STILL_GO_ES}
)
# Replies after which the emergency may still be going on: the physical emergencies, and what to do until help comes.
EMERGENCY_CATEGORIES = ("mixing", "overdose", "medical_emergency")
EMERGENCY_RESPONSES = frozenset(
    {RISK_CATEGORIES[name].response for name in EMERGENCY_CATEGORIES}
    | {SPANISH_CRISIS[name] for name in EMERGENCY_CATEGORIES}
    | {DANGER_NOW, HELP_COMING, HELP_COMING_ES, STILL_GO, STILL_GO_ES}
)
DIRECT_QUESTIONS = frozenset({*ASK_DIRECT.values(), *ASK_DIRECT_ES.values()})
SAFETY_ACTIONS = (
    frozenset({ASK_SAFE_NOW, ASK_SAFE_NOW_ES, RECHECK, RESUME, NOT_SAFE_REPLY, CHECK_IN, ASK_DIRECT_THANKS})
    | CRISIS_RESPONSES
    | DIRECT_QUESTIONS
)
# Replies that already tell the user what the assistant is and how to get urgent help.
NOTICE_BEARING = SAFETY_ACTIONS | {SESSION_NOTICE, "utter_greet", "utter_help_now", "utter_bot_challenge"}
# What this module appends after an answer.
FOLLOW_UPS = frozenset({INPUT_TRUNCATED, CHECK_IN, SESSION_NOTICE, ACTION_UNAVAILABLE, SPANISH_NOTE}) | DIRECT_QUESTIONS
# Safety replies this policy chooses in a safety state; once one is said, the user speaks next.
OWN_REPLIES = (
    frozenset(
        {RECHECK, RESUME, NOT_SAFE_REPLY, ASK_DIRECT_THANKS, ASK_SAFE_NOW_ES, HELP_COMING, HELP_COMING_ES, STILL_GO, STILL_GO_ES}
    )
    | DIRECT_QUESTIONS
)
# Rasa stops a turn after 10 predicted actions ("circuit breaker") without listening again, and then counts those
# actions against every later message, so the conversation goes silent for good. Listening before that limit
# ends a runaway turn and keeps the conversation alive whatever the other policies predict.
MAX_ACTIONS_BEFORE_LISTEN = 8
# Replies that are not answers: after these the turn is not over, or nothing should be appended.
NOT_ANSWERS = frozenset({"action_listen", "action_session_start", "action_extract_slots", "action_restart"})

NOT_UNDERSTOOD_INTENTS = frozenset({"nlu_fallback", "out_of_scope", "risk_unclear", "input_unreadable", "input_non_english"})
YES_INTENTS = frozenset({CONFIRM_SAFE_INTENT, DENY_RISK_INTENT, "affirm"})
NO_INTENTS = frozenset({NOT_SAFE_INTENT, "deny"})
# Replies to a direct question ("Are you thinking about ending your life?"): "no, I'm safe" and "I was joking"
# end it; anything unclear counts as a yes, because a missed crisis costs more than a moment of annoyance.
DIRECT_NO_INTENTS = frozenset({"deny", CONFIRM_SAFE_INTENT})
# After a no to the direct question, a message whose intent is none of these is a question to answer.
NOT_QUESTIONS = frozenset({DENY_RISK_INTENT, CONFIRM_SAFE_INTENT, NOT_SAFE_INTENT, "affirm", "deny", "greet", "goodbye", "thank"})
DIRECT_UNCLEAR_INTENTS = frozenset(
    {"affirm", NOT_SAFE_INTENT, "nlu_fallback", "out_of_scope", "risk_unclear", "input_unreadable", "help_now"}
)


_NO = frozenset({"no", "nope", "nah", "na", "never", "not"})
_YES = frozenset({"yes", "yeah", "yep", "yup", "ya", "sí", "si", "yea"})


def opening_word(text: Optional[str]) -> Optional[str]:
    """"no" / "yes" when a message opens with a plain no or yes ("no, I'm not", "yeah…"), else None."""
    words = (text or "").lower().replace(",", " ").replace(".", " ").replace("!", " ").split()
    if not words:
        return None
    return "no" if words[0] in _NO else "yes" if words[0] in _YES else None


# A reply made only of these words after "no" is a plain no ("no, I'm not", "nope, not at all"), whatever the risk
# model reads into it; anything more ("no I'm not ok") keeps the model's doubt.
_PLAIN_NO_WORDS = frozenset("no nope nah i i'm im am not really at all thanks thank you honestly promise".split())


_SAYS_FINE = re.compile(r"\b(?:i'?m|i am|im)\s+(?:totally |really |honestly |actually )?(?:fine|ok|okay|alright|all right|good|safe)\b")


def says_fine(text: Optional[str]) -> bool:
    """True when the message says the speaker is fine ("its for my exam, im fine"), not negated."""
    lowered = (text or "").lower().replace("’", "'")
    return bool(_SAYS_FINE.search(lowered)) and not re.search(r"\b(?:not|n't|never)\s+(?:\w+\s+)?(?:fine|ok|okay|alright|good|safe)\b", lowered)


_LATE_YES = re.compile(
    r"^\W*(?:(?:actually|honestly|well|ok|okay|um+|uh+|hm+|tbh|truthfully)\W+)*"
    r"(?:yes|yeah|yea|yep|ya|sometimes|i do|i have|kind of|kinda|sort of|a little|maybe|si|a veces)\b"
)


def is_late_yes(text: Optional[str]) -> bool:
    """True when a message opens with a yes, or a hedged one ("actually… sometimes yeah"): after a no to the
    direct question, it takes the no back."""
    return bool(_LATE_YES.search((text or "").lower().replace("…", " ").replace("...", " ")))


_PLAYED_DOWN = re.compile(
    r"\b(?:says|said|saying|texted|texting|messaged|told me|tells me|insists|swears|keeps saying)\b[^.?!]{0,25}?"
    r"\b(?:she'?s|he'?s|they'?re|she is|he is|they are|she was|he was)\s+(?:totally |really |just )?(?:fine|ok|okay|alright|good)\b"
    r"|\bnot to worry\b|\bdon'?t worry about (?:her|him|them)\b"
)


def played_down(text: Optional[str]) -> bool:
    """True when someone else's warning sign is played down ("she texted saying she's fine and not to worry")."""
    return bool(_PLAYED_DOWN.search((text or "").lower().replace("’", "'")))


def is_plain_no(text: Optional[str]) -> bool:
    """True when a message is nothing but a no ("No, I'm not.", "nope not really")."""
    words = (text or "").lower().replace("’", "'").replace(",", " ").replace(".", " ").replace("!", " ").split()
    return bool(words) and words[0] in _NO and all(word in _PLAIN_NO_WORDS for word in words)


@dataclass(frozen=True)
class Turn:
    """What the policy needs to know about the conversation so far."""

    safety_state: Optional[str]  # as the turn began: the policy's own change this turn does not alter its plan
    intent: Optional[str]
    actions_this_turn: Tuple[str, ...]  # bot actions since the latest user message, oldest first
    notice_shown_this_session: bool
    truncated_input: bool = False
    custom_action_failed: bool = False
    actions_since_listen: int = 0  # counted as Rasa's circuit breaker counts them
    check_ask: Optional[str] = None  # "suicide" / "danger" when the message is a possible risk (tier CHECK)
    reply_opens_with: Optional[str] = None  # "yes" / "no" when the message starts with a plain yes or no
    plain_no: bool = False  # the message is nothing but a no ("No, I'm not.")
    protective: bool = False  # the message states support or help reached ("my sister is staying with me tonight")
    risk_category: Optional[str] = None  # the category of a risk intent, for the Spanish replies
    spanish: bool = False
    help_coming: bool = False  # the message says help is called or on its way, or asks what to do meanwhile
    after_emergency: bool = False  # the latest crisis reply of the session was an emergency reply
    still_needs_care: bool = False  # the signs ease, and the person asks whether they still need to go
    says_fine: bool = False  # the message says "I'm fine" / "I'm okay" about the speaker


@dataclass(frozen=True)
class FollowUp:
    """The next action the follow-up policy wants, and the safety state to store with it."""

    action: str
    safety_state: Optional[str]
    sets_state: bool


def _is_a_question(intent: Optional[str]) -> bool:
    """True when a reply to the direct question also asks something the assistant can answer."""
    return bool(intent) and intent not in NOT_QUESTIONS | DIRECT_UNCLEAR_INTENTS | NOT_UNDERSTOOD_INTENTS and not is_risk_intent(intent)


def _crisis_sequence(ask: str) -> Tuple[str, ...]:
    return ("utter_crisis_suicide", ASK_SAFE_NOW) if ask == "suicide" else (DANGER_NOW, ASK_SAFE_NOW)


def _planned_reply(turn: Turn) -> Optional[Tuple[Tuple[str, ...], Optional[str]]]:
    """The safety reply that replaces the normal answer, with the state it leads to."""
    if turn.spanish and is_risk_intent(turn.intent) and turn.risk_category in SPANISH_CRISIS:
        reply = SPANISH_CRISIS[turn.risk_category]
        if turn.risk_category == "pet_ingestion":
            return (reply,), turn.safety_state
        return (reply, ASK_SAFE_NOW_ES), CHECKING
    if turn.help_coming and not is_risk_intent(turn.intent) and (
        turn.safety_state == ASKED_DANGER or (turn.after_emergency and turn.safety_state in (CHECKING, RECHECKING))
    ):
        # The same emergency, still going on: what to do until help arrives, and the checks go on after it.
        return ((HELP_COMING_ES if turn.spanish else HELP_COMING),), CHECKING
    if turn.still_needs_care and not is_risk_intent(turn.intent) and (
        turn.safety_state == ASKED_DANGER or (turn.after_emergency and turn.safety_state in (CHECKING, RECHECKING))
    ):
        # "She's calmer now, do we still need to go in?": yes; only a clinician who sees her can say otherwise.
        return ((STILL_GO_ES if turn.spanish else STILL_GO),), CHECKING
    if turn.safety_state in (ASKED_SUICIDE, ASKED_DANGER) and not is_risk_intent(turn.intent):
        ask = "suicide" if turn.safety_state == ASKED_SUICIDE else "danger"
        # "No, I'm not" reads as "not safe" to the classifier; a reply that opens with a plain no is a no.
        said_no = turn.intent in DIRECT_NO_INTENTS or turn.plain_no or turn.protective or (turn.reply_opens_with == "no" and not turn.check_ask)
        if said_no and _is_a_question(turn.intent):
            return None  # "No, I'm not. How long does a taper take?": the question is answered, and the state ends
        if said_no:
            return (ASK_DIRECT_THANKS,), None
        if turn.intent == DENY_RISK_INTENT:
            return (RECHECK,), RECHECKING
        if turn.intent in DIRECT_UNCLEAR_INTENTS or turn.check_ask:
            return _crisis_sequence(ask), CHECKING
        return None
    if turn.check_ask and turn.intent == "risk_unclear" and turn.safety_state not in (CHECKING, RECHECKING):
        ask = ASK_DIRECT_ES[turn.check_ask] if turn.spanish else ASK_DIRECT[turn.check_ask]
        return (ask,), ASKED_STATES[turn.check_ask]
    if turn.intent == NOT_SAFE_INTENT and turn.safety_state is None:
        return (NOT_SAFE_REPLY,), CHECKING
    if turn.safety_state not in (CHECKING, RECHECKING) or is_risk_intent(turn.intent):
        return None
    if turn.protective and turn.intent in YES_INTENTS | NO_INTENTS | NOT_UNDERSTOOD_INTENTS:
        # Support present or help reached, said in the person's own words: more than a bare "I'm fine". (With a
        # question in it, the question is answered first and the same thanks follows: next_follow_up.)
        return (RESUME,), None
    if turn.intent in NOT_UNDERSTOOD_INTENTS:
        # Right after a crisis reply, a message the assistant cannot place gets "are you safe right now?" again, with
        # the numbers — never "Did you mean …?".
        return (CHECK_IN,), turn.safety_state
    if turn.intent in YES_INTENTS:
        return ((RECHECK,), RECHECKING) if turn.safety_state == CHECKING else ((RESUME,), None)
    if turn.intent in NO_INTENTS and turn.says_fine:
        # "No not at all, it's for my exam, I'm fine" after "are you safe right now?": the no denies the concern,
        # not the safety; it is asked once more rather than answered as a danger.
        return (RECHECK,), RECHECKING
    if turn.intent in NO_INTENTS:
        return (NOT_SAFE_REPLY,), CHECKING
    return None


def next_follow_up(turn: Turn) -> Optional[FollowUp]:
    """The action to run next, or None to leave the decision to the other policies.

    Answers are one action each and their rules do not wait for the user (`wait_for_user_input: false`), so after
    an answer this policy always decides: the follow-ups still due, in order, then `action_listen`. Crisis replies
    are sequences owned by the rules (crisis reply → "are you safe right now?"), so it stays out of those.
    """
    if turn.actions_since_listen >= MAX_ACTIONS_BEFORE_LISTEN:
        return FollowUp("action_listen", turn.safety_state, sets_state=False)
    done = turn.actions_this_turn
    # A reply this module chose ends its sequence: the user speaks next (checked before planning again, because the
    # reply may have changed the state: after the direct question the state is "asked").
    if done and done[-1] in OWN_REPLIES:
        return FollowUp("action_listen", turn.safety_state, sets_state=False)
    planned = _planned_reply(turn)
    if planned is not None:
        actions, new_state = planned
        if turn.truncated_input and not done and actions[0] not in CRISIS_RESPONSES:
            # The person should know the end of a long message went unread, before the question that ends the turn
            # (a crisis reply still comes first). The state waits for the planned reply, so the plan stays the same.
            return FollowUp(INPUT_TRUNCATED, turn.safety_state, sets_state=False)
        said = done[1:] if done[:1] == (INPUT_TRUNCATED,) else done
        if len(said) < len(actions):
            return FollowUp(actions[len(said)], new_state, sets_state=not said)
        return FollowUp("action_listen", new_state, sets_state=False)
    # The reply already left the safety state (e.g. "back to normal answers"), so no plan is found any more; its
    # turn still ends here — the rules only know these replies after their own question, not after a check-in.
    if done and done[-1] in OWN_REPLIES:
        return FollowUp("action_listen", turn.safety_state, sets_state=False)

    answered = [action for action in done if action not in NOT_ANSWERS]
    answers = [action for action in answered if action not in FOLLOW_UPS]
    if not answers or set(answers) & SAFETY_ACTIONS:
        return None
    due: List[str] = []
    if turn.custom_action_failed:
        due.append(ACTION_UNAVAILABLE)
    if turn.truncated_input:
        due.append(INPUT_TRUNCATED)
    if turn.spanish and "utter_input_non_english" not in answers:  # that reply already speaks Spanish
        due.append(SPANISH_NOTE)
    new_state = turn.safety_state
    if turn.safety_state in (CHECKING, RECHECKING):
        # Safety described in the person's own words ends the checks; anything else is followed by one.
        due.append(RESUME if turn.protective else CHECK_IN)
        new_state = None if turn.protective else new_state
    elif turn.check_ask:
        # A possible risk came with a question: answer it, then ask directly.
        due.append(ASK_DIRECT_ES[turn.check_ask] if turn.spanish else ASK_DIRECT[turn.check_ask])
        new_state = ASKED_STATES[turn.check_ask]
    elif turn.safety_state in (ASKED_SUICIDE, ASKED_DANGER):
        new_state = None  # an ordinary question instead of an answer to the direct question: it ends there
    if not turn.notice_shown_this_session and not set(answers) & NOTICE_BEARING and not turn.check_ask and not turn.spanish:
        due.append(SESSION_NOTICE)
    remaining = [action for action in due if action not in answered]
    follow_up = remaining[0] if remaining else "action_listen"
    # The state changes with the first follow-up this policy predicts after the answer.
    changes = new_state != turn.safety_state and not (set(answered) & set(due))
    return FollowUp(follow_up, new_state, sets_state=changes)


def crisis_reply_was_last(actions: Sequence[str]) -> bool:
    """True if the latest bot turn was a crisis reply (used by tests and reports)."""
    return any(action in CRISIS_RESPONSES for action in actions)
