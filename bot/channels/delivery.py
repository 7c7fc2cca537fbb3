"""Handing a user message to Rasa from any channel, so that no failure leaves a person without an answer.

- If Rasa fails while answering (a store or lock it cannot reach, a bug), the person still gets a reply: the crisis
  reply when the safety guard finds a risk in their message, otherwise a short "please send that again" that says
  how to get help now.
- If the conversation store was unreachable during the turn (bot.tracker_store), the person is told once per outage
  that earlier messages may be missing, instead of the assistant silently forgetting them.
"""

from __future__ import annotations

import enum
import logging
from typing import Any, Awaitable, Callable, Optional, Tuple

from rasa.core.channels.channel import UserMessage

from bot.safety.categories import RISK_CATEGORIES
from bot.safety.guard import Level, assess
from bot.safety.helplines import helplines_for
from bot.safety.messages import crisis_replies
from bot.tracker_store import find_caching_store

logger = logging.getLogger(__name__)

_US = helplines_for(None)
ANSWER_FAILED = (
    "Sorry — something went wrong on my side and I couldn't answer that. Please send it again in a minute. "
    f"If you are in danger, call {_US.emergency} or {_US.crisis.contact} (in the US)."
)
STORE_UNAVAILABLE_NOTICE = (
    "A note: I can't reach the place where I keep our conversation right now, so I may not remember what we "
    "talked about earlier. I'll keep answering, and I'll save this part once it's back."
)


class Outcome(str, enum.Enum):
    """How a message was answered."""

    ANSWERED = "answered"
    CRISIS_FALLBACK = "crisis_fallback"  # Rasa failed; the guard's crisis reply was sent
    FAILED = "failed"  # Rasa failed; the please-retry reply was sent


def failure_reply(text: Any) -> Tuple[str, bool]:
    """The reply for a message Rasa could not answer, and whether it is a crisis reply."""
    assessment = assess(text) if isinstance(text, str) else None
    if assessment is not None and assessment.level is Level.RISK and assessment.category in RISK_CATEGORIES:
        return crisis_replies(_US)[RISK_CATEGORIES[assessment.category].response], True
    return ANSWER_FAILED, False


def store_notice(agent: Any, sender_id: str) -> Optional[str]:
    """The outage notice if this conversation's storage failed and the user has not been told yet."""
    store = find_caching_store(getattr(agent, "tracker_store", None))
    return STORE_UNAVAILABLE_NOTICE if store is not None and store.take_outage_notice(sender_id) else None


async def _send(message: UserMessage, text: str) -> None:
    try:
        await message.output_channel.send_text_message(message.sender_id, text)
    except Exception as error:  # the channel itself is failing: nothing more we can do here
        logger.error("channel.reply.failed channel=%s error=%s", message.input_channel, type(error).__name__)


async def deliver(agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage) -> Outcome:
    """Let Rasa answer `message`; on failure send the crisis or please-retry reply; then any outage notice."""
    outcome = Outcome.ANSWERED
    try:
        await on_new_message(message)
    except Exception as error:
        # Never the user's text in the log: only what failed.
        logger.error("channel.message.failed channel=%s error=%s", message.input_channel, type(error).__name__)
        reply, is_crisis = failure_reply(message.text)
        await _send(message, reply)
        outcome = Outcome.CRISIS_FALLBACK if is_crisis else Outcome.FAILED
    notice = store_notice(agent, message.sender_id)
    if notice is not None:
        await _send(message, notice)
    return outcome
