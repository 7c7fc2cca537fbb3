"""Runs Rasa's prediction graph in a fixed order instead of through dask, with the same results.

Rasa 3.6's DaskGraphRunner, on every run (one NLU parse and one per predicted action — about three per message),
prunes the schema to the targets, rebuilds a dask graph and lets dask's local scheduler order and execute it: about
2–3 ms per message on this machine for a graph whose order never changes. Here the order for each set of targets is
computed once (dependencies first, as dask resolves them) and the nodes are called directly; inputs and outputs are
exactly dask's: inputs enter as `(name, value)`, each node receives its dependencies' outputs in the order of its
`needs`, and the result maps each target to its node's output. Imported by bot.components.windowed_policies, which
is loaded with the model in every Rasa server; tests/bot/components/test_sequential_runner.py compares the two
runners on the trained model.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

dask_run = DaskGraphRunner.run
_PLANS = "_bot_sequential_plans"


def _plan(
    runner: DaskGraphRunner, targets: Tuple[Text, ...], given: frozenset
) -> List[Tuple[Text, Tuple[Text, ...]]]:
    """The nodes the targets need, each after its dependencies, with the names of its inputs; a node whose value is
    `given` as an input is not run, nor is what only it needed."""
    nodes = runner._graph_schema.minimal_graph_schema(list(targets)).nodes
    order: List[Tuple[Text, Tuple[Text, ...]]] = []
    visited: set = set()

    def visit(name: Text) -> None:
        if name in visited or name not in nodes or name in given:
            return  # an input, or done already
        visited.add(name)
        needs = tuple(nodes[name].needs.values())
        for dependency in needs:
            visit(dependency)
        order.append((name, needs))

    for target in targets:
        visit(target)
    return order


def sequential_run(
    self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None
) -> Dict[Text, Any]:
    """DaskGraphRunner.run without dask: same inputs, same node calls, same result."""
    run_targets = tuple(targets if targets else self._graph_schema.target_names)
    given = frozenset(inputs or ())
    plans: Dict[Tuple[Any, ...], Any] = self.__dict__.setdefault(_PLANS, {})
    plan = plans.get((run_targets, given))
    if plan is None:
        plan = plans[(run_targets, given)] = _plan(self, run_targets, given)
    results: Dict[Text, Any] = {}
    for name, value in (inputs or {}).items():
        if isinstance(value, str) and value in self._graph_schema.minimal_graph_schema(list(run_targets)).nodes:
            raise GraphRunError(
                f"Input value '{value}' clashes with a node name. Make sure that none of the input names passed to "
                f"the `run` method are the same as node names in the graph schema."
            )
        results[name] = (name, value)
    try:
        for name, needs in plan:
            results[name] = self._instantiated_nodes[name](*(results.get(need, need) for need in needs))
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(results.get(target, target) for target in run_targets)


DaskGraphRunner.run = sequential_run
