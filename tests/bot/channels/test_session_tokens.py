"""Server-issued widget session tokens."""

from __future__ import annotations

from bot.channels import session_tokens

SECRET = b"test-secret"


def test_a_token_round_trips_to_its_session() -> None:
    token = session_tokens.issue("abc123", SECRET)
    assert session_tokens.verify(token, SECRET) == "abc123"


def test_a_tampered_or_foreign_token_is_refused() -> None:
    token = session_tokens.issue("abc123", SECRET)
    forged = token.replace("abc123", "victim99")
    assert session_tokens.verify(forged, SECRET) is None
    assert session_tokens.verify(token, b"other-secret") is None
    assert session_tokens.verify("abc123", SECRET) is None
    assert session_tokens.verify(None, SECRET) is None
    assert session_tokens.verify({"session_id": "abc123"}, SECRET) is None


def test_an_expired_token_is_refused() -> None:
    token = session_tokens.issue("abc123", SECRET, now=1_000)
    assert session_tokens.verify(token, SECRET, max_age_s=60, now=1_030) == "abc123"
    assert session_tokens.verify(token, SECRET, max_age_s=60, now=2_000) is None


def test_secret_is_created_once_private_and_reused(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("WIDGET_SECRET", raising=False)
    path = tmp_path / "var" / "secret"
    first = session_tokens.load_secret(path)
    assert session_tokens.load_secret(path) == first and len(first) == 64
    assert path.stat().st_mode & 0o777 == 0o600
    monkeypatch.setenv("WIDGET_SECRET", "from-env")
    assert session_tokens.load_secret(path) == b"from-env"
