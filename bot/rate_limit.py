"""Per-conversation and per-address rate limits that never hold back a crisis message.

Token buckets: each key may send `limit` messages at once and then `limit` per minute. A message the safety guard
reads as a risk (or a hint of one) is always let through, even over the limit — a person in crisis typing fast
must never get "slow down". Limits come from the environment (0 turns a limit off):
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

    def _tokens(self, key: str, limit: int, now: float) -> float:
        tokens, last = self._buckets.get(key, (float(limit), now))
        return min(float(limit), tokens + (now - last) * limit / 60.0)

    def allow(self, sender: str, address: Optional[str], text: str, now: Optional[float] = None) -> bool:
        """Whether to handle this message now (always, for anything the guard reads as risk)."""
        now = time.monotonic() if now is None else now
        buckets = [(f"s:{sender}", self.per_sender)]
        if address:
            buckets.append((f"a:{address}", self.per_ip))
        buckets = [(key, limit) for key, limit in buckets if limit > 0]
        levels = {key: self._tokens(key, limit, now) for key, limit in buckets}
        if all(level >= 1.0 for level in levels.values()):
            for key, level in levels.items():
                self._buckets[key] = (level - 1.0, now)
            while len(self._buckets) > _MAX_KEYS:
                self._buckets.pop(next(iter(self._buckets)))
            return True
        # Over a limit: only now is the guard asked (it already reads every message in the NLU pipeline).
        return isinstance(text, str) and bool(text) and assess(text).level in (Level.RISK, Level.HINT)
