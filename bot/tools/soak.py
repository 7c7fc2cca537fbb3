"""Soak: a few thousand mixed messages over many conversations against a real server, with the action server
restarted once in the middle. Every message must be answered; the server's memory must level off.

    python -m bot.tools.soak [--messages 3000] [--turns 25] [--concurrency 8] [--rss-bound-mb 100]

Writes reports/soak.json. Loopback only, bounded in count and time; rate limits are off for the run (they have
their own tests) so that one client can drive the load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import aiohttp

from bot.sources import PROJECT_ROOT
from bot.tools.bench import rss_mb
from bot.tools.serve import endpoints_file, free_port, start_action_server, start_rasa, stop

# Not in the training data (tests/test_training_data.py checks).
SOAK_CRISIS = "i took a fistful of my clonazepam with half a bottle of vodka an hour ago and feel really strange"
# The one message answered by a custom action, so it is degraded while the action server is down: a training example
# of compare_care_levels, so that a retrain cannot move it to another intent answered without the action server
# (a free phrasing, "can you compare inpatient and outpatient care", went to care_levels after round 14's fold).
SOAK_ACTION_MESSAGE = "php vs iop"
SOAK_ACTION = "action_compare_care_levels"
MESSAGES = [
    "hello there",
    "what does klonopin do",
    "what side effects can clonazepam cause",
    "how long do withdrawal symptoms last",
    SOAK_ACTION_MESSAGE,
    "what happens in medical detox",
    "should I lower my dose by half this week",  # medical advice: declined
    "are there support groups for benzo withdrawal",
    "I'm in the UK",
    "🙂" * 300,
    "   ",
    "<script>alert(1)</script> what is iop",
    "asdfgh qwerty",
    "thank you",
    SOAK_CRISIS,
    "yes I'm safe now",
]
DEFAULT_MESSAGES = 3000
DEFAULT_TURNS = 25
DEFAULT_CONCURRENCY = 8
DEFAULT_RSS_BOUND_MB = 100.0
RETRIES = 3
REPORT = PROJECT_ROOT / "reports" / "soak.json"


async def _send(session: aiohttp.ClientSession, url: str, sender: str, text: str, message_id: str, tally: Dict[str, int]) -> bool:
    """One message, retried with its message id on 503 or a dropped connection; True when a reply came."""
    for _ in range(RETRIES + 1):
        try:
            async with session.post(url, json={"sender": sender, "message": text, "message_id": message_id}) as response:
                body = await response.json(content_type=None)
                tally[str(response.status)] = tally.get(str(response.status), 0) + 1
                if response.status == 200:
                    texts = [m.get("text") for m in body if isinstance(m, dict) and m.get("text")]
                    if any("can't look that up right now" in t for t in texts):
                        tally["degraded"] = tally.get("degraded", 0) + 1
                    return bool(texts)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            tally["connection_error"] = tally.get("connection_error", 0) + 1
        await asyncio.sleep(0.5)
    return False


async def _drive(url: str, token: str, messages: int, turns: int, concurrency: int, on_progress: Any) -> Dict[str, Any]:
    """Conversations of `turns` random messages, `concurrency` at a time, until `messages` have been sent."""
    conversations = max(1, messages // turns)
    queue: "asyncio.Queue[int]" = asyncio.Queue()
    for number in range(conversations):
        queue.put_nowait(number)
    tally: Dict[str, int] = {}
    counts = {"sent": 0, "answered": 0, "unanswered": 0}
    unanswered: List[Dict[str, Any]] = []
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(7)
    turn_lists = [[rng.choice(MESSAGES) for _ in range(turns)] for _ in range(conversations)]

    async def worker(session: aiohttp.ClientSession) -> None:
        while not queue.empty():
            number = queue.get_nowait()
            for turn, text in enumerate(turn_lists[number]):
                answered = await _send(session, url, f"soak-{number}", text, f"{number}-{turn}", tally)
                counts["sent"] += 1
                counts["answered" if answered else "unanswered"] += 1
                if not answered:
                    unanswered.append({"conversation": number, "turn": turn, "message": text[:60]})
                await on_progress(counts["sent"])

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(headers=headers, timeout=timeout) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return {**counts, "conversations": conversations, "responses": tally, "unanswered_examples": unanswered[:20]}


def run(messages: int, turns: int, concurrency: int, rss_bound_mb: float, model: Optional[str] = None) -> Dict[str, Any]:
    """Start the servers, drive the load with one action-server restart at the half, return the report."""
    model = model or str(PROJECT_ROOT / "models" / "assistant.tar.gz")
    workdir = Path(tempfile.mkdtemp(prefix="benzo-soak-"))
    token = "soak-" + os.urandom(8).hex()
    environ = {
        **os.environ, "SQLITE_PATH": str(workdir / "conversations.db"), "REST_TOKEN": token,
        "RATE_LIMIT_PER_SENDER": "0", "RATE_LIMIT_PER_IP": "0",
    }
    actions_port, port = free_port(), free_port()
    actions = start_action_server(actions_port)
    endpoints = endpoints_file(actions_port, "default", environ)
    rasa = start_rasa(model, "127.0.0.1", port, endpoints, extra_env=environ, log_path=workdir / "rasa.log")
    rss: Dict[str, Optional[float]] = {"start": rss_mb(rasa.pid)}
    warm_up, half = messages // 10, messages // 2
    restart: Dict[str, Any] = {}

    async def on_progress(sent: int) -> None:
        nonlocal actions
        if sent == warm_up:
            rss["after_warm_up"] = rss_mb(rasa.pid)
        elif sent == half:
            rss["half"] = rss_mb(rasa.pid)
            began = time.perf_counter()
            stop([actions])
            await asyncio.sleep(2)  # messages keep coming while it is down
            actions = await asyncio.get_running_loop().run_in_executor(None, start_action_server, actions_port)
            restart["down_s"] = round(time.perf_counter() - began, 1)

    started = time.perf_counter()
    try:
        result = asyncio.run(_drive(f"http://127.0.0.1:{port}/webhooks/rest/webhook", token, messages, turns, concurrency, on_progress))
        rss["end"] = rss_mb(rasa.pid)
        still_running = rasa.poll() is None
    finally:
        stop([rasa, actions])
        os.unlink(endpoints)
    log = (workdir / "rasa.log").read_text(encoding="utf-8", errors="replace")
    # Rasa logs a traceback for each custom action call that fails while the action server restarts: expected.
    # Any other error is not.
    unexpected = [
        line for line in log.splitlines()
        if " ERROR " in line and not ("rasa.core.actions.action" in line or "while running action" in line)
    ]
    if unexpected:
        (PROJECT_ROOT / "reports").mkdir(exist_ok=True)
        shutil.copy(workdir / "rasa.log", PROJECT_ROOT / "reports" / "soak-rasa.log")  # kept for the investigation
    shutil.rmtree(workdir, ignore_errors=True)
    growth = round((rss["end"] or 0) - (rss["after_warm_up"] or 0), 1)
    return {
        **result,
        "seconds": round(time.perf_counter() - started, 1),
        "action_server_restart": restart,
        "rss_mb": rss,
        "rss_growth_after_warm_up_mb": growth,
        "rss_bound_mb": rss_bound_mb,
        "server_still_running": still_running,
        "action_failures_logged": log.count("Failed to run custom action"),
        "unexpected_errors_in_log": len(unexpected),
        "unexpected_error_examples": [line[:200] for line in unexpected[:5]],
    }


def write_report(report: Dict[str, Any]) -> None:
    """reports/soak.json."""
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def main(argv: Optional[List[str]] = None) -> int:
    """Run the soak, write the report; exit 1 if a message went unanswered or memory grew past the bound."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=DEFAULT_MESSAGES)
    parser.add_argument("--turns", type=int, default=DEFAULT_TURNS)
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY)
    parser.add_argument("--rss-bound-mb", type=float, default=DEFAULT_RSS_BOUND_MB)
    args = parser.parse_args(argv)
    report = run(args.messages, args.turns, args.concurrency, args.rss_bound_mb)
    write_report(report)
    print(json.dumps(report, indent=2))
    ok = report["unanswered"] == 0 and report["rss_growth_after_warm_up_mb"] <= args.rss_bound_mb
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
