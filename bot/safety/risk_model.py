"""The risk model: reads what a message means, not which words it uses, and says how likely it states a risk.

Two classifiers, averaged, over the labels of bot.safety.corpus:
  - a small neural network (one hidden layer) on the message's all-MiniLM-L6-v2 sentence vector, which carries
    meaning across wording ("everyone would be better off without me" ≈ being a burden);
  - a logistic model on character and word n-grams of the normalized text, which carries slang, typos, algospeak
    and Spanish that the English sentence encoder reads poorly.
A message of several sentences is also screened sentence by sentence with the n-gram model, and a sentence that
looks alarming is read again on its own (its vector pooled from the message's own token states, so no second
encoder pass), so a risk buried in ordinary talk is not averaged away.

`RiskReading` gives the probability mass of the risk categories (`risk`), of "possible" (unclear risk) and the most
likely category. The tiers are cut from them by thresholds chosen by cross-validation on the corpus
(`python -m bot.tools.calibrate_risk`), never on an evaluation set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from bot.safety.corpus import POSSIBLE, RISK_CATEGORY_LABELS, RISK_LABELS
from bot.safety.normalize import normalize

FEATURES = 2**18
# Epochs of the network (it never met scikit-learn's default tolerance before 200 anyway).
NETWORK_EPOCHS = 200
# Weights smaller than this are zeroed between epochs (float32 subnormals start at ~1.2e-38).
_SUBNORMAL_FLOOR = 1e-30
HIDDEN_UNITS = 256
# Messages with more sentences than this are also read sentence by sentence (cost grows with length).
MAX_SENTENCES = 40
# A sentence whose n-gram risk reaches this is read again on its own with its sentence vector (one encoder pass),
# when the whole message already raises some concern (a sentence alone loses its context: "I take klonopin and
# trazodone." reads as mixing, "start cutting on my own" as self-harm).
SENTENCE_SCREEN = 0.5
SENTENCE_GATE = 0.2
_JOINERS = r"(?:but|and then|anyway|also)"
_SENTENCE_SPLIT = re.compile(rf"(?<=[.!?…;\n])\s+(?:{_JOINERS}\s+)?|\s+{_JOINERS}\s+", re.IGNORECASE)
_FILE = "risk_model.npz"


def _preprocess(text: str) -> str:
    return normalize(text).lower()


_WORD = re.compile(r"(?u)\b\w+\b")


def _ngrams(text: str) -> List[str]:
    """Character 2–5-grams within each word (padded with spaces, as scikit-learn's char_wb) and word 1–2-grams
    (marked so that they never collide with a character n-gram), of the normalized text."""
    text = _preprocess(text)
    grams: List[str] = []
    for word in text.split():
        padded = f" {word} "
        length = len(padded)
        for size in range(2, 6):
            if size > length:
                break
            grams.extend(padded[start : start + size] for start in range(length - size + 1))
            if size == length:
                break
    words = _WORD.findall(text)
    grams.extend("\x01" + word for word in words)
    grams.extend(f"\x01{first} {second}" for first, second in zip(words, words[1:]))
    return grams


@lru_cache(maxsize=1)
def _vectorizer() -> object:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=_ngrams, n_features=FEATURES, alternate_sign=False, norm=None, dtype=np.float32)


@lru_cache(maxsize=1)
def _hashing_transform() -> Callable:
    """scikit-learn's own hashing loop, the one HashingVectorizer runs (scikit-learn is pinned: a change of this
    private function fails here, loudly, and the fast-path test compares it with the vectorizer)."""
    from sklearn.feature_extraction._hashing_fast import transform

    return transform


def hashed_ngrams(text: str) -> Tuple[np.ndarray, np.ndarray]:
    """The distinct hashed n-gram features of one text and their counts — the same features as `ngram_counts`,
    without the sparse-matrix machinery around it (a third of a millisecond per read)."""
    grams = _ngrams(text)
    if not grams:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    indices, _, _ = _hashing_transform()([[(gram, 1) for gram in grams]], FEATURES, np.float32, False, seed=0)
    features, counts = np.unique(indices, return_counts=True)
    return features.astype(np.int64), counts.astype(np.float32)


def ngram_counts(texts: Sequence[str]):
    """Hashed character and word n-gram counts (a sparse matrix, one row per text), in one pass."""
    return _vectorizer().transform(texts)


def sentences(text: str) -> List[str]:
    """The sentences (and clause-like pieces) of a message, for reading a long message piece by piece."""
    pieces = [piece.strip() for piece in _SENTENCE_SPLIT.split(text or "") if piece and piece.strip()]
    return [piece for piece in pieces if len(piece) > 2][:MAX_SENTENCES]


@dataclass(frozen=True)
class RiskReading:
    """What the model read in one message."""

    probabilities: Dict[str, float]
    risk: float  # mass on the risk categories
    possible: float  # mass on "possible" (unclear risk)
    category: str  # the most likely risk category
    sentence_risk: float = 0.0  # the highest risk mass of any single sentence (long messages)

    @property
    def concern(self) -> float:
        """Risk plus unclear risk: how much a careful reader would worry."""
        return self.risk + self.possible

    def as_dict(self) -> Dict[str, object]:
        """JSON-friendly summary for parse data (numbers only, never the user's words)."""
        return {
            "risk": round(self.risk, 4),
            "possible": round(self.possible, 4),
            "category": self.category,
            "sentence_risk": round(self.sentence_risk, 4),
            "advice": round(self.probabilities.get("advice", 0.0), 4),
        }


class RiskModel:
    """The fitted model: network weights, n-gram weights and the n-gram IDF, all plain arrays."""

    def __init__(self, arrays: Dict[str, np.ndarray]) -> None:
        self.hidden_weights = arrays["hidden_weights"].astype(np.float32)
        self.hidden_bias = arrays["hidden_bias"].astype(np.float32)
        self.output_weights = arrays["output_weights"].astype(np.float32)
        self.output_bias = arrays["output_bias"].astype(np.float32)
        self.ngram_weights = arrays["ngram_weights"].astype(np.float32)  # labels × features
        self.ngram_bias = arrays["ngram_bias"].astype(np.float32)
        self.idf = arrays["idf"].astype(np.float32)
        # Features × labels, row-major: a message's few hundred n-grams pick their rows directly.
        self._weights_by_feature = np.ascontiguousarray(self.ngram_weights.T)
        self.labels: Tuple[str, ...] = tuple(str(label) for label in arrays["labels"])
        if self.idf.shape[0] != FEATURES:
            raise ValueError(f"the risk model has {self.idf.shape[0]} n-gram features, this code {FEATURES}: run `make train`")
        self._risk_columns = np.array([self.labels.index(label) for label in RISK_CATEGORY_LABELS])
        self._possible_column = self.labels.index(POSSIBLE)

    # ---------------------------------------------------------------------------------------------- fitting
    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], vectors: np.ndarray, seed: int = 42) -> "RiskModel":
        """Fit both classifiers on labelled texts and their sentence vectors."""
        from sklearn.linear_model import SGDClassifier
        from sklearn.neural_network import MLPClassifier

        classes = list(RISK_LABELS)
        y = np.array([classes.index(label) for label in labels])
        network = MLPClassifier(hidden_layer_sizes=(HIDDEN_UNITS,), alpha=1e-3, random_state=seed)
        present = np.unique(y)
        for _ in range(NETWORK_EPOCHS):
            # One epoch at a time so that weights the L2 penalty has shrunk to subnormal floats can be set to zero:
            # arithmetic on subnormals is ~8× slower, and left alone they took `make train` from ~1 to ~9 minutes.
            network.partial_fit(vectors, y, classes=present)
            for array in (*network.coefs_, *network.intercepts_):
                array[np.abs(array) < _SUBNORMAL_FLOOR] = 0.0
        counts = ngram_counts(texts)
        documents = np.asarray((counts > 0).sum(axis=0)).ravel()
        idf = (np.log((1 + len(texts)) / (1 + documents)) + 1).astype(np.float32)
        features = cls._tfidf(counts, idf)
        ngrams = SGDClassifier(
            loss="log_loss", alpha=2e-6, max_iter=40, tol=None, class_weight="balanced", random_state=seed
        )
        ngrams.fit(features, y)
        # Labels absent from the training data still get a column (all-zero weights), so arrays keep one shape.
        network_out = np.zeros((HIDDEN_UNITS, len(classes)), dtype=np.float32)
        network_bias = np.full(len(classes), -30.0, dtype=np.float32)
        network_out[:, network.classes_] = network.coefs_[1]
        network_bias[network.classes_] = network.intercepts_[1]
        ngram_weights = np.zeros((len(classes), features.shape[1]), dtype=np.float32)
        ngram_bias = np.full(len(classes), -30.0, dtype=np.float32)
        ngram_weights[ngrams.classes_] = ngrams.coef_
        ngram_bias[ngrams.classes_] = ngrams.intercept_
        return cls(
            {
                "hidden_weights": network.coefs_[0],
                "hidden_bias": network.intercepts_[0],
                "output_weights": network_out,
                "output_bias": network_bias,
                "ngram_weights": ngram_weights,
                "ngram_bias": ngram_bias,
                "idf": idf,
                "labels": np.array(classes),
            }
        )

    def save(self, directory: Path) -> None:
        """Write the arrays (n-gram weights as float16: they compress and lose nothing that matters)."""
        np.savez_compressed(
            directory / _FILE,
            hidden_weights=self.hidden_weights,
            hidden_bias=self.hidden_bias,
            output_weights=self.output_weights,
            output_bias=self.output_bias,
            ngram_weights=self.ngram_weights.astype(np.float16),
            ngram_bias=self.ngram_bias,
            idf=self.idf,
            labels=np.array(self.labels),
        )

    @classmethod
    def load(cls, directory: Path) -> "RiskModel":
        """Read a saved model."""
        with np.load(directory / _FILE) as arrays:
            return cls({name: arrays[name] for name in arrays.files})

    # ------------------------------------------------------------------------------------------- predicting
    @staticmethod
    def _tfidf(counts, idf: np.ndarray):
        """Sublinear term frequency × IDF, each row scaled to unit length (in place on a copy of the CSR data)."""
        features = counts.tocsr(copy=True)
        features.sum_duplicates()
        data = (1.0 + np.log(features.data)) * idf[features.indices]
        lengths = np.diff(features.indptr)
        rows = np.repeat(np.arange(len(lengths)), lengths)
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(lengths)))
        features.data = (data / np.maximum(norms[rows], 1e-12)).astype(np.float32)
        return features

    def _network_probabilities(self, vectors: np.ndarray) -> np.ndarray:
        hidden = np.maximum(vectors @ self.hidden_weights + self.hidden_bias, 0.0)
        scores = hidden @ self.output_weights + self.output_bias
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def _ngram_scores(self, text: str) -> np.ndarray:
        """One text's n-gram scores: sublinear TF × IDF, unit length, times the weights (as `_tfidf` computes)."""
        features, counts = hashed_ngrams(text)
        if not len(features):
            return self.ngram_bias.copy()
        data = (1.0 + np.log(counts)) * self.idf[features]
        data /= max(float(np.sqrt(data @ data)), 1e-12)
        return data.astype(np.float32) @ self._weights_by_feature[features] + self.ngram_bias

    def _ngram_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        scores = np.stack([self._ngram_scores(text) for text in texts])
        # One-vs-rest logistic outputs, normalized as scikit-learn does for log loss.
        probabilities = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
        return probabilities / np.maximum(probabilities.sum(axis=1, keepdims=True), 1e-12)

    def _reading(self, probabilities: np.ndarray, sentence_risk: float = 0.0) -> RiskReading:
        risk_part = probabilities[self._risk_columns]
        return RiskReading(
            probabilities={label: float(value) for label, value in zip(self.labels, probabilities)},
            risk=float(risk_part.sum()),
            possible=float(probabilities[self._possible_column]),
            category=RISK_CATEGORY_LABELS[int(np.argmax(risk_part))],
            sentence_risk=sentence_risk,
        )

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Averaged label probabilities for whole texts (rows follow `self.labels`)."""
        return (self._network_probabilities(vectors) + self._ngram_probabilities(texts)) / 2

    def read(self, text: str, vector: np.ndarray, encode: Optional[Callable[[str], np.ndarray]] = None) -> RiskReading:
        """Read one message. In a message of several sentences, a sentence that the n-gram model alone finds
        alarming is read again on its own, with its own sentence vector (`encode`), and counts if it reads as
        riskier than the whole: "how long does insomnia last? also i want to end it"."""
        reading = self._reading(self.probabilities([text], vector[None, :].astype(np.float32))[0])
        pieces = sentences(text)
        if encode is None or len(pieces) < 2 or reading.concern < SENTENCE_GATE:
            return reading
        per_sentence = self._ngram_probabilities(pieces)
        masses = per_sentence[:, self._risk_columns].sum(axis=1)
        strongest = int(np.argmax(masses))
        if masses[strongest] < SENTENCE_SCREEN or masses[strongest] <= reading.risk:
            return reading
        piece = pieces[strongest]
        alone = self._reading(self.probabilities([piece], encode(piece)[None, :].astype(np.float32))[0])
        if alone.risk > reading.risk:
            return RiskReading(alone.probabilities, alone.risk, alone.possible, alone.category, alone.risk)
        return reading

    def read_many(
        self, texts: Sequence[str], vectors: np.ndarray, encode: Optional[Callable[[str], np.ndarray]] = None
    ) -> List[RiskReading]:
        """Read several messages (evaluation and calibration)."""
        return [self.read(text, vector, encode) for text, vector in zip(texts, vectors)]

