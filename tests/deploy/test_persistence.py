"""Default profile: conversations live in SQLite and survive a server restart, safety state and country included."""

from __future__ import annotations

import json
import tempfile
import urllib.request
from pathlib import Path
from typing import List

import pytest

from bot.tools.serve import endpoints_file, free_port, start_action_server, start_rasa, stop
from tests.conftest import MODEL_PATH

from bot.channels.rest import rest_token

pytestmark = pytest.mark.model


def say(base: str, sender: str, text: str) -> List[str]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {rest_token()}"}
    request = urllib.request.Request(f"{base}/webhooks/rest/webhook", body, headers)
    with urllib.request.urlopen(request, timeout=30) as reply:
        return [message.get("text") or "" for message in json.loads(reply.read())]


def test_a_restart_mid_conversation_keeps_history_safety_state_and_country() -> None:
    database = Path(tempfile.mkdtemp()) / "conversations.db"
    actions_port = free_port()
    actions = start_action_server(actions_port)
    endpoints = endpoints_file(actions_port, environ={"SQLITE_PATH": str(database)})
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    rasa = start_rasa(str(MODEL_PATH), "127.0.0.1", port, endpoints)
    try:
        say(base, "persist-1", "hello, I'm in the UK")
        first = " ".join(say(base, "persist-1", "i keep thinking about ending my life"))
        assert "116 123" in first
        stop([rasa])
        assert database.exists() and database.stat().st_size > 0
        rasa = start_rasa(str(MODEL_PATH), "127.0.0.1", port, endpoints)
        after = say(base, "persist-1", "how long does klonopin withdrawal last")
        assert any("Source" in text for text in after)
        # Still in the safety state after the restart: the answer is followed by a check-in.
        assert after[-1].startswith("Before we go on")
        assert "999" in " ".join(say(base, "persist-1", "get help now"))
    finally:
        stop([rasa, actions])
