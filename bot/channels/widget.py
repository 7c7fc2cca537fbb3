"""The website widget's channel: socket.io with server-issued sessions, plus the widget's own files.

Rasa's socketio channel takes the conversation id from the browser on every message, so anyone can write into any
conversation whose id they know. Here the server mints the id, hands the browser a signed token
(bot.channels.session_tokens), and maps each socket to its conversation on the server side; messages carry no id.

Routes (under /widget): `/` a demo page, `/widget.js` the widget (with the helpline table built in, so "Get help now"
works without a round trip), `/widget.css`, `/socket.io.min.js` (socket.io-client from npm), and the socket.io
endpoint `/widget/socket.io`.

Configuration (credentials.yml `bot.channels.widget.WidgetInput:` or environment):
  WIDGET_ALLOWED_ORIGINS  comma-separated origins allowed to open the socket (default: this server's own)
  WIDGET_SECRET           token signing key (default: a random key kept in var/widget_secret)
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels import session_tokens
from bot.channels.commands import delete_if_requested
from bot.channels.delivery import deliver
from bot.rate_limit import SLOW_DOWN, RateLimiter
from bot.safety.categories import RISK_CATEGORIES
from bot.safety.dialogue import ASK_SAFE_NOW, CHECK_IN, NOT_SAFE_REPLY, RECHECK
from bot.safety.helplines import DEFAULT_COUNTRY, HELPLINES
from bot.sources import PROJECT_ROOT

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
SOCKET_IO_CLIENT = PROJECT_ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
SECRET_FILE = PROJECT_ROOT / "var" / "widget_secret"
MAX_MESSAGE_CHARS = 5_000
MAX_HISTORY = 200

CRISIS_ACTIONS = {category.response for category in RISK_CATEGORIES.values()} | {NOT_SAFE_REPLY, "utter_help_now"}
CHECK_ACTIONS = {ASK_SAFE_NOW, RECHECK, CHECK_IN}


def message_kind(utter_action: Optional[str]) -> str:
    """How the widget should show a bot message: "crisis", "check" (are you safe?) or "normal"."""
    if utter_action in CRISIS_ACTIONS:
        return "crisis"
    if utter_action in CHECK_ACTIONS:
        return "check"
    return "normal"


def bot_payload(message: Dict[str, Any]) -> Dict[str, Any]:
    """What the widget receives for one bot message (text is shown as text, never as HTML)."""
    buttons = [
        {"title": str(button.get("title", "")), "payload": str(button.get("payload", ""))}
        for button in message.get("buttons") or []
    ]
    return {"text": message.get("text") or "", "buttons": buttons, "kind": message_kind(message.get("utter_action"))}


def helplines_json() -> str:
    """The helpline table as the widget needs it (built into widget.js)."""
    table = {}
    for code, country in HELPLINES.items():
        lines = [{"name": "Emergency", "contact": country.emergency, "note": ""}]
        for line in [*country.crisis_lines(), country.poison, *( [country.treatment] if country.treatment else [])]:
            lines.append({"name": line.name, "contact": line.contact, "note": line.note})
        table[code] = {"name": country.name, "lines": lines}
    return json.dumps({"default": DEFAULT_COUNTRY, "countries": table}, ensure_ascii=False)


def history_from_events(events: List[Any]) -> List[Dict[str, Any]]:
    """The visible transcript of a conversation, for a reloaded page."""
    transcript: List[Dict[str, Any]] = []
    for event in events:
        if isinstance(event, UserUttered) and event.text is not None:
            display = (event.metadata or {}).get("display") if isinstance(event.metadata, dict) else None
            transcript.append({"sender": "user", "text": str(display or event.text)})
        elif isinstance(event, BotUttered) and (event.text or event.data.get("buttons")):
            transcript.append({"sender": "bot", **bot_payload({**event.data, "text": event.text, **(event.metadata or {})})})
    return transcript[-MAX_HISTORY:]


class WidgetOutput(OutputChannel):
    """Sends bot messages to one browser socket as `bot_uttered` events."""

    @classmethod
    def name(cls) -> Text:
        return "widget"

    def __init__(self, sio: AsyncServer, socket_id: str) -> None:
        self.sio = sio
        self.socket_id = socket_id

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """One event per bot message, with its buttons and kind (no splitting at blank lines)."""
        await self.sio.emit("bot_uttered", bot_payload(message), room=self.socket_id)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """Plain text (used by Rasa for a few built-in messages)."""
        await self.send_response(recipient_id, {"text": text, **kwargs})


class WidgetInput(InputChannel):
    """socket.io input for the website widget, with sessions minted by the server."""

    @classmethod
    def name(cls) -> Text:
        return "widget"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        origins = os.environ.get("WIDGET_ALLOWED_ORIGINS") or credentials.get("allowed_origins") or ""
        allowed = [origin.strip() for origin in str(origins).split(",") if origin.strip()]
        return cls(allowed_origins=allowed or None)

    def __init__(self, allowed_origins: Optional[List[str]] = None, secret: Optional[bytes] = None) -> None:
        # None lets python-socketio accept only the server's own origin.
        self.allowed_origins = allowed_origins
        self.secret = secret or session_tokens.load_secret(SECRET_FILE)
        self.sessions: Dict[str, str] = {}  # socket id → conversation id
        self.addresses: Dict[str, str] = {}  # socket id → client address
        self.limiter = RateLimiter.from_environment()
        self._app: Any = None

    def url_prefix(self) -> Text:
        return "/widget"

    async def _history(self, session_id: str) -> List[Dict[str, Any]]:
        agent = getattr(getattr(self._app, "ctx", None), "agent", None)
        if agent is None or agent.tracker_store is None:
            return []
        try:
            tracker = await agent.tracker_store.retrieve(session_id)
        except Exception:  # a history we cannot read must not stop the chat
            logger.warning("widget.history.unavailable")
            return []
        return history_from_events(list(tracker.events)) if tracker else []

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The widget's files and its socket.io endpoint."""
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=self.allowed_origins)
        blueprint = SocketBlueprint(sio, "/widget/socket.io", "widget", __name__)

        @blueprint.listener("after_server_start")
        async def remember_app(app: Any, _: Any) -> None:
            self._app = app

        @blueprint.route("/", methods=["GET"])
        async def demo(_: Request) -> HTTPResponse:
            return await response.file(str(STATIC_DIR / "demo.html"), mime_type="text/html")

        @blueprint.route("/widget.js", methods=["GET"])
        async def script(_: Request) -> HTTPResponse:
            source = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
            return response.text(
                source.replace("/*HELPLINES*/null", helplines_json()),
                content_type="application/javascript; charset=utf-8",
            )

        @blueprint.route("/widget.css", methods=["GET"])
        async def style(_: Request) -> HTTPResponse:
            return await response.file(str(STATIC_DIR / "widget.css"), mime_type="text/css")

        @blueprint.route("/socket.io.min.js", methods=["GET"])
        async def socket_client(_: Request) -> HTTPResponse:
            if not SOCKET_IO_CLIENT.exists():
                return response.text("socket.io-client is not installed: run `make install`", status=503)
            return await response.file(str(SOCKET_IO_CLIENT), mime_type="application/javascript")

        @sio.on("session_request")
        async def session_request(sid: str, data: Any = None, *_: Any) -> None:
            token = data.get("token") if isinstance(data, dict) else None
            session_id = session_tokens.verify(token, self.secret) or session_tokens.new_session_id()
            self.sessions[sid] = session_id
            history = await self._history(session_id)
            await sio.emit(
                "session_confirm",
                {"token": session_tokens.issue(session_id, self.secret), "history": history},
                room=sid,
            )

        @sio.on("user_uttered")
        async def user_uttered(sid: str, data: Any = None, *_: Any) -> None:
            session_id = self.sessions.get(sid)
            if session_id is None:
                await sio.emit("widget_error", {"message": "The session has not started yet. Please reload."}, room=sid)
                return
            text = data.get("message") if isinstance(data, dict) else None
            if not isinstance(text, str):
                await sio.emit("widget_error", {"message": "That message could not be read."}, room=sid)
                return
            if not self.limiter.allow(session_id, self.addresses.get(sid), text):
                await sio.emit("bot_uttered", bot_payload({"text": SLOW_DOWN}), room=sid)
                return
            agent = getattr(getattr(self._app, "ctx", None), "agent", None)
            deleted = await delete_if_requested(agent, session_id, text) if agent is not None else None
            if deleted is not None:
                await sio.emit("bot_uttered", bot_payload({"text": deleted}), room=sid)
                return
            display = data.get("display") if isinstance(data.get("display"), str) else None
            metadata = {"display": display[:200]} if display else {}
            await deliver(
                agent,
                on_new_message,
                UserMessage(text[:MAX_MESSAGE_CHARS], WidgetOutput(sio, sid), session_id, input_channel=self.name(), metadata=metadata),
            )

        @sio.on("connect")
        async def connect(sid: str, environ: Dict[str, Any], *_: Any) -> None:
            request = environ.get("sanic.request") if isinstance(environ, dict) else None
            address = (getattr(request, "remote_addr", None) or getattr(request, "ip", None)) if request else None
            if address:
                self.addresses[sid] = address

        @sio.on("disconnect")
        async def disconnect(sid: str) -> None:
            self.sessions.pop(sid, None)
            self.addresses.pop(sid, None)

        return blueprint
