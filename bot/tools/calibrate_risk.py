"""`python -m bot.tools.calibrate_risk`: choose the risk model's thresholds by cross-validation on its corpus.

The corpus (data/risk/ plus the NLU examples) is split into K folds; each fold is read by a model fitted on the
others, so every example gets an honest, out-of-fold reading. From those readings:
  crisis threshold — the lowest cut-off at which at most `--max-alarm` of the ordinary examples (none + advice)
                     would get a crisis reply;
  check threshold  — the highest cut-off at which at least `--min-concern-recall` of the risk and unclear-risk
                     examples would at least get the direct question.
The evaluation sets under tests/understanding/ are never read here: thresholds are not tuned on what is reported.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Dict, List, Optional

import numpy as np

from bot.encoder import training_cache
from bot.safety.corpus import ADVICE, NONE, POSSIBLE, RISK_CATEGORY_LABELS, Example, deduplicate, nlu_examples, read_corpus
from bot.safety.risk_model import RiskModel, RiskReading


def nlu_pairs() -> List[tuple]:
    """(text, intent) of every NLU training example, as Rasa reads them."""
    from rasa.shared.importers.importer import TrainingDataImporter

    from bot.sources import PROJECT_ROOT

    importer = TrainingDataImporter.load_from_config(
        str(PROJECT_ROOT / "config.yml"), str(PROJECT_ROOT / "domain.yml"), [str(PROJECT_ROOT / "data")]
    )
    return [(e.get("text"), e.get("intent")) for e in importer.get_nlu_data().intent_examples if e.get("intent")]


def training_examples() -> List[Example]:
    """The examples the risk model is trained on."""
    return deduplicate([*read_corpus(), *nlu_examples(nlu_pairs())])


def out_of_fold(examples: List[Example], folds: int, seed: int = 7) -> List[RiskReading]:
    """Every example read by a model that did not see it."""
    cache = training_cache()
    vectors = cache.encode_pooled([example.text for example in examples])
    cache.save()
    order = np.random.default_rng(seed).permutation(len(examples))
    readings: List[Optional[RiskReading]] = [None] * len(examples)
    for fold in range(folds):
        held = order[fold::folds]
        kept = np.setdiff1d(order, held)
        model = RiskModel.fit([examples[i].text for i in kept], [examples[i].label for i in kept], vectors[kept])
        for index in held:
            readings[index] = model.read(examples[index].text, vectors[index], lambda piece: cache.encode_pooled([piece])[0])
        print(f"fold {fold + 1}/{folds} done", file=sys.stderr)
    cache.save()
    return [reading for reading in readings if reading is not None]


def choose(examples: List[Example], readings: List[RiskReading], max_alarm: float, min_concern_recall: float) -> Dict:
    """Thresholds from out-of-fold readings, with the rates they give."""
    labels = np.array([example.label for example in examples])
    risk = np.array([reading.risk for reading in readings])
    concern = np.array([reading.concern for reading in readings])
    ordinary = np.isin(labels, [NONE, ADVICE])
    risky = np.isin(labels, RISK_CATEGORY_LABELS)
    worrying = risky | (labels == POSSIBLE)
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    crisis = next((float(t) for t in grid if (risk[ordinary] >= t).mean() <= max_alarm), float(grid[-1]))
    checks = [float(t) for t in grid if t <= crisis and (concern[worrying] >= t).mean() >= min_concern_recall]
    check = max(checks) if checks else float(grid[0])
    return {
        "crisis_threshold": crisis,
        "check_threshold": check,
        "examples": int(len(examples)),
        "risk_recall_at_crisis": round(float((risk[risky] >= crisis).mean()), 4),
        "ordinary_alarm_at_crisis": round(float((risk[ordinary] >= crisis).mean()), 4),
        "concern_recall_at_check": round(float((concern[worrying] >= check).mean()), 4),
        "ordinary_checked_at_check": round(float(((concern[ordinary] >= check) & (risk[ordinary] < crisis)).mean()), 4),
    }


def main(argv: Optional[List[str]] = None) -> int:
    """Print the thresholds to put into config.yml (SafetyClassifier)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    # The corpus's ordinary examples are mostly hard negatives (idioms, questions about risk), so its alarm rate
    # overstates what ordinary traffic sees.
    parser.add_argument("--max-alarm", type=float, default=0.03)
    parser.add_argument("--min-concern-recall", type=float, default=0.98)
    args = parser.parse_args(argv)
    examples = training_examples()
    readings = out_of_fold(examples, args.folds)
    print(json.dumps(choose(examples, readings, args.max_alarm, args.min_concern_recall), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
