"""Per-conversation and per-address rate limits that never hold back a crisis message.

Token buckets: each key may send `limit` messages at once and then `limit` per minute. A message the safety guard
reads as a risk (or a hint of one) is always let through and is not counted — a person in crisis typing fast must
never get "slow down". Limits come from the environment (0 turns a limit off):
  RATE_LIMIT_PER_SENDER (default 30 per minute)   RATE_LIMIT_PER_IP (default 300 per minute)
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

from bot.safety.guard import Level, assess

SLOW_DOWN = (
    "You're sending messages faster than I can answer. Please wait a few seconds and send your message again. "
    "If you are in danger, call your local emergency number (911 in the US) or call or text 988."
)
_MAX_KEYS = 50_000


@dataclass
class RateLimiter:
    """Token buckets per sender and per client address."""

    per_sender: int = 30
    per_ip: int = 300
    _buckets: Dict[str, Tuple[float, float]] = field(default_factory=dict)  # key → (tokens, last refill time)

    @classmethod
    def from_environment(cls) -> "RateLimiter":
        """Limits from RATE_LIMIT_PER_SENDER / RATE_LIMIT_PER_IP."""
        return cls(
            per_sender=int(os.environ.get("RATE_LIMIT_PER_SENDER") or 30),
            per_ip=int(os.environ.get("RATE_LIMIT_PER_IP") or 300),
        )

    def _take(self, key: str, limit: int, now: float) -> bool:
        if limit <= 0:
            return True
        tokens, last = self._buckets.get(key, (float(limit), now))
        tokens = min(float(limit), tokens + (now - last) * limit / 60.0)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return False
        self._buckets[key] = (tokens - 1.0, now)
        if len(self._buckets) > _MAX_KEYS:
            self._buckets.pop(next(iter(self._buckets)))
        return True

    def allow(self, sender: str, address: Optional[str], text: str, now: Optional[float] = None) -> bool:
        """Whether to handle this message now (always, for anything the guard reads as risk)."""
        if isinstance(text, str) and text and assess(text).level in (Level.RISK, Level.HINT):
            return True
        now = time.monotonic() if now is None else now
        sender_ok = self._take(f"s:{sender}", self.per_sender, now)
        address_ok = self._take(f"a:{address}", self.per_ip, now) if address else True
        return sender_ok and address_ok
