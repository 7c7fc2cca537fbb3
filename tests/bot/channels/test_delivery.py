"""bot.channels.delivery: a failure inside Rasa still answers the person — with the crisis reply when it is one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.delivery import ANSWER_FAILED, STORE_UNAVAILABLE_NOTICE, Outcome, deliver, failure_reply
from bot.safety.helplines import helplines_for
from bot.tracker_store import CachingSQLTrackerStore

# Not in the training data (tests/test_training_data.py checks).
DELIVERY_CRISIS = "everything is pointless and tonight I plan to end my life with the pills I saved"


class _Agent:
    def __init__(self, tracker_store: Any = None) -> None:
        self.tracker_store = tracker_store


async def _failing(_: UserMessage) -> None:
    raise ConnectionError("lock store unreachable")


async def _answering(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, "an answer")


def _message(text: str) -> UserMessage:
    return UserMessage(text, CollectingOutputChannel(), "someone", input_channel="test")


async def test_failure_on_a_crisis_message_sends_the_crisis_reply() -> None:
    message = _message(DELIVERY_CRISIS)
    assert await deliver(_Agent(), _failing, message) is Outcome.CRISIS_FALLBACK
    text = message.output_channel.messages[0]["text"]
    assert helplines_for("US").crisis.contact in text and "911" in text


async def test_failure_on_an_ordinary_message_asks_to_retry_and_says_how_to_get_help() -> None:
    message = _message("how long does clonazepam withdrawal last")
    assert await deliver(_Agent(), _failing, message) is Outcome.FAILED
    assert [m["text"] for m in message.output_channel.messages] == [ANSWER_FAILED]
    assert "911" in ANSWER_FAILED and "988" in ANSWER_FAILED


def test_failure_reply_reads_only_text() -> None:
    assert failure_reply(None) == (ANSWER_FAILED, False)


async def test_answered_message_gets_no_notice_while_the_store_is_healthy(tmp_path: Path) -> None:
    from rasa.shared.core.domain import Domain

    store = CachingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "c.db"))
    message = _message("hello")
    assert await deliver(_Agent(store), _answering, message) is Outcome.ANSWERED
    assert [m["text"] for m in message.output_channel.messages] == ["an answer"]


async def test_store_outage_is_told_once_after_the_answer(tmp_path: Path) -> None:
    from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore
    from rasa.shared.core.domain import Domain

    store = CachingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "c.db"))
    store._outage("retrieve", "someone", RuntimeError())  # what the store does when the database fails
    agent = _Agent(FailSafeTrackerStore(AwaitableTrackerStore(store)))  # wrapped as Rasa wraps it
    first, second = _message("hello"), _message("hello again")
    await deliver(agent, _answering, first)
    await deliver(agent, _answering, second)
    assert [m["text"] for m in first.output_channel.messages] == ["an answer", STORE_UNAVAILABLE_NOTICE]
    assert [m["text"] for m in second.output_channel.messages] == ["an answer"]
