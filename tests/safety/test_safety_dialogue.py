"""The safety state through a longer conversation, through the trained model: found by the soak test, where
"I'm safe" said after a check-in (not right after the re-check question) left the turn to the rules, which looped
into Rasa's circuit breaker and silenced the conversation for good."""

from __future__ import annotations

import pytest

from bot.tools.soak import SOAK_CRISIS
from tests.conftest import AgentRunner

pytestmark = pytest.mark.model


def _texts(replies: list) -> str:
    return "\n".join(reply.get("text") or "" for reply in replies)


def test_safe_after_check_ins_mid_conversation_resumes_and_keeps_answering(agent_without_actions: AgentRunner) -> None:
    runner = agent_without_actions
    sender = runner.new_sender()
    assert "1-800-222-1222" in _texts(runner.say(SOAK_CRISIS, sender))
    assert "safe" in _texts(runner.say("yes I'm safe now", sender)).lower()  # the gentle re-check
    checked = _texts(runner.say("what does klonopin do", sender))
    assert "are you safe right now" in checked.lower()  # answered, then checked on
    resumed = runner.say("yes I'm safe now", sender)
    assert resumed  # back to normal answers
    for text in ["what side effects can clonazepam cause", "thank you", "how long do withdrawal symptoms last"]:
        replies = runner.say(text, sender)
        assert replies and "are you safe right now" not in _texts(replies).lower(), text
    names = [getattr(event, "action_name", None) for event in runner.tracker(sender).events]
    assert "action_default_fallback" not in names
