"""Commands every channel handles before Rasa: "delete my conversation".

A message that also states a risk is never taken as a command: it goes to Rasa and gets the crisis reply.
"""

from __future__ import annotations

import logging
from typing import Any, Optional

from bot.privacy import DELETED_REPLY, delete_conversation, is_delete_request
from bot.safety.guard import Level, assess

logger = logging.getLogger(__name__)

DELETE_FAILED_REPLY = (
    "I couldn't delete the conversation just now because its storage is unavailable. Please try again in a minute."
)


async def delete_if_requested(agent: Any, sender_id: str, text: str) -> Optional[str]:
    """If `text` asks to delete the conversation, delete it and return the reply to send; otherwise None."""
    if not isinstance(text, str) or not is_delete_request(text) or assess(text).level in (Level.RISK, Level.HINT):
        return None
    try:
        async with agent.lock_store.lock(sender_id):
            deleted = delete_conversation(agent.tracker_store, sender_id)
    except Exception as error:
        logger.error("privacy.delete.failed error=%s", type(error).__name__)
        return DELETE_FAILED_REPLY
    logger.info("privacy.delete.done events=%d", deleted)
    return DELETED_REPLY
