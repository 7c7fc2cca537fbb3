"""A local stand-in for the Telegram Bot API: records every call the bot makes, answers like Telegram.

Run: python -m tests.channels.fake_telegram --port 8081 ; GET /_recorded lists the calls.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from typing import Any, Dict, List

from aiohttp import web

RECORDED: List[Dict[str, Any]] = []
MESSAGE_IDS = itertools.count(1)


async def _payload(request: web.Request) -> Dict[str, Any]:
    if request.content_type == "application/json":
        return await request.json()
    return {key: value for key, value in (await request.post()).items()}


async def bot_method(request: web.Request) -> web.Response:
    method = request.match_info["method"]
    data = await _payload(request)
    RECORDED.append({"token": request.match_info["token"], "method": method, "data": data, "at": time.time()})
    if method == "sendMessage":
        result: Any = {
            "message_id": next(MESSAGE_IDS),
            "date": int(time.time()),
            "chat": {"id": int(data.get("chat_id", 0)), "type": "private"},
            "text": data.get("text", ""),
        }
    elif method == "getMe":
        result = {"id": 1, "is_bot": True, "first_name": "Test", "username": "test_bot"}
    else:
        result = True
    return web.json_response({"ok": True, "result": result})


async def recorded(_: web.Request) -> web.Response:
    return web.json_response(RECORDED)


def app() -> web.Application:
    application = web.Application()
    application.router.add_route("*", "/bot{token}/{method}", bot_method)
    application.router.add_get("/_recorded", recorded)
    return application


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    web.run_app(app(), host="127.0.0.1", port=parser.parse_args().port, print=None)
