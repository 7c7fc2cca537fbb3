"""bot.tracker_store: the cached SQL tracker store agrees with the database, always."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
    deserialise_events as rasa_deserialise_events,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import profiles
from bot.tracker_store import CachingSQLTrackerStore, deserialise_events

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, ask]
slots:
  country:
    type: text
    mappings: [{type: custom}]
responses:
  utter_hi: [{text: hi}]
"""
)


def _turn(number: int) -> list:
    return [
        ActionExecuted("action_listen"),
        UserUttered(f"message {number}", {"name": "ask", "confidence": 0.9}),
        ActionExecuted("utter_hi"),
        BotUttered(f"answer {number}"),
    ]


def _store(path: Path) -> CachingSQLTrackerStore:
    return CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path / "conversations.db"))


async def _save_new(store: TrackerStore, sender: str, turns: int) -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events(sender, [], DOMAIN.slots)
    for number in range(turns):
        for event in _turn(number):
            tracker.update(event)
    await store.save(tracker)
    return tracker


def test_fast_deserialisation_matches_rasa() -> None:
    events = [
        SessionStarted(),
        SlotSet("country", "GB"),
        ActiveLoop("some_form"),
        ActiveLoop(None),
        *_turn(1),
    ]
    serialised = [event.as_dict() for event in events] + [{"event": "topic", "topic": "x"}, {"no": "event"}]
    assert deserialise_events(serialised) == rasa_deserialise_events(serialised)
    with pytest.raises(ValueError):
        deserialise_events([{"event": "not_an_event"}])


async def test_retrieve_returns_the_stored_conversation(tmp_path: Path) -> None:
    store = _store(tmp_path)
    saved = await _save_new(store, "alice", 3)
    fresh = CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "conversations.db"))
    loaded = await fresh.retrieve("alice")
    assert loaded is not None and list(loaded.events) == list(saved.events)
    assert await store.retrieve("nobody") is None


async def test_unchanged_conversation_comes_from_the_cache(tmp_path: Path) -> None:
    store = _store(tmp_path)
    saved = await _save_new(store, "alice", 2)
    assert await store.retrieve("alice") is saved


async def test_turns_saved_by_another_replica_are_seen(tmp_path: Path) -> None:
    store, other_replica = _store(tmp_path), _store(tmp_path)
    saved = await _save_new(store, "alice", 2)
    theirs = await other_replica.retrieve("alice")
    for event in _turn(99):
        theirs.update(event)
    await other_replica.save(theirs)
    mine = await store.retrieve("alice")
    assert [event.text for event in mine.events if isinstance(event, UserUttered)][-1] == "message 99"
    assert list(mine.events) == list(theirs.events)
    assert mine is saved  # brought up to date by reading only the new rows, not rebuilt


async def test_unsaved_changes_of_a_failed_turn_are_not_served(tmp_path: Path) -> None:
    store = _store(tmp_path)
    tracker = await _save_new(store, "alice", 2)
    stored = len(tracker.events)
    tracker.update(UserUttered("never saved"))  # the turn failed before `save`
    again = await store.retrieve("alice")
    assert len(again.events) == stored
    assert "never saved" not in [getattr(event, "text", None) for event in again.events]


async def test_a_conversation_deleted_in_the_database_is_gone(tmp_path: Path) -> None:
    store = _store(tmp_path)
    await _save_new(store, "alice", 2)
    plain = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "conversations.db"))
    with plain.session_scope() as session:
        session.query(plain.SQLEvent).filter(plain.SQLEvent.sender_id == "alice").delete()
        session.commit()
    assert await store.retrieve("alice") is None


async def test_new_session_is_loaded_from_the_database(tmp_path: Path) -> None:
    store = _store(tmp_path)
    tracker = await _save_new(store, "alice", 2)
    for event in [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("country", "GB"), *_turn(5)]:
        tracker.update(event)
    await store.save(tracker)
    current = await store.retrieve("alice")
    assert current is not tracker
    assert isinstance(current.events[0], SessionStarted)
    assert current.get_slot("country") == "GB"


async def test_cache_is_bounded(tmp_path: Path) -> None:
    store = CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "c.db"), cache_size=3)
    for number in range(6):
        await _save_new(store, f"user-{number}", 1)
    assert len(store._cache) == 3


def test_both_profiles_configure_this_store(tmp_path: Path) -> None:
    for profile in profiles.PROFILES:
        config = profiles.endpoints(profile, "http://127.0.0.1:1/webhook", {"SQLITE_PATH": str(tmp_path / "x.db")})
        assert config["tracker_store"]["type"] == "bot.tracker_store.CachingSQLTrackerStore"
    # Rasa silently falls back to an in-memory store when a custom type fails to import: prove it does not.
    store = TrackerStore.create(
        EndpointConfig(type=profiles.TRACKER_STORE_TYPE, dialect="sqlite", db=str(tmp_path / "y.db")), DOMAIN
    )
    inner = getattr(store, "_tracker_store", store)
    assert isinstance(inner, CachingSQLTrackerStore)


class _DatabaseLock:
    """Another process holding SQLite's exclusive lock: every read and write of the store fails meanwhile."""

    def __init__(self, path: Path) -> None:
        import sqlite3

        self.connection = sqlite3.connect(str(path / "conversations.db"), isolation_level=None)

    def __enter__(self) -> "_DatabaseLock":
        self.connection.execute("BEGIN EXCLUSIVE")
        return self

    def __exit__(self, *_: object) -> None:
        self.connection.execute("ROLLBACK")
        self.connection.close()


def _outage_store(path: Path) -> CachingSQLTrackerStore:
    return CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path / "conversations.db"), busy_timeout_ms=50)


async def _save_turn_during_outage(store: CachingSQLTrackerStore, path: Path, tracker: DialogueStateTracker, number: int) -> None:
    with _DatabaseLock(path):
        for event in _turn(number):
            tracker.update(event)
        await store.save(tracker)


def _stored_rows(path: Path, sender: str) -> list:
    import sqlite3

    with sqlite3.connect(str(path / "conversations.db")) as connection:
        return connection.execute("SELECT id, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()


async def test_outage_keeps_the_conversation_in_memory_then_stores_its_turns(tmp_path: Path) -> None:
    store = _outage_store(tmp_path)
    await _save_new(store, "a", 2)
    before = _stored_rows(tmp_path, "a")
    with _DatabaseLock(tmp_path):
        tracker = await store.retrieve("a")
        assert tracker is not None and len(tracker.events) == 8  # not Rasa's empty fallback tracker
        for event in _turn(2):
            tracker.update(event)
        await store.save(tracker)  # does not raise
        assert store.take_outage_notice("a") is True
        assert store.take_outage_notice("a") is False  # once per outage
        again = await store.retrieve("a")
        assert again is tracker
    recovered = await store.retrieve("a")
    assert recovered is not None and len(recovered.events) == 12
    after = _stored_rows(tmp_path, "a")
    assert after[: len(before)] == before  # what was stored before the outage is untouched
    fresh = await _outage_store(tmp_path).retrieve("a")
    assert fresh is not None and [e.text for e in fresh.events if isinstance(e, UserUttered)] == [
        "message 0",
        "message 1",
        "message 2",
    ]
    assert store.take_outage_notice("a") is False


async def test_outage_copy_is_dropped_when_another_replica_changed_the_conversation(tmp_path: Path) -> None:
    replica_a, replica_b = _outage_store(tmp_path), _outage_store(tmp_path)
    await _save_new(replica_a, "a", 1)
    tracker = await replica_a.retrieve("a")
    await _save_turn_during_outage(replica_a, tmp_path, tracker, 7)
    other = await replica_b.retrieve("a")
    for event in _turn(1):
        other.update(event)
    await replica_b.save(other)
    stored = _stored_rows(tmp_path, "a")
    recovered = await replica_a.retrieve("a")
    assert [e.text for e in recovered.events if isinstance(e, UserUttered)] == ["message 0", "message 1"]
    assert _stored_rows(tmp_path, "a") == stored  # replica A's outage copy was not written over B's turn


async def test_new_conversation_during_an_outage_is_stored_when_the_database_returns(tmp_path: Path) -> None:
    store = _outage_store(tmp_path)
    await _save_new(store, "someone else", 1)  # creates the table
    with _DatabaseLock(tmp_path):
        assert await store.retrieve("new") is None
        tracker = await _save_new(store, "new", 1)
        assert store.take_outage_notice("new") is True
    assert await store.retrieve("new") is tracker
    assert len(_stored_rows(tmp_path, "new")) == 4


async def test_stored_conversation_not_in_memory_is_never_overwritten_after_an_outage(tmp_path: Path) -> None:
    await _save_new(_outage_store(tmp_path), "a", 2)
    restarted = _outage_store(tmp_path)  # a new process: nothing cached
    stored = _stored_rows(tmp_path, "a")
    with _DatabaseLock(tmp_path):
        assert await restarted.retrieve("a") is None  # Rasa then starts an empty tracker
        await _save_new(restarted, "a", 1)
    recovered = await restarted.retrieve("a")
    assert _stored_rows(tmp_path, "a") == stored
    assert len(recovered.events) == 8


async def test_turn_by_turn_saves_store_the_same_rows_as_rasas_sql_store(tmp_path: Path) -> None:
    import sqlite3

    ours = _store(tmp_path)
    rasas = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))
    turns = [_turn(number) for number in range(4)]  # the same events (and timestamps) for both stores
    for store in (ours, rasas):
        first = DialogueStateTracker.from_events("a", turns[0], DOMAIN.slots)
        await store.save(first)
        for number in range(1, 4):
            tracker = await store.retrieve("a")
            for event in turns[number]:
                tracker.update(event)
            await store.save(tracker)
    tracker = await ours.retrieve("a")
    tracker.update(SessionStarted())  # a new session inside a turn
    for event in _turn(9):
        tracker.update(event)
    await ours.save(tracker)
    columns = "type_name, intent_name, action_name, data"
    with sqlite3.connect(str(tmp_path / "conversations.db")) as connection:
        our_rows = connection.execute(f"SELECT {columns} FROM events WHERE sender_id = 'a' ORDER BY id").fetchall()
    with sqlite3.connect(str(tmp_path / "rasa.db")) as connection:
        rasa_rows = connection.execute(f"SELECT {columns} FROM events WHERE sender_id = 'a' ORDER BY id").fetchall()
    assert our_rows[: len(rasa_rows)] == rasa_rows and len(rasa_rows) == 16
    assert len(our_rows) == 21
    new_session = await _store(tmp_path).retrieve("a")  # a fresh process sees the new session only
    assert len(new_session.events) == 5 and len((await ours.retrieve("a")).events) == 5


async def test_event_broker_gets_every_stored_event_once_including_turns_written_after_an_outage(tmp_path: Path) -> None:
    class RecordingBroker:
        def __init__(self) -> None:
            self.bodies: list = []

        def publish(self, body: dict) -> None:
            self.bodies.append(body)

    broker = RecordingBroker()
    store = CachingSQLTrackerStore(
        DOMAIN, event_broker=broker, dialect="sqlite", db=str(tmp_path / "conversations.db"), busy_timeout_ms=50
    )
    await _save_new(store, "a", 1)
    tracker = await store.retrieve("a")
    await _save_turn_during_outage(store, tmp_path, tracker, 1)
    await store.retrieve("a")  # the database is back: the outage turn is written (and streamed) once
    stored = [json.loads(data) for _, data in _stored_rows(tmp_path, "a")]
    assert len(stored) == 8
    assert [{k: v for k, v in body.items() if k != "sender_id"} for body in broker.bodies] == stored
