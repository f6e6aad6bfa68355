"""Rebuild src/warta/metrics/data/sentiment_model.json.gz from the training split kept in the repository.

    python scripts/train_sentiment.py [--data TSV.gz] [--out MODEL.json.gz]

Softmax (multinomial logistic) regression trained with AdaGrad on `warta.metrics.classifier.features`
(words, word pairs, negated words, L2-normalised, plus the lexicon's score). Plain Python so that
it runs anywhere the project runs; the run is deterministic (fixed seed, fixed order, rounded
weights, gzip without a time stamp), so the same data gives the same bytes.

Settings (5 epochs, learning rate 0.5, L2 1e-5, features seen in at least 2 training texts) were
chosen on the SmSA validation split only; the SmSA test split was used once, to measure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.metrics.classifier import DATA, LABELS, MODEL_FILE, features  # noqa: E402
from warta.metrics.sentiment import score  # noqa: E402

SMSA_LABELS = {"positive": "positif", "negative": "negatif", "neutral": "netral"}
EPOCHS, RATE, L2, MIN_DOCS, SEED = 5, 0.5, 1e-5, 2, 0


def read_smsa(path: Path) -> list[tuple[str, str]]:
    """`text<TAB>label` lines (IndoNLU SmSA layout), gzip or plain."""
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text and label in SMSA_LABELS:
                rows.append((text, SMSA_LABELS[label]))
    return rows


def train(rows: list[tuple[str, str]]) -> dict[str, list[float]]:
    examples = [(features(text, score(text)), LABELS.index(label)) for text, label in rows]
    seen = Counter(key for feats, _ in examples for key in feats)
    examples = [({k: v for k, v in feats.items() if seen[k] >= MIN_DOCS}, y) for feats, y in examples]
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    order = random.Random(SEED)
    for _ in range(EPOCHS):
        order.shuffle(examples)
        for feats, gold in examples:
            totals = [sum(v * weights.get(k, (0.0, 0.0, 0.0))[c] for k, v in feats.items()) for c in range(3)]
            top = max(totals)
            exps = [math.exp(t - top) for t in totals]
            norm = sum(exps)
            for key, value in feats.items():
                row = weights.setdefault(key, [0.0, 0.0, 0.0])
                acc = squares.setdefault(key, [0.0, 0.0, 0.0])
                for c in range(3):
                    grad = (exps[c] / norm - (1.0 if c == gold else 0.0)) * value + L2 * row[c]
                    acc[c] += grad * grad
                    row[c] -= RATE * grad / math.sqrt(acc[c] + 1e-8)
    return {k: [round(w, 3) for w in row] for k, row in sorted(weights.items())
            if any(abs(w) >= 0.0005 for w in row)}


def write_model(weights: dict[str, list[float]], out: Path, source: str, size: int) -> None:
    body = json.dumps({"labels": list(LABELS), "trained_on": source, "examples": size,
                       "settings": {"epochs": EPOCHS, "rate": RATE, "l2": L2, "min_docs": MIN_DOCS, "seed": SEED},
                       "weights": weights}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(body.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "smsa_train.tsv.gz")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    rows = read_smsa(args.data)
    weights = train(rows)
    write_model(weights, args.out, args.data.name, len(rows))
    print(f"{len(rows)} training texts, {len(weights)} features, {args.out.stat().st_size} bytes → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
