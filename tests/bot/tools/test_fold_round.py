"""Folding a fresh set in: which questions become NLU examples, and that the file Rasa reads is well formed."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.tools.fold_round import label_for, nlu_intent_for, write_nlu_examples
from bot.tools.leakage import normalized


def row(expected: str, topics: str = "", text: str = "a question", klass: str = "on_topic") -> dict:
    return {"id": "m1", "class": klass, "expected": expected, "lang": "en", "topics": topics, "text": text}


def test_a_question_teaches_the_first_answer_its_set_names_and_not_covered_its_own_intent() -> None:
    assert nlu_intent_for(row("answer", "side_effects/memory, side_effects/overview")) == "side_effects/memory"
    assert nlu_intent_for(row("not_covered")) == "not_covered"
    assert nlu_intent_for(row("answer", "side_effects")) is None  # earlier rounds named topics only
    assert nlu_intent_for(row("crisis", klass="suicide_passive")) is None


def test_nlu_examples_skip_known_texts_and_strip_annotation_brackets(tmp_path: Path) -> None:
    path = tmp_path / "round9.yml"
    rows = [
        row("answer", "withdrawal_timeline/onset", "when does it [start] (roughly)?"),
        row("answer", "withdrawal_timeline/onset", "already an example"),
        row("not_covered", text="does it show on a hair test"),
        row("advice", text="should i cut my dose", klass="advice"),
    ]
    written = write_nlu_examples(rows, {normalized("already an example")}, path, 9)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    examples = {item["intent"]: item["examples"].split("\n") for item in data["nlu"]}
    assert written == 2
    assert examples["withdrawal_timeline/onset"][0] == "- when does it start roughly ?"
    assert examples["not_covered"][0] == "- does it show on a hair test"


def test_emergency_labels_are_guessed_from_the_words() -> None:
    assert label_for("third_party_emergency", "emergency", "my dog ate two of my pills") == "pet_ingestion"
    assert label_for("third_party_emergency", "emergency", "he drank vodka with his pins") == "mixing"
    assert label_for("withdrawal_emergency", "emergency", "she is seizing") == "medical_emergency"


def test_a_conversation_sharing_a_turn_with_a_trained_or_held_out_message_goes_to_the_matching_half() -> None:
    from bot.tools.fold_round import conversation_half

    assert conversation_half({"hi", "what is paws"}, 0, trained=set(), held_out=set()) == "tests"
    assert conversation_half({"hi", "what is paws"}, 1, trained=set(), held_out=set()) == "training"
    assert conversation_half({"what is paws"}, 0, trained={"what is paws"}, held_out=set()) == "training"
    assert conversation_half({"what is paws"}, 1, trained=set(), held_out={"what is paws"}) == "tests"
    assert conversation_half({"a", "b"}, 0, trained={"a"}, held_out={"b"}) is None
