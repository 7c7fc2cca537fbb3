"""Server-issued session tokens: the browser keeps a token, never chooses its own conversation id.

A token is `<session id>.<issued at>.<HMAC-SHA256>` (URL-safe base64). Only the server can mint one, so a client
cannot attach itself to someone else's conversation by guessing or copying an id.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import time
import uuid
from pathlib import Path
from typing import Optional

DEFAULT_MAX_AGE_S = 30 * 24 * 3600


def _sign(message: bytes, secret: bytes) -> str:
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_session_id() -> str:
    """A fresh random conversation id."""
    return uuid.uuid4().hex


def issue(session_id: str, secret: bytes, now: Optional[float] = None) -> str:
    """A signed token for `session_id`."""
    body = f"{session_id}.{int(now if now is not None else time.time())}"
    return f"{body}.{_sign(body.encode(), secret)}"


def verify(token: object, secret: bytes, max_age_s: int = DEFAULT_MAX_AGE_S, now: Optional[float] = None) -> Optional[str]:
    """The session id inside a valid, unexpired token, else None."""
    if not isinstance(token, str) or token.count(".") != 2 or len(token) > 200:
        return None
    session_id, issued, signature = token.split(".")
    if not hmac.compare_digest(signature, _sign(f"{session_id}.{issued}".encode(), secret)):
        return None
    if not issued.isdigit() or (now if now is not None else time.time()) - int(issued) > max_age_s:
        return None
    return session_id


def load_secret(path: Path, env_name: str = "WIDGET_SECRET") -> bytes:
    """`env_name` from the environment, else a random secret kept in `path` (created 0600 on first use)."""
    configured = os.environ.get(env_name)
    if configured:
        return configured.encode()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip().encode()
