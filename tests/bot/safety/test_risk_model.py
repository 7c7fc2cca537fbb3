"""The risk model on a small corpus: it learns, it saves and loads exactly, and it reads long messages in pieces."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.encoder import get_encoder
from bot.safety import risk_model
from bot.safety.risk_model import RiskModel, sentences

TRAIN = [
    ("i want to kill myself tonight", "suicide"),
    ("i am going to end my life", "suicide"),
    ("nobody would miss me if i was gone for good", "suicide"),
    ("i have my pills ready and i want to die", "suicide"),
    ("my toddler swallowed some of my pills", "overdose"),
    ("i took the whole bottle of klonopin", "overdose"),
    ("how long does withdrawal last", "none"),
    ("what are the side effects of clonazepam", "none"),
    ("is klonopin addictive", "none"),
    ("what is a partial hospitalization program", "none"),
    ("should i take an extra half tonight", "advice"),
    ("can i skip my dose tomorrow", "advice"),
    ("what's the point of anything", "possible"),
    ("i don't know how much longer i can keep going", "possible"),
]


@pytest.fixture(scope="module")
def model() -> RiskModel:
    texts = [text for text, _ in TRAIN]
    return RiskModel.fit(texts, [label for _, label in TRAIN], get_encoder().encode_pooled(texts))


def read(model: RiskModel, text: str, pieces: bool = False):
    encoder = get_encoder()
    return model.read(text, encoder.encode_pooled([text])[0], (lambda piece: encoder.encode_pooled([piece])[0]) if pieces else None)


def test_it_separates_what_it_was_taught(model: RiskModel) -> None:
    assert read(model, "i want to kill myself tonight").risk > 0.5
    assert read(model, "i want to kill myself tonight").category == "suicide"
    assert read(model, "my toddler swallowed some of my pills").category == "overdose"
    assert read(model, "how long does withdrawal last").risk < 0.3


def test_probabilities_sum_to_one_and_the_masses_add_up(model: RiskModel) -> None:
    reading = read(model, "what's the point of anything")
    assert sum(reading.probabilities.values()) == pytest.approx(1.0, abs=1e-4)
    assert reading.concern == pytest.approx(reading.risk + reading.possible)


def test_saved_and_loaded_model_reads_the_same(model: RiskModel, tmp_path: Path) -> None:
    model.save(tmp_path)
    loaded = RiskModel.load(tmp_path)
    for text in ("i am going to end my life", "is klonopin addictive"):
        before, after = read(model, text), read(loaded, text)
        assert after.risk == pytest.approx(before.risk, abs=1e-3)
        assert after.category == before.category


def test_a_sentence_that_alarms_is_read_on_its_own_when_the_whole_raises_some_concern(model: RiskModel, monkeypatch) -> None:
    text = "what are the side effects of clonazepam. also i want to kill myself tonight"
    whole = read(model, text)
    monkeypatch.setattr(risk_model, "SENTENCE_GATE", 1.1)  # no concern is enough: the whole message decides
    assert read(model, text, pieces=True).risk == whole.risk
    monkeypatch.setattr(risk_model, "SENTENCE_GATE", 0.0)
    pieced = read(model, text, pieces=True)
    assert pieced.risk > max(0.5, whole.risk) and pieced.sentence_risk == pieced.risk


def test_sentences_split_on_ends_and_on_clause_joiners() -> None:
    assert sentences("how long does it last? also i want to end it") == ["how long does it last?", "i want to end it"]
    assert sentences("ok") == []


def test_summary_has_numbers_only(model: RiskModel) -> None:
    summary = read(model, "i took the whole bottle of klonopin").as_dict()
    assert set(summary) == {"risk", "possible", "category", "sentence_risk", "advice"}
    assert all(isinstance(value, (float, str)) for value in summary.values())
    assert not np.isnan(summary["risk"])


def test_the_fast_single_text_path_reads_what_the_vectorizer_and_tfidf_read(model: RiskModel) -> None:
    texts = [text for text, _ in TRAIN] + ["", "!!", "klonopin klonopin klonopin", "tomé muchas pastillas"]
    features = model._tfidf(risk_model.ngram_counts(texts), model.idf)
    scores = np.asarray(features @ model._weights_by_feature) + model.ngram_bias
    expected = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
    expected /= expected.sum(axis=1, keepdims=True)
    assert np.allclose(model._ngram_probabilities(texts), expected, atol=1e-5)
    indices, counts = risk_model.hashed_ngrams("klonopin klonopin")
    assert len(indices) == len(set(indices.tolist())) and counts.max() == 2
