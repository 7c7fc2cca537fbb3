"""Each canonical question (also the topic buttons' payload) reaches its own cited answer."""

from __future__ import annotations

import pytest

from bot.knowledge import load_answers
from tests.conftest import AgentRunner

pytestmark = pytest.mark.model


def test_every_canonical_question_gets_its_own_answer(agent_without_actions: AgentRunner) -> None:
    wrong = []
    for answer in load_answers():
        parsed = agent_without_actions.parse(answer.question)
        selector = (parsed.get("response_selector") or {}).get("default", {}).get("response", {})
        if parsed["intent"]["name"] != answer.topic or selector.get("utter_action") != answer.response_name:
            wrong.append((answer.question, parsed["intent"]["name"], selector.get("utter_action")))
    assert wrong == []


def test_a_cited_answer_reaches_the_user_with_its_source(agent_without_actions: AgentRunner) -> None:
    sender = agent_without_actions.new_sender()
    texts = [m.get("text") for m in agent_without_actions.say("can klonopin make me dizzy", sender)]
    assert any("Source: Clonazepam Withdrawal: Dealing with Cravings and Treatment" in (t or "") for t in texts)
    assert "911" not in texts[0]
