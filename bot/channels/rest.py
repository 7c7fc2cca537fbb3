"""The REST channel, at the same address as Rasa's (`POST /webhooks/rest/webhook`), made safe to retry and strict
about its input.

  {"sender": "conversation id", "message": "text", "message_id": "optional idempotency key", "metadata": {...}}

- A retried request with a `message_id` the conversation already holds is answered from the stored conversation
  instead of being processed again, so a client may retry on another replica after a failure without losing or
  doubling a message.
- Server-to-server only: every request must carry the shared token, `Authorization: Bearer <token>`, else 401.
  The token is REST_TOKEN from the environment, or a random one kept in var/rest_token (`make run` prints it).
- Malformed requests get a 400 with a clear reason; a failure while answering gets a 503 — never a 500 — unless
  the message states a risk, which gets the crisis reply (bot.channels.delivery); the user's text is never written
  to the log (Rasa's REST channel logs it on failure).
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.commands import delete_if_requested
from bot.channels.delivery import Outcome, deliver
from bot.channels.session_tokens import load_secret
from bot.rate_limit import SLOW_DOWN, RateLimiter
from bot.sources import PROJECT_ROOT

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 128
MAX_MESSAGE_ID_CHARS = 128
MAX_MESSAGE_CHARS = 20_000
TOKEN_FILE = PROJECT_ROOT / "var" / "rest_token"


def rest_token() -> str:
    """The shared token REST clients must send (REST_TOKEN, else var/rest_token, created on first use)."""
    return load_secret(TOKEN_FILE, "REST_TOKEN").decode()


def authorized(header: Optional[str], token: str) -> bool:
    """Whether an Authorization header carries the shared token (constant-time comparison)."""
    if not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header[len("Bearer ") :].strip().encode(), token.encode())


def parse_request(body: bytes) -> Tuple[Optional[Dict[str, Any]], Optional[str]]:
    """The validated request, or None and the reason it was refused."""
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        return None, "The body must be JSON."
    if not isinstance(data, dict):
        return None, "The body must be a JSON object."
    sender = data.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return None, f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters."
    message = data.get("message")
    if not isinstance(message, str):
        return None, "'message' must be a string."
    if len(message) > MAX_MESSAGE_CHARS:
        return None, f"'message' must be at most {MAX_MESSAGE_CHARS} characters."
    message_id = data.get("message_id")
    if message_id is not None and (not isinstance(message_id, str) or not message_id or len(message_id) > MAX_MESSAGE_ID_CHARS):
        return None, f"'message_id' must be a non-empty string of at most {MAX_MESSAGE_ID_CHARS} characters."
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        return None, "'metadata' must be an object."
    return {"sender": sender, "message": message, "message_id": message_id, "metadata": metadata or {}}, None


def replies_to(events: List[Any], message_id: str) -> Optional[List[Dict[str, Any]]]:
    """The bot messages that answered the user message `message_id`, or None if it is not in the conversation.

    A message can be stored more than once: when the two-stage fallback takes it as the rephrase of an unclear
    message, Rasa reverts it and logs it again under the same id. Its answer is what followed the last copy."""
    replies: Optional[List[Dict[str, Any]]] = None
    collecting = False
    for event in events:
        if isinstance(event, UserUttered):
            collecting = event.message_id == message_id
            if collecting:
                replies = []
        elif isinstance(event, BotUttered) and collecting and replies is not None:
            message = {"recipient_id": None, "text": event.text}
            for key in ("buttons", "image", "custom", "attachment"):
                if event.data.get(key):
                    message[key] = event.data[key]
            replies.append(message)
    return replies


class IdempotentRestInput(InputChannel):
    """REST input that validates requests and answers retries from the stored conversation."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls()

    def __init__(self, token: Optional[str] = None, limiter: Optional[RateLimiter] = None) -> None:
        self.token = token or rest_token()
        self.limiter = limiter or RateLimiter.from_environment()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("idempotent_rest_webhook", __name__)

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not authorized(request.headers.get("Authorization"), self.token):
                return response.json(
                    {"error": "This endpoint needs the shared token: Authorization: Bearer <token>."}, status=401
                )
            data, problem = parse_request(request.body)
            if data is None:
                return response.json({"error": problem}, status=400)
            sender, message_id = data["sender"], data["message_id"]
            if not self.limiter.allow(sender, request.remote_addr or request.ip, data["message"]):
                return response.json({"error": SLOW_DOWN}, status=429, headers={"Retry-After": "5"})
            agent = request.app.ctx.agent
            deleted = await delete_if_requested(agent, sender, data["message"])
            if deleted is not None:
                return response.json([{"recipient_id": sender, "text": deleted}])
            if message_id is None or not agent.is_ready():
                return await answer(agent, on_new_message, data, sender, message_id)
            # The replay check and the answer hold the conversation's lock together: a retry that reaches another
            # replica while the first attempt is still being answered waits for it, then finds it stored.
            async with agent.lock_store.lock(sender):
                try:
                    tracker = await agent.tracker_store.retrieve(sender)
                except Exception:
                    logger.warning("rest.replay.tracker_unavailable")
                    return response.json({"error": "The conversation store is unavailable; please retry."}, status=503)
                previous = replies_to(list(tracker.events), message_id) if tracker else None
                if previous is not None:
                    for message in previous:
                        message["recipient_id"] = sender
                    return response.json(previous)
                # Rasa's own handler would take the same lock again: the processor answers under the one held here.
                return await answer(agent, agent.processor.handle_message, data, sender, message_id)

        async def answer(
            agent: Any, handler: Callable[[UserMessage], Awaitable[Any]], data: Dict[str, Any], sender: str, message_id: Optional[str]
        ) -> HTTPResponse:
            collector = CollectingOutputChannel()
            outcome = await deliver(
                agent,
                handler,
                UserMessage(data["message"], collector, sender, input_channel=self.name(), metadata=data["metadata"], message_id=message_id),
            )
            if outcome is Outcome.FAILED:  # nothing was stored: the client may retry, here or on another replica
                return response.json({"error": "The assistant could not answer right now; please retry."}, status=503)
            return response.json(collector.messages)

        return blueprint
