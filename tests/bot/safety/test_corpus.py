"""The risk model's corpus: labels, context examples and how NLU intents map to risk labels."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.safety.corpus import (
    CONTEXT_JOINER,
    RISK_CATEGORY_LABELS,
    RISK_LABELS,
    Example,
    deduplicate,
    label_for_intent,
    nlu_examples,
    read_corpus,
)
from bot.safety.categories import RISK_CATEGORIES


def test_every_risk_category_is_a_label_and_the_order_follows_the_categories() -> None:
    assert RISK_CATEGORY_LABELS == tuple(RISK_CATEGORIES)
    assert set(RISK_LABELS) == {"none", "advice", "possible", *RISK_CATEGORIES}


def test_intents_map_to_risk_labels_and_replies_to_are_you_safe_are_left_out() -> None:
    assert label_for_intent("risk_overdose") == "overdose"
    assert label_for_intent("medical_advice") == "advice"
    assert label_for_intent("side_effects") == "none"
    assert label_for_intent("risk_unclear") == "possible"
    assert label_for_intent("not_safe") is None and label_for_intent("affirm") is None


def test_nlu_examples_lose_entity_annotations() -> None:
    [example] = nlu_examples([("can I take [klonopin](medication) with wine", "medical_advice")])
    assert example == Example("can I take klonopin with wine", "advice", "nlu")


def test_conversation_turns_become_context_examples(tmp_path: Path) -> None:
    (tmp_path / "talk.jsonl").write_text(
        json.dumps({"turns": [{"text": "how much is too much", "label": "possible"}, {"text": "i have 60", "label": "suicide"}]})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "single.tsv").write_text("label\tlang\ttext\nnone\ten\thello there\n", encoding="utf-8")
    examples = read_corpus(tmp_path)
    assert [e.label for e in examples] == ["none", "possible", "suicide"]
    assert examples[-1].text == "how much is too much" + CONTEXT_JOINER + "i have 60"


def test_an_unknown_label_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.tsv").write_text("label\tlang\ttext\nsuicidal\ten\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown label"):
        read_corpus(tmp_path)


def test_a_text_with_two_labels_keeps_the_riskier_one() -> None:
    kept = deduplicate([Example("t", "none", "a"), Example("t", "suicide", "b"), Example("u", "advice", "c")])
    assert sorted((e.text, e.label) for e in kept) == [("t", "suicide"), ("u", "advice")]


def test_the_project_corpus_is_large_and_covers_every_label() -> None:
    counts = Counter(example.label for example in read_corpus())
    assert set(counts) == set(RISK_LABELS)
    assert sum(counts.values()) >= 8000
    assert min(counts[label] for label in RISK_CATEGORY_LABELS) >= 100
