"""bot.tracker_store: the cached SQL tracker store agrees with the database, always."""

from __future__ import annotations

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
