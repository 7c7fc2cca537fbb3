"""Faults: the action server down, slow, and back again — crisis replies unaffected, other messages get a clear
degraded reply, and normal answers resume without a restart."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Iterator

import pytest
from aiohttp import web

from bot.tools.serve import free_port, start_action_server, stop
from bot.tools.soak import SOAK_ACTION_MESSAGE
from tests.conftest import AgentRunner

pytestmark = pytest.mark.model

# A message that needs the action server: a training example of compare_care_levels, so a retrain cannot move it to
# an intent answered without the action server (tests/test_soak.py checks that it calls the action).
COMPARE = SOAK_ACTION_MESSAGE
UNAVAILABLE = "I can't look that up right now"
CRISIS = "I have my pills lined up and I'm going to take all of them tonight"  # not in the training data


def _say(runner: AgentRunner, text: str, sender: str) -> list:
    """One message through the agent as the REST channel delivers it (with its input channel)."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    output = CollectingOutputChannel()
    runner.loop.run_until_complete(runner.agent.handle_message(UserMessage(text, output, sender, input_channel="rest")))
    return output.messages


def _texts(messages: list) -> str:
    return "\n".join(message.get("text") or "" for message in messages)


@pytest.fixture(scope="module")
def agent_and_port() -> Iterator[tuple]:
    """An agent whose action server port is known but, at first, nobody listens on it."""
    port = free_port()
    yield AgentRunner(f"http://127.0.0.1:{port}/webhook"), port


def test_action_server_down_gives_a_degraded_reply_then_answers_resume(agent_and_port: tuple) -> None:
    runner, port = agent_and_port
    sender = runner.new_sender()
    degraded = _texts(_say(runner, COMPARE, sender))
    assert UNAVAILABLE in degraded and '"help"' in degraded
    crisis = _texts(runner.say(CRISIS, runner.new_sender()))
    assert "988" in crisis and "911" in crisis
    process = start_action_server(port)
    try:
        resumed = _texts(_say(runner, COMPARE, sender))
    finally:
        stop([process])
    assert UNAVAILABLE not in resumed
    assert "Partial hospitalization (PHP) vs Intensive outpatient (IOP)" in resumed


def test_slow_action_server_times_out_into_the_degraded_reply(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa.core.actions.action as rasa_actions

    port = free_port()
    started = threading.Event()
    loop = asyncio.new_event_loop()

    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(30)
        return web.json_response({"events": [], "responses": []})

    async def serve() -> None:
        app = web.Application()
        app.router.add_post("/webhook", slow)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        started.set()

    thread = threading.Thread(target=lambda: (loop.run_until_complete(serve()), loop.run_forever()), daemon=True)
    thread.start()
    started.wait(10)
    monkeypatch.setattr(rasa_actions, "DEFAULT_REQUEST_TIMEOUT", 2)
    runner = AgentRunner(f"http://127.0.0.1:{port}/webhook")
    began = time.perf_counter()
    reply = _texts(_say(runner, COMPARE, runner.new_sender()))
    assert UNAVAILABLE in reply
    assert time.perf_counter() - began < 15
    loop.call_soon_threadsafe(loop.stop)
