"""The sentiment model: logistic regression over words, word pairs, negated words and the lexicon.

The lexicon alone (`warta.metrics.sentiment.score`) was tuned on the project's own comments; on
independent public data it is much weaker. This small model is trained by
`scripts/train_sentiment.py` on the training split of IndoNLU SmSA (Apache-2.0, kept compressed
with its licence in `warta/metrics/data/`), with the lexicon's score as two extra features, and
runs offline in plain Python (a dot product per label): no network and no numpy at inference.

Its measured quality on held-out public data is `MEASURED`; every sentiment figure shown to
people carries it (`accuracy_note`). Rebuild the model and re-measure with
`python scripts/train_sentiment.py` and `python benchmarks/sentiment.py`.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from warta.metrics.lexicon import NEGATORS

LABELS = ("positif", "negatif", "netral")
DATA = Path(__file__).parent / "data"
MODEL_FILE = DATA / "sentiment_model.json.gz"
_WORD = re.compile(r"[a-z]+")
NEGATION_SPAN = 3
# Measured by benchmarks/sentiment.py on data never used for training or tuning.
MEASURED: dict[str, Any] = {"dataset": "IndoNLU SmSA test (500 teks)", "accuracy": 0.840, "macro_f1": 0.801}


def features(text: str, lexicon_score: float) -> dict[str, float]:
    """Words, adjacent word pairs and words after a negator, L2-normalised, plus the lexicon score."""
    words = [re.sub(r"(.)\1{2,}", r"\1", w) for w in _WORD.findall(text.lower())]
    found: dict[str, float] = {}
    negated_until = -1
    for index, word in enumerate(words):
        if word in NEGATORS:
            negated_until = index + NEGATION_SPAN
        found["w:" + word] = 1.0
        if index <= negated_until and word not in NEGATORS:
            found["n:" + word] = 1.0
        if index:
            found[f"b:{words[index - 1]}_{word}"] = 1.0
    norm = math.sqrt(len(found)) or 1.0
    scaled = {key: value / norm for key, value in found.items()}
    scaled["lex+"] = max(lexicon_score, 0.0) / 2
    scaled["lex-"] = max(-lexicon_score, 0.0) / 2
    scaled["bias"] = 1.0
    return scaled


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> dict[str, list[float]] | None:
    """feature → one weight per label; None when the model file is missing (lexicon only then)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    weights = data.get("weights") if isinstance(data, dict) else None
    return weights if isinstance(weights, dict) else None


def predict(text: str, lexicon_score: float, weights: dict[str, list[float]]) -> tuple[str, list[float]]:
    """The most likely label and the three label scores."""
    totals = [0.0, 0.0, 0.0]
    for key, value in features(text, lexicon_score).items():
        row = weights.get(key)
        if row is not None:
            for label in range(3):
                totals[label] += value * row[label]
    return LABELS[totals.index(max(totals))], totals


def accuracy_note() -> str:
    """What every sentiment figure says about itself (Indonesian, for dashboards and reports)."""
    return (f"perkiraan, akurasi {MEASURED['accuracy'] * 100:.0f}% pada data uji publik "
            f"({MEASURED['dataset']})")
