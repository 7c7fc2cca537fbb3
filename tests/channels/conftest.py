"""A live assistant with the REST, widget and Telegram channels, against a fake Telegram Bot API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

from bot.tools.serve import endpoints_file, free_port, start_action_server, start_rasa, stop
from tests.conftest import MODEL_PATH, PROJECT_ROOT

TELEGRAM_TOKEN = "123456:TEST-TOKEN"
TELEGRAM_SECRET = "test-secret-token-1234"


@dataclass
class LiveAssistant:
    base: str
    fake_telegram: str

    def telegram_calls(self) -> List[Dict[str, Any]]:
        with urllib.request.urlopen(f"{self.fake_telegram}/_recorded", timeout=5) as reply:
            return json.loads(reply.read())

    def wait_for_call(self, predicate, seconds: float = 30) -> Dict[str, Any]:
        deadline = time.time() + seconds
        while time.time() < deadline:
            for call in self.telegram_calls():
                if predicate(call):
                    return call
            time.sleep(0.3)
        raise AssertionError("the bot made no such Telegram call")


def _wait_http(url: str, seconds: float) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


@pytest.fixture(scope="session")
def live_assistant() -> Iterator[LiveAssistant]:
    if not MODEL_PATH.exists():
        raise RuntimeError("no trained model: run `make train`")
    rasa_port, actions_port, fake_port = free_port(), free_port(), free_port()
    base = f"http://127.0.0.1:{rasa_port}"
    saved = dict(os.environ)
    # This server shows the defaults: HTTP API off, default rate limits (other fixtures may have changed them).
    for name in ("RASA_API_TOKEN", "RATE_LIMIT_PER_SENDER", "RATE_LIMIT_PER_IP", "REST_TOKEN"):
        os.environ.pop(name, None)
    os.environ.update(
        {
            "TELEGRAM_ACCESS_TOKEN": TELEGRAM_TOKEN,
            "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
            "TELEGRAM_WEBHOOK_URL": f"{base}/webhooks/telegram/webhook",
            "TELEGRAM_API_URL": f"http://127.0.0.1:{fake_port}",
            "WIDGET_ALLOWED_ORIGINS": base,
            "WIDGET_SECRET": "widget-test-secret",
        }
    )
    credentials = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
    credentials.write((PROJECT_ROOT / "credentials.yml").read_text() + "\nbot.channels.telegram.SecureTelegramInput:\n")
    credentials.close()
    actions = start_action_server(actions_port)
    endpoints = endpoints_file(actions_port, environ={"SQLITE_PATH": str(Path(tempfile.mkdtemp()) / "channels.db")})
    # Telegram is unreachable while Rasa starts: start-up must not fail, the webhook registration must retry.
    rasa = start_rasa(str(MODEL_PATH), "127.0.0.1", rasa_port, endpoints, credentials.name)
    fake = subprocess.Popen([sys.executable, "-m", "tests.channels.fake_telegram", "--port", str(fake_port)], cwd=PROJECT_ROOT)
    _wait_http(f"http://127.0.0.1:{fake_port}/_recorded", 20)
    try:
        yield LiveAssistant(base, f"http://127.0.0.1:{fake_port}")
    finally:
        stop([rasa, actions, fake])
        os.environ.clear()
        os.environ.update(saved)
        os.unlink(credentials.name)
        os.unlink(endpoints)
