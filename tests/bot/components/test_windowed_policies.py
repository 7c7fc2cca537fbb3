"""Windowed RulePolicy / MemoizationPolicy: the window keeps what the policies look at, and predictions equal
Rasa's own on the full tracker, turn by turn, through long conversations."""

from __future__ import annotations

import itertools

import pytest
from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.components.windowed_policies import WindowedMemoizationPolicy, WindowedRulePolicy, recent_tracker


def _long_tracker(domain, turns: int) -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events("windowed", [ActionExecuted("action_listen")], domain.slots)
    for number in range(turns):
        tracker.update(UserUttered(f"question {number}", {"name": "side_effects", "confidence": 1.0}))
        if number == 2:
            tracker.update(SlotSet("country", "GB"))
        if number == turns - 3:
            tracker.update(SlotSet("country", "IE"))
        tracker.update(ActionExecuted("utter_side_effects"))
        tracker.update(BotUttered(f"answer {number}"))
        tracker.update(ActionExecuted("action_listen"))
    return tracker


def test_short_conversation_is_left_alone(domain) -> None:
    tracker = _long_tracker(domain, 5)
    assert recent_tracker(tracker, 8) is tracker


def test_window_keeps_recent_turns_and_the_slots_set_before_them(domain) -> None:
    tracker = _long_tracker(domain, 60)
    window = recent_tracker(tracker, 8)
    users = [event for event in window.events if isinstance(event, UserUttered)]
    assert [event.text for event in users] == [f"question {number}" for number in range(52, 60)]
    # set at turn 2, long before the window: restored; changed inside the window: current value
    assert window.get_slot("country") == "IE"
    assert isinstance(window.events[0], SlotSet) and window.events[0].value == "GB"
    assert window.latest_action_name == tracker.latest_action_name
    assert window.past_states(domain)[-3:] == tracker.past_states(domain)[-3:]



def test_action_server_gets_the_recent_turns_with_the_same_state(domain) -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import EventVerbosity
    from rasa.utils.endpoints import EndpointConfig

    tracker = _long_tracker(domain, 200)
    action = RemoteAction("action_compare_care_levels", EndpointConfig("http://127.0.0.1:1/webhook"))
    sent = action._action_call_format(tracker, domain)["tracker"]
    full = tracker.current_state(EventVerbosity.ALL)
    assert len(sent["events"]) < 20 < len(full["events"])  # does not grow with the conversation
    for key in ("slots", "latest_message", "latest_action_name", "active_loop", "latest_input_channel", "sender_id"):
        assert sent[key] == full[key], key


CONVERSATION = [
    "hello",
    "what are the side effects of klonopin",
    "I'm in the UK",
    "I want to kill myself",
    "no I'm not safe",
    "how long does withdrawal last",
    "actually I'm fine, you misunderstood",
    "I'm fine really",
    "should I stop taking my klonopin",
    "what's the difference between php and iop",
    "asdf qwer zxcv",
    "thanks",
    "what is detox",
    "help",
]


@pytest.mark.model
def test_predictions_equal_rasas_on_the_full_tracker(agent_without_actions) -> None:
    runner = agent_without_actions
    nodes = runner.agent.processor.graph_runner._instantiated_nodes
    components = [node._component for node in nodes.values()]
    rule = next(component for component in components if isinstance(component, WindowedRulePolicy))
    memo = next(component for component in components if isinstance(component, WindowedMemoizationPolicy))
    rule_only = next(
        (component.provide() for component in components if type(component).__name__ == "RuleOnlyDataProvider"), None
    )
    domain = runner.agent.domain
    sender = runner.new_sender()
    compared = 0
    for text in itertools.islice(itertools.cycle(CONVERSATION), 70):
        runner.say(text, sender)
        tracker = runner.tracker(sender)
        # Compare at the user turn (what the next prediction sees) and at every bot action within the turn.
        for cut in range(max(1, len(tracker.events) - 12), len(tracker.events) + 1):
            partial = DialogueStateTracker.from_events(sender, list(tracker.events)[:cut], domain.slots)
            if not isinstance(partial.events[-1], (ActionExecuted, UserUttered)):
                continue
            windowed = rule.predict_action_probabilities(partial, domain, rule_only)
            full = RulePolicy.predict_action_probabilities(rule, partial, domain, rule_only)
            assert windowed.probabilities == full.probabilities, (text, cut)
            windowed = memo.predict_action_probabilities(partial, domain, rule_only)
            full = MemoizationPolicy.predict_action_probabilities(memo, partial, domain, rule_only)
            assert windowed.probabilities == full.probabilities, (text, cut)
            compared += 1
    assert compared > 200
