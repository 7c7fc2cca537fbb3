"""bot.components.sequential_runner: the trained model's graph gives the same results without dask."""

from __future__ import annotations

import pytest

from bot.components import sequential_runner

pytestmark = pytest.mark.model

MESSAGES = ["hi", "how long does klonopin withdrawal last", "what is iop", "asdf qwer", "should i stop my pills", "🙂"]


def test_parse_and_predictions_equal_dasks(agent_without_actions) -> None:
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.runner.dask import DaskGraphRunner

    runner = agent_without_actions
    graph = runner.agent.processor.graph_runner
    assert DaskGraphRunner.run is sequential_runner.sequential_run
    sender = runner.new_sender()
    for text in MESSAGES:
        ours = runner.loop.run_until_complete(runner.agent.processor.parse_message(UserMessage(text)))
        DaskGraphRunner.run = sequential_runner.dask_run
        try:
            dasks = runner.loop.run_until_complete(runner.agent.processor.parse_message(UserMessage(text)))
        finally:
            DaskGraphRunner.run = sequential_runner.sequential_run
        assert ours == dasks, text
        runner.say(text, sender)
        tracker = runner.tracker(sender)
        targets = runner.agent.processor.model_metadata.core_target
        ours_core = graph.run(inputs={"__tracker__": tracker}, targets=[targets])
        dasks_core = sequential_runner.dask_run(graph, inputs={"__tracker__": tracker}, targets=[targets])
        assert ours_core == dasks_core and ours_core[targets].max_confidence > 0, text
