"""Shared fixtures. Tests never touch the network; model tests load the trained model from models/."""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

from bot.tools.serve import free_port

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MODEL_PATH = PROJECT_ROOT / "models" / "assistant.tar.gz"
SAFETY_DIR = Path(__file__).resolve().parent / "safety"


def read_tsv(path: Path) -> List[Dict[str, str]]:
    """Rows of a tab-separated file with a header (no quoting)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "model: needs the trained model in models/ (run `make train` first)")


@pytest.fixture(scope="session")
def action_server() -> Iterator[str]:
    """A real rasa_sdk action server on a free loopback port, for the duration of the session."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("the action server exited on start")
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError("the action server did not start within 60 s")
    yield f"http://127.0.0.1:{port}/webhook"
    process.terminate()
    process.wait(timeout=10)


class AgentRunner:
    """A trained agent plus the event loop it runs in (the tests themselves stay synchronous)."""

    def __init__(self, action_url: str) -> None:
        import asyncio

        from rasa.core.agent import load_agent
        from rasa.core.utils import AvailableEndpoints
        from rasa.utils.endpoints import EndpointConfig

        import logging

        from rasa.utils.log_utils import configure_structlog

        configure_structlog(logging.WARNING)  # Rasa logs every prediction at debug level otherwise
        if not MODEL_PATH.exists():
            raise RuntimeError(f"no trained model at {MODEL_PATH}: run `make train`")
        self.loop = asyncio.new_event_loop()
        endpoints = AvailableEndpoints(action=EndpointConfig(action_url))
        self.agent = self.loop.run_until_complete(load_agent(str(MODEL_PATH), endpoints=endpoints))
        self._senders = 0

    def new_sender(self) -> str:
        self._senders += 1
        return f"test-{self._senders}"

    def say(self, text: str, sender: str) -> list:
        """The bot's messages for one user message."""
        return self.loop.run_until_complete(self.agent.handle_text(text, sender_id=sender)) or []

    def parse(self, text: str) -> dict:
        return self.loop.run_until_complete(self.agent.parse_message(text))

    def tracker(self, sender: str):
        return self.loop.run_until_complete(self.agent.tracker_store.retrieve(sender))


@pytest.fixture(scope="session")
def agent_with_actions(action_server: str) -> AgentRunner:
    """The trained model talking to a real action server."""
    return AgentRunner(action_server)


@pytest.fixture(scope="session")
def agent_without_actions() -> AgentRunner:
    """The trained model with its action server unreachable (a port nobody listens on)."""
    return AgentRunner(f"http://127.0.0.1:{free_port()}/webhook")
