"""`python -m bot.tools.bench`: closed-loop REST load on loopback — stock Rasa vs our assistant vs replicas.

In one run, for each target:
  stock     the bot `rasa init` generates, created and trained in var/bench/stock (reused while the Rasa version
            and the generated files are unchanged)
  ours      this assistant, default profile (SQLite tracker store, action server)
  replicas  this assistant, 2 replicas on the scale-out profile (PostgreSQL + Redis) behind nginx
it measures start-up time (process start → HTTP 200), then closed-loop load with c = 1, 16 and 64 concurrent
conversations of 10 turns (p50/p95/p99 per message, messages/s), one 200-turn conversation (per-turn latency: the
median of turns 6–15 vs turns 191–200), and resident memory of the Rasa process(es). It also times the safety guard
alone per message. Writes reports/bench.json and reports/bench.png with the ratios ours/stock.

The machines this runs on change speed by up to 2× within an hour (the guard alone measured 0.9 to 2.2 ms per
message on the same code), so the targets run side by side: all are started first, then each load level is measured
for every target in turn, in --rounds rounds with the order rotated, and each figure is the round with the median
throughput; the ratios to stock are the median of the per-round ratios, each taken minutes apart at most.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

import aiohttp

from bot.channels.rest import rest_token
from bot.sources import PROJECT_ROOT
from bot.tools.serve import RASA, endpoints_file, free_port, start_action_server, start_rasa, stop

OURS_CONVERSATION = [
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
# The moodbot `rasa init` creates, spoken to in its own words.
STOCK_CONVERSATION = [
    "hello",
    "I am feeling very sad",
    "yes",
    "that helped, I feel great now",
    "are you a bot?",
    "hi there",
    "I am amazing",
    "no",
    "good morning",
    "goodbye",
]
LONG_TURNS = 200
CONCURRENCY = (1, 16, 64)
GUARD_PASSES = 5
STOCK_DIR = PROJECT_ROOT / "var" / "bench" / "stock"


def rss_mb(pid: int) -> Optional[float]:
    """Resident memory of a process in MB (None once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 1)


def _auth() -> Dict[str, str]:
    """Ours requires the shared REST token (read once per session, not per message); the stock bot ignores it."""
    return {"Authorization": f"Bearer {rest_token()}"}


async def _post(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> float:
    start = time.perf_counter()
    async with session.post(url, json={"sender": sender, "message": text}) as response:
        await response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status} for a benchmark message")
    return (time.perf_counter() - start) * 1000


async def _load(url: str, texts: List[str], concurrency: int, conversations: int) -> Dict[str, Any]:
    """`conversations` conversations of `texts`, `concurrency` at a time, each worker closed-loop."""
    latencies: List[float] = []
    queue: "asyncio.Queue[int]" = asyncio.Queue()
    for number in range(conversations):
        queue.put_nowait(number)
    run = uuid.uuid4().hex[:8]

    async def worker(session: aiohttp.ClientSession) -> None:
        while True:
            try:
                number = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            for text in texts:
                latencies.append(await _post(session, url, f"bench-{run}-{concurrency}-{number}", text))

    timeout = aiohttp.ClientTimeout(total=120)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector, headers=_auth()) as session:
        wall = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        elapsed = time.perf_counter() - wall
    return {
        "concurrency": concurrency,
        "conversations": conversations,
        "messages": len(latencies),
        "p50_ms": _percentile(latencies, 0.50),
        "p95_ms": _percentile(latencies, 0.95),
        "p99_ms": _percentile(latencies, 0.99),
        "messages_per_s": round(len(latencies) / elapsed, 1),
    }


async def _long_conversation(url: str, texts: List[str], turns: int) -> Dict[str, Any]:
    """One conversation of `turns` turns; per-turn latency early vs late."""
    sender = f"bench-long-{uuid.uuid4().hex[:8]}"
    latencies: List[float] = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120), headers=_auth()) as session:
        for turn in range(turns):
            latencies.append(await _post(session, url, sender, texts[turn % len(texts)]))
    early = statistics.median(latencies[5:15])
    late = statistics.median(latencies[-10:])
    return {
        "turns": turns,
        "turn_10_ms": round(early, 1),
        "turn_200_ms": round(late, 1),
        "growth": round(late / early, 2),
        "per_turn_ms": [round(value, 1) for value in latencies],
    }


def _warm_up(url: str) -> None:
    """Send one message so models and stores are warm before measuring."""

    async def warm() -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120), headers=_auth()) as session:
            for _ in range(3):
                await _post(session, url, f"warm-{uuid.uuid4().hex[:6]}", "hello")

    asyncio.run(warm())


class Target:
    """A running benchmark target: where to send messages, its processes, how it started and how to stop it."""

    def __init__(self, name: str, url: str, texts: List[str], pids: Callable[[], List[int]], startup_s: float,
                 stop: Callable[[], None]) -> None:
        self.name, self.url, self.texts, self.pids, self.startup_s, self.stop = name, url, texts, pids, startup_s, stop
        self.rounds: Dict[int, List[Dict[str, Any]]] = {concurrency: [] for concurrency in CONCURRENCY}


def _conversations(concurrency: int, scale: float) -> int:
    return max(int(20 * scale), int(concurrency * 2 * scale), concurrency)


def _median_round(rounds: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The round with the median throughput, with every round's throughput beside it."""
    ordered = sorted(rounds, key=lambda load: load["messages_per_s"])
    return {**ordered[(len(ordered) - 1) // 2], "rounds_messages_per_s": [load["messages_per_s"] for load in rounds]}


def measure(targets: List[Target], scale: float, rounds: int) -> Dict[str, Any]:
    """Every load level for every target, round by round; then each target's long conversation and memory."""
    for target in targets:
        _warm_up(target.url)
    for number in range(rounds):
        for concurrency in CONCURRENCY:
            order = targets[number % len(targets):] + targets[: number % len(targets)]
            for target in order:
                print(f"  round {number + 1}/{rounds}: {target.name} c={concurrency} …", flush=True)
                load = asyncio.run(_load(target.url, target.texts, concurrency, _conversations(concurrency, scale)))
                target.rounds[concurrency].append(load)
    results: Dict[str, Any] = {}
    for target in targets:
        print(f"  {target.name}: one {LONG_TURNS}-turn conversation …", flush=True)
        long = asyncio.run(_long_conversation(target.url, target.texts, LONG_TURNS))
        rss = [rss_mb(pid) or 0.0 for pid in target.pids()]
        results[target.name] = {
            "startup_s": target.startup_s,
            "loads": [_median_round(target.rounds[concurrency]) for concurrency in CONCURRENCY],
            "long_conversation": long,
            "rasarss_mb": round(sum(rss), 1),
            "processes": len(rss),
        }
    return results


def _stock_model() -> Path:
    """The `rasa init` bot, trained once per Rasa version."""
    marker = STOCK_DIR / ".rasa-version"
    version = subprocess.run([RASA, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    model = STOCK_DIR / "models" / "stock.tar.gz"
    if model.exists() and marker.exists() and marker.read_text() == version:
        return model
    shutil.rmtree(STOCK_DIR, ignore_errors=True)
    STOCK_DIR.mkdir(parents=True)
    print("Generating and training the stock `rasa init` bot (once) …", flush=True)
    # `rasa init --no-prompt` writes the moodbot project and trains it.
    subprocess.run([RASA, "init", "--no-prompt", "--init-dir", str(STOCK_DIR)], check=True, cwd=STOCK_DIR,
                   stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    trained = sorted((STOCK_DIR / "models").glob("*.tar.gz"))
    if not trained:
        sys.exit("rasa init did not produce a trained model in var/bench/stock/models")
    trained[-1].rename(model)
    marker.write_text(version)
    return model


def start_stock() -> Target:
    """Stock Rasa: the moodbot with its own endpoints and credentials (REST on, in-memory tracker store)."""
    model = _stock_model()
    port = free_port()
    started = time.perf_counter()
    rasa = start_rasa(str(model), "127.0.0.1", port, "endpoints.yml", "credentials.yml", cwd=STOCK_DIR)
    startup = round(time.perf_counter() - started, 1)
    return Target("stock", f"http://127.0.0.1:{port}/webhooks/rest/webhook", STOCK_CONVERSATION,
                  lambda: [rasa.pid], startup, lambda: stop([rasa]))


def start_ours(model: str) -> Target:
    """Our assistant, default profile, in a throwaway SQLite file."""
    workdir = Path(tempfile.mkdtemp(prefix="benzo-bench-"))
    environ = dict(os.environ, SQLITE_PATH=str(workdir / "conversations.db"))
    actions_port, port = free_port(), free_port()
    actions = start_action_server(actions_port)
    endpoints = endpoints_file(actions_port, "default", environ)
    started = time.perf_counter()
    rasa = start_rasa(model, "127.0.0.1", port, endpoints)
    startup = round(time.perf_counter() - started, 1)

    def stop_ours() -> None:
        stop([rasa, actions])
        os.unlink(endpoints)
        shutil.rmtree(workdir, ignore_errors=True)

    return Target("ours", f"http://127.0.0.1:{port}/webhooks/rest/webhook", OURS_CONVERSATION,
                  lambda: [rasa.pid], startup, stop_ours)


def start_replicas(model: str, replicas: int = 2) -> Target:
    """Our assistant on the scale-out profile: replicas behind nginx, own PostgreSQL database and Redis prefix."""
    from bot.tools.replicas import start_cluster

    run = uuid.uuid4().hex[:8]
    database = f"benzo_bench_{run}"
    environ = dict(os.environ, DB_NAME=database, REDIS_KEY_PREFIX=f"benzo-bench-{run}")
    port = free_port()
    started = time.perf_counter()
    cluster = start_cluster(model, replicas, port, environ)
    startup = round(time.perf_counter() - started, 1)

    def stop_replicas() -> None:
        cluster.stop()
        _drop_database(environ, database)

    return Target("replicas", f"http://127.0.0.1:{port}/webhooks/rest/webhook", OURS_CONVERSATION,
                  lambda: [process.pid for process in cluster.replicas.values()], startup, stop_replicas)


def _drop_database(environ: Dict[str, str], database: str) -> None:
    import sqlalchemy

    url = sqlalchemy.engine.URL.create(
        "postgresql", username=environ.get("DB_USER") or "postgres", password=environ.get("DB_PASSWORD") or None,
        host=environ.get("DB_HOST") or "127.0.0.1", port=int(environ.get("DB_PORT") or 5432), database="postgres",
    )
    engine = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{database}"'))
    engine.dispose()


def risk_model_from(model: str) -> "RiskModel":
    """The risk model inside a trained Rasa model archive."""
    import tarfile
    import tempfile

    from bot.safety.risk_model import RiskModel

    with tarfile.open(model) as archive, tempfile.TemporaryDirectory() as folder:
        member = next(m for m in archive.getmembers() if m.name.endswith("/risk_model.npz"))
        member.name = "risk_model.npz"
        archive.extract(member, folder)  # noqa: S202 — our own model archive
        return RiskModel.load(Path(folder))


def guard_overhead(model: str) -> Dict[str, Any]:
    """The safety screen per message — the lexicon guard plus the risk model's reading — over the safety suites
    and the bench conversation. The message's sentence vector is computed first, as the pipeline's featurizer
    does before the safety classifier runs, so the figure is what the screen adds to a turn."""
    import csv

    from bot.components.safety_classifier import _piece_vector
    from bot.encoder import get_encoder
    from bot.safety.guard import assess

    risk_model = risk_model_from(model)
    encoder = get_encoder()
    texts: List[str] = []
    for name in ("risk_utterances", "safe_utterances", "holdout_risk", "holdout_safe"):
        with open(PROJECT_ROOT / "tests" / "safety" / f"{name}.tsv", encoding="utf-8") as handle:
            texts += [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
    texts += OURS_CONVERSATION
    texts = [" ".join(text.split()) for text in texts]

    def screen(text: str) -> None:
        assess(text)
        risk_model.read(text, encoder.encode_pooled([text])[0], lambda piece: _piece_vector(text, piece))

    for text in texts:
        encoder.encode_pooled([text])
    for text in texts[:20]:
        screen(text)
    passes = []
    for _ in range(GUARD_PASSES):  # the median pass: one slow spell of the machine does not decide the figure
        timings = []
        for text in texts:
            encoder.encode_pooled([text])  # the featurizer's pass (cached), not counted
            start = time.perf_counter()
            screen(text)
            timings.append((time.perf_counter() - start) * 1000)
        passes.append(timings)
    passes.sort(key=statistics.mean)
    timings = passes[len(passes) // 2]
    return {"messages": len(texts), "passes": GUARD_PASSES, "mean_ms": round(statistics.mean(timings), 2),
            "p95_ms": round(sorted(timings)[int(0.95 * len(timings))], 2),
            "pass_means_ms": [round(statistics.mean(p), 2) for p in passes]}


def _ratios(results: Dict[str, Any], targets: List[Target]) -> Dict[str, Any]:
    """Throughput ours/stock per load level: the median over rounds of the ratio within each round."""
    by_name = {target.name: target for target in targets}
    stock = by_name["stock"]
    ratios: Dict[str, Any] = {}
    for name in ("ours", "replicas"):
        if name not in by_name:
            continue
        ratios[name] = {
            f"c{concurrency}_throughput": round(statistics.median(
                mine["messages_per_s"] / theirs["messages_per_s"]
                for mine, theirs in zip(by_name[name].rounds[concurrency], stock.rounds[concurrency])
            ), 2)
            for concurrency in CONCURRENCY
        }
        ratios[name]["c1_p50"] = round(statistics.median(
            mine["p50_ms"] / theirs["p50_ms"] for mine, theirs in zip(by_name[name].rounds[1], stock.rounds[1])
        ), 2)
    return ratios


def _chart(results: Dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    targets = [name for name in ("stock", "ours", "replicas") if name in results]
    figure, (throughput, latency, growth) = plt.subplots(1, 3, figsize=(15, 4.5))
    width = 0.8 / len(targets)
    for index, name in enumerate(targets):
        loads = results[name]["loads"]
        positions = [i + index * width for i in range(len(loads))]
        throughput.bar(positions, [load["messages_per_s"] for load in loads], width, label=name)
        latency.bar(positions, [load["p50_ms"] for load in loads], width, label=f"{name} p50")
        latency.scatter(positions, [load["p95_ms"] for load in loads], marker="_", s=200, color="black")
        growth.plot(results[name]["long_conversation"]["per_turn_ms"], label=name, linewidth=0.8)
    for axis, title in ((throughput, "messages/s (closed loop)"), (latency, "p50 per message (ms; — = p95)")):
        axis.set_xticks([i + 0.4 - width / 2 for i in range(len(CONCURRENCY))])
        axis.set_xticklabels([f"c={c}" for c in CONCURRENCY])
        axis.set_title(title)
        axis.legend()
    latency.set_yscale("log")
    growth.set_title(f"per-turn latency over a {LONG_TURNS}-turn conversation (ms)")
    growth.set_xlabel("turn")
    growth.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def main(argv: Optional[List[str]] = None) -> int:
    """Run every target, write reports/bench.json and reports/bench.png."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="models/assistant.tar.gz")
    parser.add_argument("--out", default="reports")
    parser.add_argument("--targets", default="stock,ours,replicas", help="comma-separated subset")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the number of conversations per level")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every load level for every target")
    args = parser.parse_args(argv)
    targets = [name.strip() for name in args.targets.split(",") if name.strip()]
    # Capacity, not policy: the rate limits (bot/rate_limit.py) would otherwise throttle the load generator.
    os.environ.update({"RATE_LIMIT_PER_SENDER": "0", "RATE_LIMIT_PER_IP": "0"})

    starters = {"stock": start_stock, "ours": lambda: start_ours(args.model), "replicas": lambda: start_replicas(args.model)}
    unknown = [name for name in targets if name not in starters]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}")
    results: Dict[str, Any] = {"guard": guard_overhead(args.model), "rounds": args.rounds}
    running: List[Target] = []
    try:
        for name in targets:  # one after the other, so each start-up is measured alone
            print(f"Starting {name} …", flush=True)
            running.append(starters[name]())
        results.update(measure(running, args.scale, args.rounds))
    finally:
        for target in running:
            target.stop()
    if "stock" in results:
        results["ratios_to_stock"] = _ratios(results, running)
    out = PROJECT_ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(results, indent=2))
    _chart({k: v for k, v in results.items() if k in ("stock", "ours", "replicas")}, out / "bench.png")
    summary = dict(results)
    for name in ("stock", "ours", "replicas"):
        if name in summary:
            summary[name] = dict(summary[name], long_conversation={
                key: value for key, value in summary[name]["long_conversation"].items() if key != "per_turn_ms"})
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
