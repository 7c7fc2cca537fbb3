"""A SQL tracker store whose per-turn cost does not grow with the length of the conversation.

Rasa's SQLTrackerStore rebuilds the whole tracker from the database on every message, and deserialising each event
looks its class up by walking every Event subclass (`Event.resolve_by_type`): at 200 turns that alone cost ~120 ms
per message here. This store
  - keeps recently used trackers in process memory (LRU), and before reusing one checks with a single aggregate
    query that the database still holds exactly the events it holds (same count and same last row id, in the
    current session). Anything else — another replica answered in between, a failed turn left unsaved events in the
    cached copy, a new session, a deleted conversation — reloads from the database, so the database stays the source
    of truth and replicas behind the Redis lock store see each other's turns;
  - deserialises events with a type table built once instead of a class-tree walk per event;
  - redacts phone numbers, email addresses and other long numbers from user messages before they are stored or
    streamed to an event broker (bot.privacy); the guard and the classifier have already read the original.
Configured in endpoints as `type: bot.tracker_store.CachingSQLTrackerStore` with SQLTrackerStore's own settings.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Text, Tuple, Type

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bot.privacy import redact, redact_parse_data

logger = logging.getLogger(__name__)

DEFAULT_CACHE_SIZE = 2000

_EVENT_TYPES: Dict[str, Type[Event]] = {}


def event_class(type_name: str) -> Type[Event]:
    """The Event subclass for a serialised `event` name (table built once, rebuilt on a miss)."""
    if type_name not in _EVENT_TYPES:
        _EVENT_TYPES.update({cls.type_name: cls for cls in all_subclasses(Event)})
    if type_name not in _EVENT_TYPES:
        raise ValueError(f"Unknown event name '{type_name}'.")
    return _EVENT_TYPES[type_name]


def deserialise_events(serialised: List[Dict[str, Any]]) -> List[Event]:
    """Same result as rasa.shared.core.events.deserialise_events, without the per-event class-tree walk."""
    events: List[Event] = []
    for data in serialised:
        name = data.get("event")
        if name is None or name == "topic":  # Rasa skips these too
            continue
        event = event_class(name)._from_parameters(data)
        if event is not None:
            events.append(event)
    return events


def redact_user_messages(tracker: DialogueStateTracker, start: int = 0) -> None:
    """Redact identifiers in the tracker's user messages from event `start` on, in place."""
    for event in itertools.islice(tracker.events, start, None):
        if isinstance(event, UserUttered) and event.text:
            cleaned = redact(event.text)
            if cleaned != event.text:
                event.text = cleaned
            if event.parse_data:
                redact_parse_data(event.parse_data)


class CachingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore with a validated in-process tracker cache and fast event deserialisation."""

    def __init__(self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cache_size = cache_size
        # sender id → (tracker, (number of stored events in the session, last stored row id))
        self._cache: "OrderedDict[Text, Tuple[DialogueStateTracker, Tuple[int, Optional[int]]]]" = OrderedDict()

    def _stored_version(self, sender_id: Text, known_last_id: Optional[int] = None) -> Tuple[int, Optional[int], int]:
        """Events of the current session in the database: how many, the last row id, and how many up to
        `known_last_id` (so a cached tracker can tell "only appended to" from "changed")."""
        import sqlalchemy as sa

        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
            ids = query.order_by(None).with_entities(self.SQLEvent.id).subquery()
            upto = sa.func.sum(sa.case((ids.c.id <= (known_last_id if known_last_id is not None else -1), 1), else_=0))
            count, last_id, before = session.query(sa.func.count(ids.c.id), sa.func.max(ids.c.id), upto).one()
            return int(count or 0), last_id, int(before or 0)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The tracker of the current session: from the cache if the database agrees, brought up to date if other
        replicas only appended to it, else loaded from the database."""
        cached = self._cache.pop(sender_id, None)
        if cached is not None:
            tracker, (count, last_id) = cached
            if len(tracker.events) == count:
                stored_count, stored_last, stored_before = self._stored_version(sender_id, last_id)
                if (stored_count, stored_last) == (count, last_id):
                    self._cache[sender_id] = cached
                    return tracker
                if stored_before == count and stored_count > count and last_id is not None:
                    self._append_newer(tracker, last_id)
                    if len(tracker.events) == stored_count:
                        self._cache[sender_id] = (tracker, (stored_count, stored_last))
                        return tracker
        tracker = await self._retrieve(sender_id, fetch_events_from_all_sessions=False)
        if tracker is not None:
            self._remember(tracker)
        return tracker

    def _append_newer(self, tracker: DialogueStateTracker, last_id: int) -> None:
        """Apply the session's events stored after row `last_id` (another replica's turns) to the tracker."""
        with self.session_scope() as session:
            query = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False)
            rows = query.filter(self.SQLEvent.id > last_id).all()
            serialised = [json.loads(row.data) for row in rows]
        for event in deserialise_events(serialised):
            tracker.update(event)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            serialised = [json.loads(row.data) for row in rows]
        if not (self.domain and serialised):
            return None
        return DialogueStateTracker.from_events(sender_id, deserialise_events(serialised), self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Redact, store the new events, then remember the tracker with the database's new version."""
        cached = self._cache.pop(tracker.sender_id, None)
        # Events the cache vouches for are stored, so already redacted: only the new ones need it.
        redact_user_messages(tracker, cached[1][0] if cached is not None and cached[0] is tracker else 0)
        await super().save(tracker)
        self._remember(tracker)

    def _remember(self, tracker: DialogueStateTracker) -> None:
        count, last_id, _ = self._stored_version(tracker.sender_id)
        if len(tracker.events) != count:
            return  # the tracker also holds an earlier session's events: next time, load the session afresh
        self._cache[tracker.sender_id] = (tracker, (count, last_id))
        self._cache.move_to_end(tracker.sender_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def forget(self, sender_id: Text) -> None:
        """Drop a conversation from the cache (after deleting it from the database)."""
        self._cache.pop(sender_id, None)
