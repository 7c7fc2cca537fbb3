"""The risk model's training corpus: data/risk/*.tsv and data/risk/*.jsonl, plus the NLU training examples.

Every example carries one of `RISK_LABELS`. The TSV files hold single messages (`label	lang	text`); the JSONL
files hold short conversations whose turns are labelled as they read *after* the earlier turns, and each later turn
becomes a context example: "<previous user turn> <this turn>". NLU examples count too: the risk intents as their
category, `medical_advice` as advice, and every question, greeting and other intent as `none`, so the model sees
thousands of ordinary messages. The corpus is written from the clinical taxonomy (shared/safety_taxonomy.md); the
files of fresh evaluation rounds join it only after their first-contact score is recorded.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

from bot.safety.categories import RISK_CATEGORIES
from bot.sources import PROJECT_ROOT

CORPUS_DIR = PROJECT_ROOT / "data" / "risk"

# The risk categories (bot.safety.categories is their one source), then the three non-risk labels.
RISK_CATEGORY_LABELS: Tuple[str, ...] = tuple(RISK_CATEGORIES)
POSSIBLE = "possible"
ADVICE = "advice"
NONE = "none"
RISK_LABELS: Tuple[str, ...] = (NONE, ADVICE, POSSIBLE, *RISK_CATEGORY_LABELS)

INTENT_LABELS = {
    **{category.intent: category.name for category in RISK_CATEGORIES.values()},
    "risk_unclear": POSSIBLE,
    "medical_advice": ADVICE,
}
# Replies to "are you safe?" mean the opposite of what they say alone ("no" = not safe): they need the question.
CONTEXT_ONLY_INTENTS = frozenset({"confirm_safe", "not_safe", "deny_risk", "affirm", "deny"})
CONTEXT_JOINER = " \n "


@dataclass(frozen=True)
class Example:
    """One labelled message (a context example's text already holds the previous turn)."""

    text: str
    label: str
    source: str


def label_for_intent(intent: str) -> Optional[str]:
    """The risk label of an NLU intent (None for intents whose meaning depends on the question asked)."""
    base = intent.split("/")[0]
    if base in CONTEXT_ONLY_INTENTS:
        return None
    return INTENT_LABELS.get(base, NONE)


def with_context(previous: str, text: str) -> str:
    """The text the model reads for a message that follows `previous` in the same conversation."""
    return f"{previous.strip()}{CONTEXT_JOINER}{text.strip()}"


def _read_tsv(path: Path) -> Iterator[Example]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            label, text = (row.get("label") or "").strip(), (row.get("text") or "").strip()
            if label not in RISK_LABELS:
                raise ValueError(f"{path.name}: unknown label {label!r}")
            if text:
                yield Example(text, label, path.name)


def _read_conversations(path: Path) -> Iterator[Example]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        turns = json.loads(line)["turns"]
        for index, turn in enumerate(turns):
            if turn["label"] not in RISK_LABELS:
                raise ValueError(f"{path.name}:{number}: unknown label {turn['label']!r}")
            text = turn["text"] if index == 0 else with_context(turns[index - 1]["text"], turn["text"])
            yield Example(text, turn["label"], path.name)


def corpus_files(directory: Path = CORPUS_DIR) -> List[Path]:
    """The corpus files, in a stable order."""
    return sorted([*directory.glob("*.tsv"), *directory.glob("*.jsonl")])


def read_corpus(directory: Path = CORPUS_DIR) -> List[Example]:
    """Every example of the corpus files."""
    examples: List[Example] = []
    for path in corpus_files(directory):
        reader = _read_tsv if path.suffix == ".tsv" else _read_conversations
        examples.extend(reader(path))
    return examples


_ANNOTATION = re.compile(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})")


def nlu_examples(pairs: Iterable[Tuple[str, str]]) -> List[Example]:
    """(text, intent) pairs from the NLU data as risk examples (entity annotations already removed by Rasa)."""
    examples = []
    for text, intent in pairs:
        label = label_for_intent(intent)
        if label is not None and text and text.strip():
            examples.append(Example(_ANNOTATION.sub(r"\1", text).strip(), label, "nlu"))
    return examples


def deduplicate(examples: Sequence[Example]) -> List[Example]:
    """One example per text; when the same text carries two labels, the riskier label wins (listed later)."""
    rank = {label: index for index, label in enumerate(RISK_LABELS)}
    best: dict = {}
    for example in examples:
        kept = best.get(example.text)
        if kept is None or rank[example.label] > rank[kept.label]:
            best[example.text] = example
    return list(best.values())
