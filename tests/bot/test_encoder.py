"""The NumPy MiniLM encoder gives unit vectors that put paraphrases close together."""

from __future__ import annotations

import numpy as np

from bot.encoder import DIMENSION, get_encoder


def test_vectors_are_unit_length_and_order_is_kept() -> None:
    texts = ["a much longer sentence about tapering off clonazepam slowly over months", "hi", ""]
    batch = get_encoder().encode(texts)
    assert batch.shape == (3, DIMENSION) and batch.dtype == np.float32
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    one_by_one = np.vstack([get_encoder().encode([text]) for text in texts])
    assert np.allclose(batch, one_by_one, atol=1e-5)


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    hooked, dependent, weather = get_encoder().encode(
        ["can you get hooked on it when a doctor prescribes it",
         "is dependence possible when the medication is taken as prescribed",
         "it will rain in the afternoon"]
    )
    assert float(hooked @ dependent) > float(hooked @ weather) + 0.2
