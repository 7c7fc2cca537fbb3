"""A SQL tracker store whose per-turn cost does not grow with the length of the conversation.

Rasa's SQLTrackerStore rebuilds the whole tracker from the database on every message, and deserialising each event
looks its class up by walking every Event subclass (`Event.resolve_by_type`): at 200 turns that alone cost ~120 ms
per message here. This store
  - keeps recently used trackers in process memory (LRU), and before reusing one checks with a single aggregate
    query that the database still holds exactly the events it holds (same count and same last row id, in the
    current session). Anything else — another replica answered in between, a failed turn left unsaved events in the
    cached copy, a new session, a deleted conversation — reloads from the database, so the database stays the source
    of truth and replicas behind the Redis lock store see each other's turns;
  - deserialises events with a type table built once instead of a class-tree walk per event.
Configured in endpoints as `type: bot.tracker_store.CachingSQLTrackerStore` with SQLTrackerStore's own settings.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Text, Tuple, Type

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

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


class CachingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore with a validated in-process tracker cache and fast event deserialisation."""

    def __init__(self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cache_size = cache_size
        # sender id → (tracker, (number of stored events in the session, last stored row id))
        self._cache: "OrderedDict[Text, Tuple[DialogueStateTracker, Tuple[int, Optional[int]]]]" = OrderedDict()

    def _stored_version(self, sender_id: Text) -> Tuple[int, Optional[int]]:
        """How many events the current session has in the database, and the id of the last one."""
        import sqlalchemy as sa

        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
            subquery = query.order_by(None).with_entities(self.SQLEvent.id).subquery()
            count, last_id = session.query(sa.func.count(subquery.c.id), sa.func.max(subquery.c.id)).one()
            return int(count or 0), last_id

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The tracker of the current session: from the cache if the database agrees, else from the database."""
        cached = self._cache.get(sender_id)
        if cached is not None:
            tracker, version = cached
            if len(tracker.events) == version[0] and self._stored_version(sender_id) == version:
                self._cache.move_to_end(sender_id)
                return tracker
            del self._cache[sender_id]
        tracker = await self._retrieve(sender_id, fetch_events_from_all_sessions=False)
        if tracker is not None:
            self._remember(tracker)
        return tracker

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            serialised = [json.loads(row.data) for row in rows]
        if not (self.domain and serialised):
            return None
        return DialogueStateTracker.from_events(sender_id, deserialise_events(serialised), self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the new events, then remember the tracker with the database's new version."""
        self._cache.pop(tracker.sender_id, None)
        await super().save(tracker)
        self._remember(tracker)

    def _remember(self, tracker: DialogueStateTracker) -> None:
        version = self._stored_version(tracker.sender_id)
        if len(tracker.events) != version[0]:
            return  # the tracker also holds an earlier session's events: next time, load the session afresh
        self._cache[tracker.sender_id] = (tracker, version)
        self._cache.move_to_end(tracker.sender_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def forget(self, sender_id: Text) -> None:
        """Drop a conversation from the cache (after deleting it from the database)."""
        self._cache.pop(sender_id, None)
