"""bot.rate_limit: floods are slowed, buckets refill, a crisis message is never held back."""

from __future__ import annotations

from bot.rate_limit import RateLimiter

# Fresh phrasings, kept out of the training data by tests/test_training_data.py.
CRISIS_PHRASINGS = (
    "honestly thinking about ending it all tonight",
    "my brother swallowed his whole bottle of pills",
    "i cant catch my breath and my lips are going blue",
)


def test_a_sender_over_the_limit_is_slowed_then_allowed_again_after_a_while() -> None:
    limiter = RateLimiter(per_sender=5, per_ip=0)
    allowed = [limiter.allow("ana", "10.0.0.1", "what is detox", now=100.0) for _ in range(8)]
    assert allowed == [True] * 5 + [False] * 3
    assert limiter.allow("ana", "10.0.0.1", "what is detox", now=100.0 + 13)  # 5 per minute: one back after 12 s
    assert limiter.allow("ben", "10.0.0.1", "what is detox", now=100.0)  # other senders are unaffected


def test_one_address_with_many_senders_is_limited_too() -> None:
    limiter = RateLimiter(per_sender=0, per_ip=3)
    allowed = [limiter.allow(f"sender-{index}", "10.0.0.9", "hello", now=5.0) for index in range(5)]
    assert allowed == [True, True, True, False, False]


def test_a_crisis_message_is_never_held_back() -> None:
    limiter = RateLimiter(per_sender=1, per_ip=1)
    assert limiter.allow("cara", "10.0.0.2", "hi", now=1.0)
    assert not limiter.allow("cara", "10.0.0.2", "hi again", now=1.0)
    for text in CRISIS_PHRASINGS:
        assert limiter.allow("cara", "10.0.0.2", text, now=1.0), text


def test_zero_turns_a_limit_off() -> None:
    limiter = RateLimiter(per_sender=0, per_ip=0)
    assert all(limiter.allow("dan", "10.0.0.3", "hello", now=0.0) for _ in range(1000))
