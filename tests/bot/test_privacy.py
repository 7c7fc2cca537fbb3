"""bot.privacy: redaction, the delete command, deletion and retention — against SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import EMAIL_MARK, NUMBER_MARK, delete_conversation, is_delete_request, purge_older_than, redact
from bot.tools import privacy as privacy_cli
from bot.tracker_store import CachingSQLTrackerStore

DOMAIN = Domain.from_yaml('version: "3.1"\nintents: [ask]\nresponses:\n  utter_ok: [{text: ok}]\n')


@pytest.mark.parametrize(
    "text, kept, removed",
    [
        ("call me on 555-867-5309 tonight", "call me on", "867"),
        ("my cell is (416) 555 0199", "my cell is", "0199"),
        ("UK mobile +44 7700 900123", "UK mobile", "900123"),
        ("write to jo.smith+benzo@example.co.uk please", "write to", "example"),
        ("card 4111 1111 1111 1111", "card", "4111"),
        ("member id 123456789", "member id", "123456789"),
    ],
)
def test_identifiers_are_redacted(text: str, kept: str, removed: str) -> None:
    cleaned = redact(text)
    assert kept in cleaned and removed not in cleaned
    assert NUMBER_MARK in cleaned or EMAIL_MARK in cleaned


@pytest.mark.parametrize(
    "text",
    ["I take 0.5 mg twice a day", "tapering since 2024-03-01", "day 14 of withdrawal", "I'm 45 and on 2mg", "1 800 pills? no"],
)
def test_doses_dates_and_small_numbers_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text", ["delete my conversation", "Please delete this chat.", "/delete", "forget me", "erase my chat history", "wipe my data now"]
)
def test_delete_requests_are_recognised(text: str) -> None:
    assert is_delete_request(text)


@pytest.mark.parametrize(
    "text",
    [
        "how do I delete my conversation with my doctor about tapering",
        "can benzos make me forget my conversation",
        "delete",
        "I want to delete my life",
        "",
    ],
)
def test_other_messages_are_not_delete_requests(text: str) -> None:
    assert not is_delete_request(text)


# --- deletion and retention against both databases ------------------------------------------------------------

def _sqlite_store(tmp_path: Path) -> CachingSQLTrackerStore:
    return CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "privacy.db"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CachingSQLTrackerStore]:
    """The cached SQL tracker store on SQLite, and on the machine's PostgreSQL in a database of its own."""
    if request.param == "sqlite":
        yield _sqlite_store(tmp_path)
        return
    sqlalchemy = pytest.importorskip("sqlalchemy")
    database = f"benzo_test_privacy_{uuid.uuid4().hex[:8]}"
    try:
        store = CachingSQLTrackerStore(
            DOMAIN, dialect="postgresql", host="127.0.0.1", port=5432, username="postgres", db=database, login_db="postgres"
        )
    except Exception as error:  # the machine kind provides PostgreSQL; say so plainly if it is not running
        pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is not reachable: {error}")
    yield store
    store.engine.dispose()
    admin = sqlalchemy.create_engine("postgresql://postgres@127.0.0.1:5432/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{database}"'))
    admin.dispose()


async def _conversation(store: CachingSQLTrackerStore, sender: str, text: str, timestamp: float) -> None:
    tracker = DialogueStateTracker.from_events(sender, [], DOMAIN.slots)
    for event in [
        ActionExecuted("action_listen", timestamp=timestamp),
        UserUttered(text, {"name": "ask", "confidence": 1.0}, timestamp=timestamp, parse_data={"text": text}),
        ActionExecuted("utter_ok", timestamp=timestamp),
        BotUttered("ok", timestamp=timestamp),
    ]:
        tracker.update(event)
    await store.save(tracker)


def _stored_rows(store: CachingSQLTrackerStore, sender: str) -> list:
    with store.session_scope() as session:
        return [row.data for row in session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender).all()]


async def test_stored_messages_are_redacted(store: CachingSQLTrackerStore) -> None:
    await _conversation(store, "alice", "my number is 555-867-5309 and mail is a.b@example.org", 1_700_000_000)
    stored = " ".join(_stored_rows(store, "alice"))
    assert "867-5309" not in stored and "example.org" not in stored
    assert NUMBER_MARK in stored and EMAIL_MARK in stored
    user = [json.loads(row) for row in _stored_rows(store, "alice") if json.loads(row)["event"] == "user"][0]
    assert user["parse_data"]["text"] == user["text"]


async def test_delete_removes_one_conversation_only(store: CachingSQLTrackerStore) -> None:
    await _conversation(store, "alice", "hello", 1_700_000_000)
    await _conversation(store, "bob", "hello", 1_700_000_000)
    assert await store.retrieve("alice") is not None  # now cached
    assert delete_conversation(store, "alice") == 4
    assert _stored_rows(store, "alice") == []
    assert await store.retrieve("alice") is None
    assert len(_stored_rows(store, "bob")) == 4
    assert delete_conversation(store, "nobody") == 0


async def test_purge_removes_only_conversations_idle_longer_than_the_limit(store: CachingSQLTrackerStore) -> None:
    now = 1_800_000_000.0
    await _conversation(store, "old", "hello", now - 40 * 86400)
    await _conversation(store, "recent", "hello", now - 2 * 86400)
    assert purge_older_than(store, 30, now=now) == ["old"]
    assert _stored_rows(store, "old") == [] and len(_stored_rows(store, "recent")) == 4
    assert purge_older_than(store, 30, now=now) == []


async def test_cli_deletes_and_purges_the_default_profile_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    database = tmp_path / "cli.db"
    monkeypatch.setenv("SQLITE_PATH", str(database))
    store = CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(database))
    await _conversation(store, "alice", "hello", 1_000_000.0)
    await _conversation(store, "bob", "hello", 1_000_000.0)
    assert privacy_cli.main(["delete", "alice"]) == 0
    assert "Deleted 4 events" in capsys.readouterr().out
    assert privacy_cli.main(["purge", "--days", "30"]) == 0
    assert "Purged 1 conversation" in capsys.readouterr().out
    assert _stored_rows(store, "bob") == []
