"""Telegram, on Rasa's connector, mended where it falls short for a health service.

Rasa 3.6's TelegramInput calls `getMe` on every update to "verify" it, trusts any caller of the webhook, registers
the webhook at start-up and crashes the server if Telegram cannot be reached, and splits answers at blank lines.
Here:
  - the Bot API base URL is configurable (Telegram's by default, or a self-hosted Bot API server);
  - `setWebhook` is called with a `secret_token`, and every update without the matching
    `X-Telegram-Bot-Api-Secret-Token` header is rejected with 403 before it is read; no `getMe` per update;
  - registering the webhook happens in the background after start-up, retried with backoff and a clear log line;
  - buttons become inline keyboards (long payloads are carried by a short code, since `callback_data` holds 64
    bytes); long answers are split at paragraph, line or sentence ends under Telegram's 4,096-character limit;
    text is sent plain (no Markdown parsing), so helpline numbers arrive exactly as written.

Configuration comes from the environment (see README): TELEGRAM_ACCESS_TOKEN, TELEGRAM_WEBHOOK_URL,
TELEGRAM_SECRET_TOKEN and optionally TELEGRAM_API_URL.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Update
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.commands import delete_if_requested
from bot.channels.delivery import deliver
from bot.rate_limit import SLOW_DOWN, RateLimiter

logger = logging.getLogger(__name__)

TELEGRAM_LIMIT = 4096
CALLBACK_LIMIT = 64
DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
RETRY_DELAYS_S = (2, 5, 15, 30, 60, 120, 300)


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> List[str]:
    """Parts of at most `limit` characters, cut at a paragraph, line, sentence or word end when possible."""
    text = text.strip()
    parts: List[str] = []
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut >= limit // 2 else window.rfind(" ")
        if cut <= 0:
            cut = limit
        parts.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        parts.append(text)
    return parts


class CallbackCodec:
    """Button payloads ↔ `callback_data` (≤ 64 bytes): short payloads as they are, long ones as a hash code."""

    def __init__(self) -> None:
        self._long: Dict[str, str] = {}

    @staticmethod
    def _code(payload: str) -> str:
        return "q:" + hashlib.sha256(payload.encode()).hexdigest()[:16]

    def encode(self, payload: str) -> str:
        """The callback_data for a payload (remembering long ones)."""
        if len(payload.encode()) <= CALLBACK_LIMIT and not payload.startswith("q:"):
            return payload
        code = self._code(payload)
        self._long[code] = payload
        return code

    def remember(self, payloads: List[str]) -> None:
        """Learn payloads up front (e.g. every button in the domain), so codes survive a restart."""
        for payload in payloads:
            self.encode(payload)

    def decode(self, data: str) -> Optional[str]:
        """The payload for callback_data, or None for a code this server does not know."""
        if data.startswith("q:"):
            return self._long.get(data)
        return data


class SecureTelegramOutput(Bot, OutputChannel):
    """Sends plain-text replies, split cleanly, with inline keyboards for buttons."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(self, access_token: str, api_url: str, codec: CallbackCodec) -> None:
        super().__init__(access_token, server=TelegramAPIServer.from_base(api_url), validate_token=False)
        self.codec = codec

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in split_message(text):
            await self.send_message(recipient_id, part)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        parts = split_message(text) or [""]
        for part in parts[:-1]:
            await self.send_message(recipient_id, part)
        keyboard = InlineKeyboardMarkup()
        for button in buttons:
            keyboard.row(InlineKeyboardButton(str(button["title"]), callback_data=self.codec.encode(str(button["payload"]))))
        await self.send_message(recipient_id, parts[-1], reply_markup=keyboard)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        logger.debug("telegram.custom_json.ignored")


class SecureTelegramInput(InputChannel):
    """Telegram webhook that only accepts updates carrying the secret token."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}

        def setting(key: str, env: str, default: Optional[str] = None) -> Optional[str]:
            return credentials.get(key) or os.environ.get(env) or default

        token = setting("access_token", "TELEGRAM_ACCESS_TOKEN")
        secret = setting("secret_token", "TELEGRAM_SECRET_TOKEN")
        if not token or not secret:
            cls.raise_missing_credentials_exception()
        return cls(
            access_token=token,
            secret_token=secret,
            webhook_url=setting("webhook_url", "TELEGRAM_WEBHOOK_URL"),
            api_url=setting("api_url", "TELEGRAM_API_URL", DEFAULT_API_URL),
        )

    def __init__(self, access_token: str, secret_token: str, webhook_url: Optional[str], api_url: str = DEFAULT_API_URL) -> None:
        self.access_token = access_token
        self.secret_token = secret_token
        self.webhook_url = webhook_url
        self.api_url = api_url
        self.codec = CallbackCodec()
        self.webhook_registered = asyncio.Event()
        # Per chat only: every update comes from Telegram's servers, so the address says nothing about the sender.
        self.limiter = RateLimiter.from_environment()

    def get_output_channel(self) -> SecureTelegramOutput:
        return SecureTelegramOutput(self.access_token, self.api_url, self.codec)

    async def register_webhook(self, delays: tuple = RETRY_DELAYS_S) -> None:
        """setWebhook with the secret token; retried with backoff, never fatal."""
        if not self.webhook_url:
            logger.warning("telegram.webhook.not_registered reason=TELEGRAM_WEBHOOK_URL is not set")
            return
        output = self.get_output_channel()
        attempt = 0
        try:
            while True:
                try:
                    await output.request(
                        "setWebhook",
                        {"url": self.webhook_url, "secret_token": self.secret_token, "allowed_updates": json.dumps(["message", "edited_message", "callback_query"])},
                    )
                    logger.info("telegram.webhook.registered url=%s", self.webhook_url)
                    self.webhook_registered.set()
                    return
                except Exception as error:  # network errors, Telegram errors: retry, never crash the server
                    delay = delays[min(attempt, len(delays) - 1)]
                    logger.warning("telegram.webhook.registration_failed error=%s retry_in_s=%s", type(error).__name__, delay)
                    attempt += 1
                    await asyncio.sleep(delay)
        finally:
            await output.close()

    def _authorized(self, request: Request) -> bool:
        supplied = request.headers.get(SECRET_HEADER, "")
        return hmac.compare_digest(supplied.encode(), self.secret_token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("secure_telegram_webhook", __name__)
        output = self.get_output_channel()

        @blueprint.listener("after_server_start")
        async def start(app: Any, _: Any) -> None:
            agent = getattr(app.ctx, "agent", None)
            domain = getattr(agent, "domain", None)
            if domain is not None:
                self.codec.remember(
                    [str(button.get("payload", "")) for variations in domain.responses.values() for variation in variations for button in variation.get("buttons") or []]
                )
            app.add_task(self.register_webhook())

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self._authorized(request):
                return response.json({"error": "forbidden"}, status=403)
            try:
                body = json.loads(request.body or b"null")
                update = Update(**body) if isinstance(body, dict) else None
            except (ValueError, TypeError):
                update = None
            if update is None:
                return response.json({"error": "not a Telegram update"}, status=400)
            text, chat_id = None, None
            if update.callback_query is not None:
                callback = update.callback_query
                try:
                    await output.answer_callback_query(callback.id)
                except Exception:
                    logger.warning("telegram.callback.answer_failed")
                text = self.codec.decode(callback.data or "")
                chat_id = callback.message.chat.id if callback.message else None
                if text is None and chat_id is not None:
                    await output.send_message(chat_id, "That button has expired. Please type your question instead.")
                    return response.json({"status": "ok"})
            else:
                message = update.message or update.edited_message
                if message is not None and message.text is not None:
                    text, chat_id = message.text, message.chat.id
            if text is None or chat_id is None:
                return response.json({"status": "ignored"})
            if not self.limiter.allow(str(chat_id), None, text):
                await output.send_text_message(str(chat_id), SLOW_DOWN)
                return response.json({"status": "ok"})  # 200: Telegram would otherwise resend the update
            deleted = await delete_if_requested(request.app.ctx.agent, str(chat_id), text)
            if deleted is not None:
                await output.send_text_message(str(chat_id), deleted)
                return response.json({"status": "ok"})
            # Always 200: Telegram retries other answers, which would repeat the message.
            await deliver(request.app.ctx.agent, on_new_message, UserMessage(text, output, str(chat_id), input_channel=self.name()))
            return response.json({"status": "ok"})

        return blueprint
