"""What the models train on and what the tests hold out, compared by normalized text.

A test phrasing that is also a training example proves nothing, so `tests/test_training_data.py` fails on any
overlap and `bot.tools.fold_round` keeps a new round's halves apart from both sides when it folds a set in.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Iterable, List, Set

from bot.safety.corpus import CONTEXT_JOINER, read_corpus
from bot.sources import PROJECT_ROOT

TESTS_DIR = PROJECT_ROOT / "tests"
# Held-out phrasings kept in files (the Python test modules add their own constants on top).
HELD_OUT_TSVS = (
    "safety/risk_utterances.tsv",
    "safety/safe_utterances.tsv",
    "safety/holdout_risk.tsv",
    "safety/holdout_safe.tsv",
    "answers/validation_questions.tsv",
)


def normalized(text: str) -> str:
    """Lower-case words only: punctuation, case and spacing do not make a phrasing new."""
    return " ".join(re.findall(r"[a-z0-9áéíóúñ]+", (text or "").lower()))


def _tsv_texts(path: Path) -> List[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def nlu_texts() -> List[str]:
    """Every NLU training example's text (entity annotations removed)."""
    from rasa.shared.importers.importer import TrainingDataImporter

    importer = TrainingDataImporter.load_from_config(
        str(PROJECT_ROOT / "config.yml"), str(PROJECT_ROOT / "domain.yml"), [str(PROJECT_ROOT / "data")]
    )
    return [example.get("text") for example in importer.get_nlu_data().intent_examples]


def training_texts(nlu: Iterable[str] = ()) -> Set[str]:
    """Every text a model trains on: the NLU examples given and the risk corpus (each turn of its conversations)."""
    texts = {normalized(text) for text in nlu}
    for example in read_corpus():
        texts.update(normalized(part) for part in example.text.split(CONTEXT_JOINER))
    return texts


def understanding_texts(skip_round: str = "") -> List[str]:
    """The regression halves of the fresh rounds (tests/understanding/round*/), messages and turns."""
    texts: List[str] = []
    for folder in sorted((TESTS_DIR / "understanding").glob("round*")):
        if folder.name == skip_round:
            continue
        texts += _tsv_texts(folder / "messages.tsv")
        conversations = folder / "conversations.jsonl"
        for line in conversations.read_text(encoding="utf-8").splitlines() if conversations.exists() else []:
            if line.strip():
                texts += [turn["text"] for turn in json.loads(line)["turns"]]
    return texts


def held_out_texts(skip_round: str = "") -> Set[str]:
    """Normalized test phrasings kept in files: the safety suites, the answer questions and the rounds' halves."""
    texts = [text for name in HELD_OUT_TSVS for text in _tsv_texts(TESTS_DIR / name)]
    return {normalized(text) for text in texts + understanding_texts(skip_round)}
