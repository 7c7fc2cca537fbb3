"""`python -m bot.tools.turns`: per-turn cost of one long conversation, in process, with an optional profile.

Loads the trained model with a tracker store in a temporary SQLite file (the project's cached store, or Rasa's own
with --store sqlite-plain) or in memory,
plays a conversation of --turns turns through `Agent.handle_text` and prints the median time of turns 6–15 and of
the last 10 turns. With --profile, pyinstrument records the last 10 turns and writes an HTML and a text report to
reports/turns-profile.* — that is where the growth with conversation length shows up.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from typing import List, Optional

from bot.sources import PROJECT_ROOT
from bot.tools.bench import OURS_CONVERSATION


async def _run(model: str, turns: int, store: str, profile: bool) -> List[float]:
    from rasa.core.agent import Agent
    from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore

    from bot.tracker_store import CachingSQLTrackerStore

    domain_path = str(PROJECT_ROOT / "domain.yml")
    from rasa.shared.core.domain import Domain

    domain = Domain.load(domain_path)
    workdir = tempfile.mkdtemp(prefix="benzo-turns-")
    database = os.path.join(workdir, "turns.db")
    tracker_store = {
        "memory": lambda: InMemoryTrackerStore(domain),
        "sqlite": lambda: CachingSQLTrackerStore(domain, dialect="sqlite", db=database),
        "sqlite-plain": lambda: SQLTrackerStore(domain, dialect="sqlite", db=database),
    }[store]()
    agent = Agent.load(model, tracker_store=tracker_store)
    sender = f"turns-{uuid.uuid4().hex[:6]}"
    timings: List[float] = []
    profiler = None
    for turn in range(turns):
        if profile and turn == turns - 10:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
        start = time.perf_counter()
        await agent.handle_text(OURS_CONVERSATION[turn % len(OURS_CONVERSATION)], sender_id=sender)
        timings.append((time.perf_counter() - start) * 1000)
    if profiler:
        profiler.stop()
        out = PROJECT_ROOT / "reports"
        out.mkdir(exist_ok=True)
        (out / "turns-profile.html").write_text(profiler.output_html())
        (out / "turns-profile.txt").write_text(profiler.output_text(show_all=True))
        print(f"Profile of the last 10 turns: {out / 'turns-profile.txt'}")
    return timings


def main(argv: Optional[List[str]] = None) -> int:
    """Play the conversation and print early vs late per-turn medians."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="models/assistant.tar.gz")
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--store", choices=("sqlite", "sqlite-plain", "memory"), default="sqlite",
                        help="sqlite: the project's cached SQL store; sqlite-plain: Rasa's SQLTrackerStore")
    parser.add_argument("--profile", action="store_true", help="pyinstrument profile of the last 10 turns")
    args = parser.parse_args(argv)
    timings = asyncio.run(_run(args.model, args.turns, args.store, args.profile))
    early, late = statistics.median(timings[5:15]), statistics.median(timings[-10:])
    print(f"turn 10: {early:.1f} ms   turn {args.turns}: {late:.1f} ms   growth: {late / early:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
