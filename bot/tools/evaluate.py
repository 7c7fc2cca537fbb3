"""`python -m bot.tools.evaluate`: NLU cross-validation, the safety report and understanding, written to reports/.

  reports/nlu/                 Rasa's cross-validation reports (intent_report.json, intent_confusion_matrix.png …)
  reports/safety_report.json   recall per risk type and kind, false alarms per kind, guard alone vs full pipeline,
  reports/safety_report.md     for the suite and the holdout suite; guard time per message
  reports/understanding.md     every fresh round's first-contact figures side by side (reports/understanding/,
                               committed), and the regression halves (tests/understanding/) scored now
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.safety.categories import RISK_INTENTS
from bot.safety.guard import get_guard
from bot.sources import PROJECT_ROOT

SUITES = {
    "suite": ("risk_utterances.tsv", "safe_utterances.tsv"),
    "holdout": ("holdout_risk.tsv", "holdout_safe.tsv"),
}


def _rows(name: str) -> List[Dict[str, str]]:
    path = PROJECT_ROOT / "tests" / "safety" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _rate(hits: int, total: int) -> Optional[float]:
    return round(hits / total, 4) if total else None


def cross_validate(out: Path, folds: int) -> Dict[str, Any]:
    """Rasa's NLU cross-validation; returns the weighted intent F1 and where the reports are."""
    target = out / "nlu"
    subprocess.run(
        [str(Path(sys.executable).with_name("rasa")), "test", "nlu", "--cross-validation", "--folds", str(folds),
         "--config", "config.yml", "--nlu", "data/nlu", "--out", str(target)],
        cwd=PROJECT_ROOT,
        check=True,
    )
    report = json.loads((target / "intent_report.json").read_text())
    return {
        "folds": folds,
        "intent_weighted_f1": round(report["weighted avg"]["f1-score"], 4),
        "intent_macro_f1": round(report["macro avg"]["f1-score"], 4),
        "confusion_matrix": str(target / "intent_confusion_matrix.png"),
    }


async def _parse_all(model: str, texts: List[str]) -> List[Dict[str, Any]]:
    from rasa.core.agent import load_agent

    agent = await load_agent(model)
    return [await agent.parse_message(text) for text in texts]


def safety_report(model: str) -> Dict[str, Any]:
    """Recall and false alarms, for the guard alone and for the full NLU pipeline of the trained model."""
    guard = get_guard()
    report: Dict[str, Any] = {}
    for suite, (risk_file, safe_file) in SUITES.items():
        risk, safe = _rows(risk_file), _rows(safe_file)
        parsed = asyncio.run(_parse_all(model, [row["text"] for row in risk + safe]))
        parsed_risk, parsed_safe = parsed[: len(risk)], parsed[len(risk) :]
        by_category: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        by_kind: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        same_category = guard_hits = 0
        missed = []
        for row, result in zip(risk, parsed_risk):
            intent = result["intent"]["name"]
            caught = intent in RISK_INTENTS
            by_category[row["category"]][0] += caught
            by_category[row["category"]][1] += 1
            by_kind[row["kind"]][0] += caught
            by_kind[row["kind"]][1] += 1
            same_category += caught and RISK_INTENTS[intent].name == row["category"]
            guard_hits += guard.assess(row["text"]).is_risk
            if not caught:
                missed.append({"category": row["category"], "kind": row["kind"], "text": row["text"]})
        alarms_by_kind: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        guard_alarms = 0
        false_alarms = []
        for row, result in zip(safe, parsed_safe):
            alarmed = result["intent"]["name"] in RISK_INTENTS
            alarms_by_kind[row["kind"]][0] += alarmed
            alarms_by_kind[row["kind"]][1] += 1
            guard_alarms += guard.assess(row["text"]).is_risk
            if alarmed:
                false_alarms.append({"kind": row["kind"], "text": row["text"]})
        caught_total = sum(hits for hits, _ in by_category.values())
        report[suite] = {
            "risk_utterances": len(risk),
            "safe_utterances": len(safe),
            "recall": _rate(caught_total, len(risk)),
            "false_alarm_rate": _rate(len(false_alarms), len(safe)),
            "category_agreement": _rate(same_category, len(risk)),
            "guard_alone": {"recall": _rate(guard_hits, len(risk)), "false_alarm_rate": _rate(guard_alarms, len(safe))},
            "recall_by_category": {key: _rate(*value) for key, value in sorted(by_category.items())},
            "recall_by_kind": {key: _rate(*value) for key, value in sorted(by_kind.items())},
            "false_alarms_by_kind": {key: _rate(*value) for key, value in sorted(alarms_by_kind.items())},
            "missed": missed,
            "false_alarms": false_alarms,
        }
    texts = [row["text"] for row in _rows("risk_utterances.tsv") + _rows("safe_utterances.tsv")]
    timings = []
    for text in texts:
        start = time.perf_counter()
        guard.assess(text)
        timings.append((time.perf_counter() - start) * 1000)
    report["guard_ms_per_message"] = {
        "mean": round(statistics.mean(timings), 3),
        "p95": round(sorted(timings)[int(0.95 * len(timings))], 3),
    }
    return report


def _markdown(report: Dict[str, Any], nlu: Optional[Dict[str, Any]]) -> str:
    lines = ["# Evaluation", ""]
    if nlu:
        lines += [f"NLU {nlu['folds']}-fold cross-validation: intent F1 {nlu['intent_weighted_f1']:.3f} (weighted), "
                  f"{nlu['intent_macro_f1']:.3f} (macro). Confusion matrix: `{nlu['confusion_matrix']}`.", ""]
    for suite in SUITES:
        data = report[suite]
        lines += [
            f"## Safety — {suite} ({data['risk_utterances']} risk, {data['safe_utterances']} safe)",
            "",
            f"- Full pipeline: recall **{data['recall']:.1%}**, false alarms **{data['false_alarm_rate']:.1%}**, "
            f"category agreement {data['category_agreement']:.1%}",
            f"- Guard alone: recall {data['guard_alone']['recall']:.1%}, "
            f"false alarms {data['guard_alone']['false_alarm_rate']:.1%}",
            "",
            "| risk type | recall |",
            "|---|---|",
            *[f"| {key} | {value:.1%} |" for key, value in data["recall_by_category"].items()],
            "",
        ]
    lines.append(f"Guard time per message: mean {report['guard_ms_per_message']['mean']} ms, "
                 f"p95 {report['guard_ms_per_message']['p95']} ms.")
    return "\n".join(lines) + "\n"


FIRST_CONTACT_DIR = PROJECT_ROOT / "reports" / "understanding"


def understanding_table(now: Optional[Dict[str, Dict[str, Any]]] = None) -> str:
    """The headline figures of every recorded first contact, one column per round (plus current regression
    scores when given)."""
    from bot.tools.fresh_eval import HEADLINE

    records = {path.stem: json.loads(path.read_text()) for path in sorted(FIRST_CONTACT_DIR.glob("*.json"))}
    columns = [(name, record) for name, record in records.items()] + [(f"{name} now", record) for name, record in (now or {}).items()]
    lines = ["# Understanding: first contact with fresh sets", "",
             "Each round's set was written by a helper who never saw the training data, the lexicon or earlier sets, "
             "and scored once before anything was changed for it. `now` columns re-score a round's regression half.",
             "", "| figure | " + " | ".join(name for name, _ in columns) + " |", "|---|" + "---|" * len(columns)]
    for label, part, key in HEADLINE:
        cells = []
        for _, record in columns:
            value = (record.get(part) or {}).get(key) or {}
            cells.append("n/a" if value.get("rate") is None else f"{value['rate']:.1%} ({value.get('hits', '')}/{value.get('of')})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "Labels: " + "; ".join(f"**{name}**: {record.get('label', '')} (commit {record.get('commit')})" for name, record in records.items())]
    return "\n".join(lines) + "\n"


def regression_scores(model: str) -> Dict[str, Dict[str, Any]]:
    """The regression halves of every round, scored with the current model."""
    from bot.tools.fresh_eval import Assistant, run_set
    from bot.tools.serve import free_port, start_action_server, stop

    port = free_port()
    server = start_action_server(port)
    try:
        assistant = Assistant(model, f"http://127.0.0.1:{port}/webhook")
        return {folder.name: run_set(assistant, folder) for folder in sorted((PROJECT_ROOT / "tests" / "understanding").glob("round*"))}
    finally:
        stop([server])


def main(argv: Optional[List[str]] = None) -> int:
    """Write the reports."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="reports")
    parser.add_argument("--model", default="models/assistant.tar.gz")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--skip-cross-validation", action="store_true")
    args = parser.parse_args(argv)
    out = PROJECT_ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    nlu = None if args.skip_cross_validation else cross_validate(out, args.folds)
    report = safety_report(args.model)
    (out / "safety_report.json").write_text(json.dumps({"nlu": nlu, **report}, indent=2))
    (out / "safety_report.md").write_text(_markdown(report, nlu))
    print(_markdown(report, nlu))
    table = understanding_table(regression_scores(args.model))
    (out / "understanding.md").write_text(table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
