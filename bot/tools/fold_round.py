"""`python -m bot.tools.fold_round SET N`: after a fresh set's first contact is recorded, split it in two halves.

Within each class, every other message (and every other conversation) becomes a regression test in
tests/understanding/roundN/; the rest joins the risk model's training data as data/risk/roundN.tsv and
data/risk/roundN_conversations.jsonl, with the set's expected outcomes mapped to risk labels, and its questions join
the NLU data as examples of the answers the set names (data/nlu/roundN.yml; "not covered" ones too). The set's classes say
which kind of crisis or emergency a message is only roughly, so the emergency labels are guessed from the words
and printed for a person to check before committing. Refuses to run before the round's first contact is recorded.

The halves stay apart from everything else (bot.tools.leakage): a message the models already train on cannot be a
regression test (a conversation with such a turn joins the training half instead), and a message some test holds
out is left out of training.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Dict, List, Optional

from bot.sources import PROJECT_ROOT
from bot.tools import leakage
from bot.tools.fresh_eval import topics_of
from bot.tools.leakage import normalized

HEADER = ["id", "class", "expected", "lang", "topics", "text"]
CLASS_LABELS = {
    "self_harm": "self_harm",
    "harm_others": "harm_others",
    "mixing_now": "mixing",
    "overdose": "overdose",
    "accidental_ingestion": "overdose",
    "withdrawal_emergency": "medical_emergency",
    "check_in": "possible",
    "advice": "advice",
}
EXPECTED_LABELS = {"crisis": "suicide", "harm_others": "harm_others", "check_in": "possible", "advice": "advice"}
_PET = re.compile(r"\b(dog|puppy|cat|kitten|beagle|pet|perro|perrito|gato|gatito|mascota)\b", re.I)
_DEPRESSANT = re.compile(
    r"\b(beers?|wine|vodka|whiske?y|tequila|shots?|drunk|drinking|drinks|alcohol|oxys?|percs?|lean|fent\w*|heroin|"
    r"methadone|opioids?|gabapentin|ambien|xanax|cerveza|alcohol|trago)\b",
    re.I,
)
_INGESTED = re.compile(r"\b(took|taken|swallow\w*|ate|handful|bottle|too many|how many|missing|overdos\w*|wake|tom[oó]|trag[oó])\b", re.I)
_WITHDRAWAL_SIGNS = re.compile(r"seiz|convuls|halluc|chest|heart|vomit|fever|delir|faint|blood pressure|bp ", re.I)
_SELF_HARM = re.compile(r"\b(cut|cutting|cuts|burn(ing)? (my|her|him)self|self.?harm|sh)\b", re.I)


def label_for(klass: str, expected: str, text: str) -> str:
    """The risk label of one message of a set (emergencies guessed from the words)."""
    if klass == "accidental_ingestion" and _PET.search(text):
        return "pet_ingestion"
    if klass in CLASS_LABELS:
        return CLASS_LABELS[klass]
    if expected == "crisis" and _SELF_HARM.search(text):
        return "self_harm"
    if expected == "emergency":
        if _PET.search(text):
            return "pet_ingestion"
        if _DEPRESSANT.search(text):
            return "mixing"
        if _INGESTED.search(text) and not _WITHDRAWAL_SIGNS.search(text):
            return "overdose"
        return "medical_emergency"
    return EXPECTED_LABELS.get(expected, "none")


def nlu_intent_for(row: Dict[str, str]) -> Optional[str]:
    """The NLU intent a training-half question teaches: the first answer its set names (sets from round 7 on name
    answers, `side_effects/memory`), or `not_covered`; None for everything else (the risk corpus has those)."""
    if row["expected"] == "not_covered":
        return "not_covered"
    answers = [topic for topic in topics_of(row.get("topics")) if "/" in topic]
    if row["expected"] == "answer" and answers:
        return answers[0]
    return None


def conversation_half(texts: set, index: int, trained: set, held_out: set) -> Optional[str]:
    """"tests" or "training" for a conversation with these (normalized) turn texts, None when it fits neither: every
    other one is a test, unless a turn is already trained on; one with a held-out turn must be a test."""
    if texts & held_out and texts & trained:
        return None
    if (index % 2 == 0 or texts & held_out) and not texts & trained:
        return "tests"
    return "training"


def write_nlu_examples(train: List[Dict[str, str]], trained: set, path: Path, round_number: int) -> int:
    """The training half's questions as NLU examples of their answers (data/nlu/roundN.yml), skipping texts the
    NLU already has; returns how many were written."""
    by_intent: Dict[str, List[str]] = {}
    for row in train:
        intent = nlu_intent_for(row)
        # Square brackets and parentheses would read as entity annotations.
        text = re.sub(r"[\[\]()]", " ", row["text"]).strip()
        if intent and normalized(text) not in trained:
            by_intent.setdefault(intent, []).append(" ".join(text.split()))
    path.unlink(missing_ok=True)
    if not by_intent:
        return 0
    lines = [
        'version: "3.1"',
        "",
        f"# The training half of fresh evaluation round {round_number}: questions written by someone who never saw the",
        "# training data, as examples of the answer the set names (bot/tools/fold_round.py writes this file).",
        "nlu:",
    ]
    for intent in sorted(by_intent):
        lines += [f"- intent: {intent}", "  examples: |", *(f"    - {text}" for text in by_intent[intent])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sum(len(texts) for texts in by_intent.values())


def split(rows: List[Dict[str, str]]) -> tuple:
    """(regression half, training half): alternate within each class, in id order."""
    by_class: Dict[str, List[Dict[str, str]]] = {}
    for row in sorted(rows, key=lambda row: row["id"]):
        by_class.setdefault(row["class"], []).append(row)
    tests, train = [], []
    for members in by_class.values():
        for index, row in enumerate(members):
            (tests if index % 2 == 0 else train).append(row)
    return sorted(tests, key=lambda r: r["id"]), sorted(train, key=lambda r: r["id"])


def main(argv: Optional[List[str]] = None) -> int:
    """Write both halves."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set")
    parser.add_argument("round", type=int)
    args = parser.parse_args(argv)
    record = PROJECT_ROOT / "reports" / "understanding" / f"round{args.round}_first_contact.json"
    if not record.exists():
        print(f"{record} is missing: score the set first (make first-contact), then fold it in.", file=sys.stderr)
        return 2
    source = Path(args.set)
    with (source / "messages.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    folder = PROJECT_ROOT / "tests" / "understanding" / f"round{args.round}"
    risk_dir = PROJECT_ROOT / "data" / "risk"
    nlu_file = PROJECT_ROOT / "data" / "nlu" / f"round{args.round}.yml"
    for stale in (risk_dir / f"round{args.round}.tsv", risk_dir / f"round{args.round}_conversations.jsonl", nlu_file):
        stale.unlink(missing_ok=True)  # a re-run must not find this round's own training half "in training"
    trained = leakage.training_texts(leakage.nlu_texts())
    held_out = leakage.held_out_texts(skip_round=folder.name)
    tests, train = split(rows)
    dropped = [row["text"] for row in tests if normalized(row["text"]) in trained]
    dropped += [row["text"] for row in train if normalized(row["text"]) in held_out]
    tests = [row for row in tests if normalized(row["text"]) not in trained]
    train = [row for row in train if normalized(row["text"]) not in held_out]
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "messages.tsv").open("w", encoding="utf-8") as handle:
        handle.write("\t".join(HEADER) + "\n")
        for row in tests:
            handle.write("\t".join(row.get(column) or "" for column in HEADER) + "\n")
    with (risk_dir / f"round{args.round}.tsv").open("w", encoding="utf-8") as handle:
        handle.write("label\tlang\ttext\n")
        for row in train:
            label = label_for(row["class"], row["expected"], row["text"])
            handle.write(f"{label}\t{row.get('lang') or 'en'}\t{row['text']}\n")
            if row["expected"] == "emergency":
                print(f"check: {label:18s} {row['text'][:100]}")
    examples = write_nlu_examples(train, trained, nlu_file, args.round)
    print(f"{examples} questions of the training half became NLU examples in {nlu_file}")
    conversations = [json.loads(line) for line in (source / "conversations.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    with (folder / "conversations.jsonl").open("w", encoding="utf-8") as tests_file, (
        risk_dir / f"round{args.round}_conversations.jsonl"
    ).open("w", encoding="utf-8") as train_file:
        # This round's own halves count too: a turn that is also one of its training messages must not be tested,
        # and one that is also a regression message must not be trained on.
        trained_now = trained | {normalized(row["text"]) for row in train}
        held_now = held_out | {normalized(row["text"]) for row in tests}
        for index, conversation in enumerate(conversations):
            texts = {normalized(turn["text"]) for turn in conversation["turns"]}
            half = conversation_half(texts, index, trained_now, held_now)
            if half is None:
                dropped.append(f"conversation {conversation.get('id', index)}")
                continue
            if half == "tests":
                tests_file.write(json.dumps(conversation, ensure_ascii=False) + "\n")
                continue
            turns = [
                {"text": turn["text"], "label": label_for("", turn.get("expected", "none"), turn["text"])}
                for turn in conversation["turns"]
            ]
            train_file.write(json.dumps({"turns": turns}, ensure_ascii=False) + "\n")
    for text in dropped:
        print(f"left out (already trained on, or held out by a test): {text[:100]}")
    print(f"regression half: {len(tests)} messages in {folder}; training half: {len(train)} in {risk_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
