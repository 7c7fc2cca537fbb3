"""The conversation store goes away mid-conversation, in both profiles: the person is told once, crisis replies are
unaffected, nothing already stored changes, and when the store returns the turns taken meanwhile are stored.

Default profile: another process holds SQLite's exclusive lock. Scale profile: PostgreSQL refuses connections to
the test's own database (ALTER DATABASE … ALLOW_CONNECTIONS false, existing connections terminated)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterator, List, Tuple

import pytest

from bot.channels.delivery import ANSWER_FAILED, STORE_UNAVAILABLE_NOTICE, Outcome, deliver
from bot.safety.dialogue import SAFETY_STATE_SLOT
from bot.tools.serve import free_port
from tests.conftest import MODEL_PATH

pytestmark = pytest.mark.model

# Not in the training data (tests/test_training_data.py checks).
OUTAGE_CRISIS = "my brother swallowed a whole strip of his klonopin and i can barely wake him up"
QUESTIONS = ["what are the symptoms of benzo withdrawal", "is a detox program the same as rehab"]
DURING = "how long does clonazepam withdrawal usually last"
AFTER = "thanks, that helps"

Outage = Callable[[], ContextManager[None]]


def _sqlite(tmp_path: Path) -> Tuple[dict, Outage, Callable[[str], List[str]], Callable[[], None]]:
    path = tmp_path / "conversations.db"
    settings = {"type": "bot.tracker_store.CachingSQLTrackerStore", "dialect": "sqlite", "db": str(path), "busy_timeout_ms": 100}

    @contextlib.contextmanager
    def outage() -> Iterator[None]:
        holder = sqlite3.connect(str(path), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()

    def rows(sender: str) -> List[str]:
        with sqlite3.connect(str(path)) as connection:
            return [data for (data,) in connection.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,))]

    return settings, outage, rows, lambda: None


def _postgresql(_: Path) -> Tuple[dict, Outage, Callable[[str], List[str]], Callable[[], None]]:
    import sqlalchemy as sa

    database = f"benzo_test_outage_{uuid.uuid4().hex[:8]}"
    settings = {
        "type": "bot.tracker_store.CachingSQLTrackerStore", "dialect": "postgresql", "url": "127.0.0.1", "port": 5432,
        "username": "postgres", "db": database, "login_db": "postgres",
    }
    admin = sa.create_engine("postgresql://postgres@127.0.0.1:5432/postgres", isolation_level="AUTOCOMMIT")

    def allow(allowed: bool) -> None:
        with admin.connect() as connection:
            connection.execute(sa.text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {str(allowed).lower()}'))
            if not allowed:
                connection.execute(
                    sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"), {"name": database}
                )

    @contextlib.contextmanager
    def outage() -> Iterator[None]:
        allow(False)
        try:
            yield
        finally:
            allow(True)

    def rows(sender: str) -> List[str]:
        engine = sa.create_engine(f"postgresql://postgres@127.0.0.1:5432/{database}")
        with engine.connect() as connection:
            result = connection.execute(sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender})
            data = [row[0] for row in result]
        engine.dispose()
        return data

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(sa.text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
            connection.execute(
                sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"), {"name": database}
            )
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}"'))
        admin.dispose()

    return settings, outage, rows, drop


class _Chat:
    """A trained agent with a given tracker store, spoken to the way the channels speak to it."""

    def __init__(self, store_settings: dict) -> None:
        from rasa.core.agent import load_agent
        from rasa.core.utils import AvailableEndpoints
        from rasa.utils.endpoints import EndpointConfig

        self.loop = asyncio.new_event_loop()
        endpoints = AvailableEndpoints(
            action=EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook"),  # answers here need no custom action
            tracker_store=EndpointConfig(**store_settings),
        )
        self.agent = self.loop.run_until_complete(load_agent(str(MODEL_PATH), endpoints=endpoints))

    def say(self, text: str, sender: str) -> Tuple[Outcome, List[str]]:
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        output = CollectingOutputChannel()
        message = UserMessage(text, output, sender, input_channel="rest")
        outcome = self.loop.run_until_complete(deliver(self.agent, self.agent.handle_message, message))
        return outcome, [m.get("text") or "" for m in output.messages]


@pytest.mark.parametrize("profile", ["default", "scale"])
def test_store_outage_mid_conversation_is_told_once_and_loses_nothing(profile: str, tmp_path: Path) -> None:
    settings, outage, rows, cleanup = (_sqlite if profile == "default" else _postgresql)(tmp_path)
    try:
        chat = _Chat(settings)
        sender, newcomer = f"outage-{profile}", f"newcomer-{profile}"
        for question in QUESTIONS:
            outcome, replies = chat.say(question, sender)
            assert outcome is Outcome.ANSWERED and replies and STORE_UNAVAILABLE_NOTICE not in replies
        stored_before = rows(sender)

        with outage():
            outcome, during = chat.say(DURING, sender)
            _, crisis = chat.say(OUTAGE_CRISIS, sender)
            _, new_conversation = chat.say("hello", newcomer)

        assert outcome is Outcome.ANSWERED and during[-1] == STORE_UNAVAILABLE_NOTICE
        assert len(during) >= 2 and ANSWER_FAILED not in during  # a real answer came first
        assert "911" in "\n".join(crisis) and "1-800-222-1222" in "\n".join(crisis)
        assert STORE_UNAVAILABLE_NOTICE not in crisis  # told once per outage
        assert new_conversation[-1] == STORE_UNAVAILABLE_NOTICE and len(new_conversation) >= 2

        _, after = chat.say(AFTER, sender)
        assert after and STORE_UNAVAILABLE_NOTICE not in after
        _, newcomer_after = chat.say(AFTER, newcomer)
        assert newcomer_after and STORE_UNAVAILABLE_NOTICE not in newcomer_after

        stored_after = rows(sender)
        assert stored_after[: len(stored_before)] == stored_before  # nothing already stored changed
        events = [json.loads(data) for data in stored_after]
        user_texts = [event["text"] for event in events if event["event"] == "user"]
        assert user_texts == [*QUESTIONS, DURING, OUTAGE_CRISIS, AFTER]  # the outage turns were stored, in order
        assert any(e["event"] == "slot" and e["name"] == SAFETY_STATE_SLOT and e["value"] for e in events)
        assert [json.loads(d)["text"] for d in rows(newcomer) if json.loads(d)["event"] == "user"] == ["hello", AFTER]
    finally:
        cleanup()
