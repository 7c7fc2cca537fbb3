"""Soak: thousands of mixed messages with the action server restarted mid-run → every message answered, the server
alive with no errors in its log but the expected failed action calls, and memory levelling off within the stated bound (bot/tools/soak.py)."""

from __future__ import annotations

import pytest

from bot.tools import soak

pytestmark = pytest.mark.model


def test_the_soak_has_a_message_that_needs_the_action_server(agent_with_actions) -> None:
    # Without one, the restart below would go unnoticed and the soak could not fail on it.
    sender = agent_with_actions.new_sender()
    agent_with_actions.say(soak.SOAK_ACTION_MESSAGE, sender)
    actions = [event.action_name for event in agent_with_actions.tracker(sender).events if getattr(event, "action_name", None)]
    assert soak.SOAK_ACTION in actions, actions


def test_soak_answers_every_message_through_an_action_server_restart_within_the_memory_bound() -> None:
    report = soak.run(soak.DEFAULT_MESSAGES, soak.DEFAULT_TURNS, soak.DEFAULT_CONCURRENCY, soak.DEFAULT_RSS_BOUND_MB)
    soak.write_report(report)
    assert report["sent"] >= soak.DEFAULT_MESSAGES * 0.99
    assert report["unanswered"] == 0, report
    assert report["responses"].get("degraded", 0) > 0  # the restart really happened under load
    assert report["server_still_running"] and report["unexpected_errors_in_log"] == 0, report
    assert report["rss_growth_after_warm_up_mb"] <= soak.DEFAULT_RSS_BOUND_MB, report["rss_mb"]
