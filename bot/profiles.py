"""Deployment profiles: where conversations live and how replicas coordinate.

  default  one process; conversations in SQLite (var/conversations.db), survive restarts; in-memory lock store
  scale    several replicas; conversations in PostgreSQL, a Redis lock store so two replicas never handle the same
           conversation at once, and optionally a RabbitMQ event broker

Connection settings come from the environment:
  DB_HOST (127.0.0.1)  DB_PORT (5432)  DB_USER (postgres)  DB_PASSWORD ()  DB_NAME (benzo_assistant)
  REDIS_HOST (127.0.0.1)  REDIS_PORT (6379)  REDIS_DB (0)  REDIS_PASSWORD ()  REDIS_KEY_PREFIX (benzo)
  RABBITMQ_URL (unset: no event broker), e.g. amqp://guest:guest@127.0.0.1:5672, RABBITMQ_QUEUE (benzo_events)
  SQLITE_PATH (var/conversations.db)
"""

from __future__ import annotations

import os
import tempfile
from typing import Any, Dict, Mapping, Optional
from urllib.parse import urlparse

import yaml

from bot.sources import PROJECT_ROOT

PROFILES = ("default", "scale")
# Rasa's SQL tracker store with a validated in-process cache (see bot/tracker_store.py); same settings.
TRACKER_STORE_TYPE = "bot.tracker_store.CachingSQLTrackerStore"


def _env(environ: Mapping[str, str], name: str, default: str) -> str:
    return environ.get(name) or default


def endpoints(profile: str, actions_url: str, environ: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
    """The endpoints configuration for a profile."""
    environ = os.environ if environ is None else environ
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: choose one of {', '.join(PROFILES)}")
    # The custom action does not read the domain: Rasa need not serialise and post it with every call.
    config: Dict[str, Any] = {"action_endpoint": {"url": actions_url, "enable_selective_domain": True}}
    if profile == "default":
        path = _env(environ, "SQLITE_PATH", str(PROJECT_ROOT / "var" / "conversations.db"))
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        config["tracker_store"] = {"type": TRACKER_STORE_TYPE, "dialect": "sqlite", "db": path}
        return config
    config["tracker_store"] = {
        "type": TRACKER_STORE_TYPE,
        "dialect": "postgresql",
        "url": _env(environ, "DB_HOST", "127.0.0.1"),
        "port": int(_env(environ, "DB_PORT", "5432")),
        "username": _env(environ, "DB_USER", "postgres"),
        "password": environ.get("DB_PASSWORD", ""),
        "db": _env(environ, "DB_NAME", "benzo_assistant"),
        "login_db": _env(environ, "DB_LOGIN_DB", "postgres"),
    }
    config["lock_store"] = {
        "type": "redis",
        "url": _env(environ, "REDIS_HOST", "127.0.0.1"),
        "port": int(_env(environ, "REDIS_PORT", "6379")),
        "db": int(_env(environ, "REDIS_DB", "0")),
        "password": environ.get("REDIS_PASSWORD") or None,
        "key_prefix": _env(environ, "REDIS_KEY_PREFIX", "benzo"),
    }
    broker = environ.get("RABBITMQ_URL")
    if broker:
        parsed = urlparse(broker)
        config["event_broker"] = {
            "type": "pika",
            "url": parsed.hostname or "127.0.0.1",
            "port": parsed.port or 5672,
            "username": parsed.username or "guest",
            "password": parsed.password or "guest",
            "queues": [_env(environ, "RABBITMQ_QUEUE", "benzo_events")],
        }
    return config


def write_endpoints(profile: str, actions_url: str, environ: Optional[Mapping[str, str]] = None) -> str:
    """The profile's endpoints written to a temporary YAML file (its path)."""
    handle = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, encoding="utf-8")
    yaml.safe_dump(endpoints(profile, actions_url, environ), handle, sort_keys=False)
    handle.close()
    return handle.name
