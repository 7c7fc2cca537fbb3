"""What the assistant keeps about people, and how it forgets.

- `redact`: phone numbers, email addresses and other long digit runs (card, insurance, ID numbers) are replaced
  before a message is stored; the safety guard and the classifier have already read the original by then.
- `is_delete_request`: "delete my conversation" and its variants, recognised by every channel before Rasa sees the
  message (unless the message also states a risk: then it is answered as a crisis first).
- `delete_conversation` / `purge_older_than`: remove one conversation, or every conversation whose last message is
  older than N days, from the SQL tracker store (SQLite or PostgreSQL).
"""

from __future__ import annotations

import re
import time
from typing import Any, Dict, Iterable, List, Optional

EMAIL_MARK = "[email removed]"
NUMBER_MARK = "[number removed]"
DELETED_REPLY = (
    "Done: this conversation has been deleted from the assistant's records. Anything you write from now on starts "
    "a new conversation."
)

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Seven or more digits, optionally with spaces, dots, dashes, slashes or brackets between them, optionally "+".
_LONG_NUMBER = re.compile(r"(?<![\w.])\+?\(?\d(?:[\s().\/-]{0,3}\d){6,}(?![\w])")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_DELETE = re.compile(
    r"^\s*(?:/delete|/forget|(?:please\s+)?(?:delete|erase|remove|wipe|clear|forget)\s+"
    r"(?:(?:all\s+)?(?:of\s+)?(?:my|this|our|the)\s+)?(?:whole\s+|entire\s+)?"
    r"(?:conversation|chat|history|chat\s+history|conversation\s+history|messages|data|transcript|me)"
    r"(?:\s+(?:please|now|pls))?)\s*[.!]*\s*$",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """`text` with email addresses and long numbers (phone, card, ID) replaced by markers."""
    if not text:
        return text
    text = _EMAIL.sub(EMAIL_MARK, text)

    def number(match: "re.Match[str]") -> str:
        value = match.group(0)
        return value if _ISO_DATE.match(value) else NUMBER_MARK

    return _LONG_NUMBER.sub(number, text)


def redact_parse_data(parse_data: Dict[str, Any]) -> None:
    """Redact the user text that Rasa copies into parse data (in place)."""
    if isinstance(parse_data.get("text"), str):
        parse_data["text"] = redact(parse_data["text"])
    for entity in parse_data.get("entities") or []:
        if isinstance(entity, dict) and isinstance(entity.get("value"), str):
            entity["value"] = redact(entity["value"])


def is_delete_request(text: str) -> bool:
    """Whether the message asks to delete the conversation ("delete my conversation", "/delete", "forget me")."""
    return bool(text) and len(text) <= 80 and bool(_DELETE.match(text))


def _sql_store(store: Any) -> Any:
    """The SQLTrackerStore inside Rasa's wrappers (FailSafeTrackerStore, AwaitableTrackerStore), or None."""
    from rasa.core.tracker_store import SQLTrackerStore

    from bot.tracker_store import unwrap  # here: bot.tracker_store imports this module

    return unwrap(store, SQLTrackerStore)


def delete_conversation(store: Any, sender_id: str) -> int:
    """Delete every event of one conversation (all sessions); returns how many were deleted."""
    sql = _sql_store(store)
    if sql is None:
        raise TypeError("conversation deletion needs the SQL tracker store")
    with sql.session_scope() as session:
        deleted = session.query(sql.SQLEvent).filter(sql.SQLEvent.sender_id == sender_id).delete()
        session.commit()
    forget = getattr(sql, "forget", None)
    if forget:
        forget(sender_id)
    return int(deleted or 0)


def purge_older_than(store: Any, days: float, now: Optional[float] = None) -> List[str]:
    """Delete every conversation whose latest event is older than `days` days; returns their ids."""
    import sqlalchemy as sa

    sql = _sql_store(store)
    if sql is None:
        raise TypeError("purging needs the SQL tracker store")
    cutoff = (now if now is not None else time.time()) - days * 86400
    with sql.session_scope() as session:
        stale = [
            sender
            for (sender,) in session.query(sql.SQLEvent.sender_id)
            .group_by(sql.SQLEvent.sender_id)
            .having(sa.func.max(sql.SQLEvent.timestamp) < cutoff)
            .all()
        ]
        for chunk in _chunks(stale, 500):
            session.query(sql.SQLEvent).filter(sql.SQLEvent.sender_id.in_(chunk)).delete(synchronize_session=False)
        session.commit()
    forget = getattr(sql, "forget", None)
    for sender in stale if forget else ():
        forget(sender)
    return stale


def _chunks(values: List[str], size: int) -> Iterable[List[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
