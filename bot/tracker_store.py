"""A SQL tracker store whose per-turn cost does not grow with the length of the conversation.

Rasa's SQLTrackerStore rebuilds the whole tracker from the database on every message, and deserialising each event
looks its class up by walking every Event subclass (`Event.resolve_by_type`): at 200 turns that alone cost ~120 ms
per message here. This store
  - keeps recently used trackers in process memory (LRU), and before reusing one checks that the database still
    holds exactly the events it holds: the conversation's newest row id is unchanged (one index lookup; rows are
    only appended or deleted), else the same count and last row id in the current session. Another replica's new
    turns are applied to the copy; anything else — a failed turn left unsaved events in the cached copy, a new
    session, a deleted conversation — reloads from the database, so the database stays the source of truth and
    replicas behind the Redis lock store see each other's turns;
  - saves only the events after the version it vouches for, without Rasa's count query before and a version query
    after every save;
  - deserialises events with a type table built once instead of a class-tree walk per event;
  - redacts phone numbers, email addresses and other long numbers from user messages before they are stored or
    streamed to an event broker (bot.privacy); the guard and the classifier have already read the original;
  - rides out a database outage. Rasa's FailSafeTrackerStore would silently answer from an empty in-memory
    tracker, forgetting the conversation (and its safety state) without telling anyone. Here a conversation keeps
    its in-process copy while the database is unreachable, the channel tells the user once (`take_outage_notice`),
    and when the database is back the turns taken meanwhile are written — but only if the stored conversation is
    exactly as the copy left it; otherwise the copy is dropped, so stored conversations are never corrupted.
Configured in endpoints as `type: bot.tracker_store.CachingSQLTrackerStore` with SQLTrackerStore's own settings.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Text, Tuple, Type

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy.exc import SQLAlchemyError
from rasa.shared.core.events import Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bot.privacy import redact, redact_parse_data

logger = logging.getLogger(__name__)

DEFAULT_CACHE_SIZE = 2000
# Conversations held in memory while the database is unreachable, and senders awaiting the outage notice.
MAX_OFFLINE_TRACKERS = 5000
CONNECT_TIMEOUT_S = 5  # an unreachable database host fails the turn in seconds, not minutes
# (number of stored events in the session, last stored row id); None: a conversation with nothing stored yet.
Version = Optional[Tuple[int, Optional[int]]]

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

    def __init__(
        self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, busy_timeout_ms: Optional[int] = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._cache_size = cache_size
        # sender id → (tracker, (number of stored events in the session, last stored row id))
        self._cache: "OrderedDict[Text, Tuple[DialogueStateTracker, Tuple[int, Optional[int]]]]" = OrderedDict()
        # sender id → (tracker taken through an outage, the stored version it continues)
        self._offline: "OrderedDict[Text, Tuple[DialogueStateTracker, Version]]" = OrderedDict()
        self._notice_due: "OrderedDict[Text, bool]" = OrderedDict()  # sender → already told about this outage
        self._version_statement: Any = None
        self._last_id_statement: Any = None
        if self.engine.dialect.name == "sqlite":
            if busy_timeout_ms is not None:
                self._set_sqlite_busy_timeout(int(busy_timeout_ms))
        else:
            self._use_resilient_pool()

    def _use_resilient_pool(self) -> None:
        """Test pooled connections before use and bound connection attempts, so that after a database restart or
        outage the next message reconnects instead of failing on a dead pooled connection."""
        import sqlalchemy as sa
        from rasa.core.tracker_store import create_engine_kwargs

        url = self.engine.url
        kwargs = create_engine_kwargs(url)
        kwargs["connect_args"] = {**kwargs.get("connect_args", {}), "connect_timeout": CONNECT_TIMEOUT_S}
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **kwargs)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def _set_sqlite_busy_timeout(self, milliseconds: int) -> None:
        """How long SQLite waits for another process's lock before failing (Python's default is 5 s)."""
        import sqlalchemy as sa

        @sa.event.listens_for(self.engine, "connect")
        def _on_connect(connection: Any, _: Any) -> None:
            connection.execute(f"PRAGMA busy_timeout = {milliseconds}")

    def _stored_version(self, sender_id: Text, known_last_id: Optional[int] = None) -> Tuple[int, Optional[int], int]:
        """Events of the current session in the database: how many, the last row id, and how many up to
        `known_last_id` (so a cached tracker can tell "only appended to" from "changed"). The current session is
        what Rasa's `_event_query` selects: events from the latest `session_started` on, by timestamp."""
        with self.engine.connect() as connection:
            count, last_id, before = connection.execute(
                self._version_sql, {"sender": sender_id, "known": known_last_id if known_last_id is not None else -1}
            ).one()
        return int(count or 0), last_id, int(before or 0)

    def _last_stored_id(self, sender_id: Text) -> Optional[int]:
        """The conversation's newest row id: rows are only appended or deleted, so an unchanged newest id means an
        unchanged conversation."""
        import sqlalchemy as sa

        if self._last_id_statement is None:
            self._last_id_statement = sa.text(f"SELECT max(id) FROM {self.SQLEvent.__tablename__} WHERE sender_id = :sender")
        with self.engine.connect() as connection:
            return connection.execute(self._last_id_statement, {"sender": sender_id}).scalar()

    @property
    def _version_sql(self) -> Any:
        if self._version_statement is None:
            import sqlalchemy as sa

            table = self.SQLEvent.__tablename__
            start = f"(SELECT max(timestamp) FROM {table} WHERE sender_id = :sender AND type_name = 'session_started')"
            self._version_statement = sa.text(
                f"SELECT count(id), max(id), sum(CASE WHEN id <= :known THEN 1 ELSE 0 END) FROM {table} "
                f"WHERE sender_id = :sender AND (timestamp >= {start} OR {start} IS NULL)"
            )
        return self._version_statement

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The tracker of the current session: from the cache if the database agrees, brought up to date if other
        replicas only appended to it, else loaded from the database; during an outage, the in-process copy."""
        cached = self._cache.pop(sender_id, None)
        try:
            if sender_id in self._offline:
                recovered = await self._write_back(sender_id)
                if recovered is not None:
                    return recovered
            return await self._retrieve_current(sender_id, cached)
        except SQLAlchemyError as error:
            self._outage("retrieve", sender_id, error)
            if cached is not None and sender_id not in self._offline:
                self._keep_offline(cached[0], cached[1])
            offline = self._offline.get(sender_id)
            return offline[0] if offline is not None else None

    async def _retrieve_current(
        self, sender_id: Text, cached: Optional[Tuple[DialogueStateTracker, Tuple[int, Optional[int]]]]
    ) -> Optional[DialogueStateTracker]:
        if cached is not None:
            tracker, (count, last_id) = cached
            if len(tracker.events) == count and self._last_stored_id(sender_id) == last_id:
                self._cache[sender_id] = cached  # nothing stored since: the usual case, one index lookup
                return tracker
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

    async def _write_back(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """After an outage: store the turns a conversation took meanwhile if the database still holds exactly the
        version they continue (returns the tracker), else drop the copy (returns None; the database wins)."""
        tracker, base = self._offline[sender_id]
        expected = base if base is not None else (0, None)  # no base: only onto a conversation with nothing stored
        if self._stored_version(sender_id)[:2] != expected:
            self._offline.pop(sender_id, None)
            logger.warning("tracker_store.recovered offline_turns=dropped reason=conversation_changed")
            return None
        await self._append(tracker, expected)
        self._offline.pop(sender_id, None)
        logger.info("tracker_store.recovered offline_turns=stored")
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
        """Redact, store the new events, then remember the tracker with the database's new version; during an
        outage, keep the tracker in memory until the database is back."""
        sender_id = tracker.sender_id
        offline = self._offline.get(sender_id)
        cached = self._cache.pop(sender_id, None)
        try:
            if offline is not None and offline[0] is tracker:
                if await self._write_back(sender_id) is None:
                    return  # the conversation changed in the database meanwhile: it wins
            else:
                # The version this turn started from, vouched for by the cache, else read now (as Rasa counts it).
                vouched = cached is not None and cached[0] is tracker
                await self._append(tracker, cached[1] if vouched else self._stored_version(sender_id)[:2])
        except SQLAlchemyError as error:
            self._outage("save", sender_id, error)
            if offline is None or offline[0] is not tracker:
                self._keep_offline(tracker, cached[1] if cached is not None and cached[0] is tracker else None)
            return
        self._notice_due.pop(sender_id, None)

    async def _append(self, tracker: DialogueStateTracker, version: Tuple[int, Optional[int]]) -> None:
        """Store the tracker's events after the stored `version` — the rows Rasa's SQLTrackerStore.save would add —
        redacted, then stream them to the event broker if there is one and cache the tracker with the new version. With a
        version the cache vouches for (read at the start of this turn, under the lock store's lock) this skips the
        count query before and the version query after every save."""
        count, last_id = version
        new_events = list(itertools.islice(tracker.events, count, None))
        redact_user_messages(tracker, count)  # the stored ones were redacted when they were stored
        with self.session_scope() as session:
            rows = [self._row(tracker.sender_id, event) for event in new_events]
            session.add_all(rows)
            session.commit()
            new_last = rows[-1].id if rows else last_id
        if self.event_broker is not None:  # after the commit: a failed write streams nothing, its retry streams once
            await self._stream_new_events(self.event_broker, new_events, tracker.sender_id)
        if len(tracker.events) != count + len(rows) or any(isinstance(event, SessionStarted) for event in new_events):
            self._remember(tracker)  # the tracker spans more than the stored session: ask the database
        else:
            self._cache_tracker(tracker, (count + len(rows), new_last))

    def _row(self, sender_id: Text, event: Event) -> Any:
        """The events-table row Rasa's SQLTrackerStore.save writes for an event."""
        data = event.as_dict()
        return self.SQLEvent(
            sender_id=sender_id,
            type_name=event.type_name,
            timestamp=data.get("timestamp"),
            intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
            action_name=data.get("name"),
            data=json.dumps(data),
        )

    def _outage(self, operation: str, sender_id: Text, error: Exception) -> None:
        """Log an unreachable database (the error's type only: messages can quote user text) and owe a notice."""
        logger.warning("tracker_store.unavailable operation=%s error=%s", operation, type(error).__name__)
        _put_bounded(self._notice_due, sender_id, self._notice_due.get(sender_id, False), MAX_OFFLINE_TRACKERS)

    def _keep_offline(self, tracker: DialogueStateTracker, base: Version) -> None:
        _put_bounded(self._offline, tracker.sender_id, (tracker, base), MAX_OFFLINE_TRACKERS)

    def take_outage_notice(self, sender_id: Text) -> bool:
        """True once per outage for a conversation whose storage failed (the channel then tells the user)."""
        if self._notice_due.get(sender_id) is False:
            self._notice_due[sender_id] = True
            return True
        return False

    def _remember(self, tracker: DialogueStateTracker) -> None:
        count, last_id, _ = self._stored_version(tracker.sender_id)
        if len(tracker.events) != count:
            return  # the tracker also holds an earlier session's events: next time, load the session afresh
        self._cache_tracker(tracker, (count, last_id))

    def _cache_tracker(self, tracker: DialogueStateTracker, version: Tuple[int, Optional[int]]) -> None:
        _put_bounded(self._cache, tracker.sender_id, (tracker, version), self._cache_size)

    def forget(self, sender_id: Text) -> None:
        """Drop a conversation from the cache (after deleting it from the database)."""
        self._cache.pop(sender_id, None)
        self._offline.pop(sender_id, None)


def _put_bounded(mapping: "OrderedDict[Text, Any]", key: Text, value: Any, limit: int) -> None:
    """Set `key` as the most recently used entry, dropping the least recently used beyond `limit`."""
    mapping[key] = value
    mapping.move_to_end(key)
    while len(mapping) > limit:
        mapping.popitem(last=False)


def unwrap(store: Any, kind: Type[Any]) -> Any:
    """The `kind` of store inside Rasa's wrappers (FailSafeTrackerStore, AwaitableTrackerStore), or None."""
    for _ in range(5):
        if isinstance(store, kind):
            return store
        store = getattr(store, "_tracker_store", None) or getattr(store, "_tracker_store_impl", None)
    return None


def find_caching_store(store: Any) -> Optional[CachingSQLTrackerStore]:
    """Our store inside Rasa's wrappers, if that is the store in use."""
    return unwrap(store, CachingSQLTrackerStore)
