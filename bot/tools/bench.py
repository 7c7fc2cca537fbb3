"""`python -m bot.tools.bench`: REST latency of 10-turn conversations against a freshly started assistant.

Closed loop, one conversation at a time, on loopback. Writes reports/bench.json: start-up time, p50/p95/p99 per
message, messages per second and the Rasa server's resident memory. (A fuller benchmark — concurrency, stock Rasa,
replicas — belongs to the scale-out work.)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

from bot.sources import PROJECT_ROOT
from bot.tools.serve import endpoints_file, free_port, start_action_server, start_rasa, stop

CONVERSATION = [
    "hi",
    "what is clonazepam used for",
    "can klonopin make you dizzy",
    "how long does withdrawal last",
    "when do symptoms start after the last dose",
    "is it dangerous to stop cold turkey",
    "what is a partial hospitalization program",
    "what's the difference between php and iop",
    "should I stop taking my klonopin",
    "thanks, bye",
]


def _rss_mb(pid: int) -> Optional[float]:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _post(url: str, sender: str, text: str) -> float:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def _percentile(values: List[float], fraction: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 1)


def main(argv: Optional[List[str]] = None) -> int:
    """Start the assistant, run the conversations, write the report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="models/assistant.tar.gz")
    parser.add_argument("--out", default="reports")
    parser.add_argument("--conversations", type=int, default=30)
    args = parser.parse_args(argv)

    actions_port, port = free_port(), free_port()
    actions = start_action_server(actions_port)
    endpoints = endpoints_file(actions_port)
    started = time.perf_counter()
    rasa = start_rasa(args.model, "127.0.0.1", port, endpoints)
    startup_s = round(time.perf_counter() - started, 1)
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    try:
        _post(url, "warm-up", "hello")
        latencies: List[float] = []
        wall = time.perf_counter()
        for number in range(args.conversations):
            for text in CONVERSATION:
                latencies.append(_post(url, f"bench-{number}", text))
        elapsed = time.perf_counter() - wall
        report: Dict[str, object] = {
            "conversations": args.conversations,
            "turns_per_conversation": len(CONVERSATION),
            "concurrency": 1,
            "startup_s": startup_s,
            "p50_ms": _percentile(latencies, 0.50),
            "p95_ms": _percentile(latencies, 0.95),
            "p99_ms": _percentile(latencies, 0.99),
            "mean_ms": round(statistics.mean(latencies), 1),
            "messages_per_s": round(len(latencies) / elapsed, 1),
            "rasa_rss_mb": _rss_mb(rasa.pid),
        }
    finally:
        stop([rasa, actions])
    out = PROJECT_ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
