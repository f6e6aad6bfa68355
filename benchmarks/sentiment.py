"""Accuracy and macro-F1 of Warta's sentiment labels on independent public Indonesian data.

    python benchmarks/sentiment.py --smsa INDONLU/dataset/smsa_doc-sentiment-prosa [--indolem INDOLEM/sentiment/data]

- SmSA (IndoNLU, Apache-2.0): `test_preprocess.tsv` (500 texts, three labels) when it carries labels;
  otherwise the labelled `valid_preprocess.tsv` stands in as held-out data (and the output says so).
  The model is trained on `train_preprocess.tsv` only.
- IndoLEM sentiment (Twitter and hotel reviews, two labels, CC BY-SA 4.0): `test0.csv` of fold 0.
  It has no neutral class, so a `netral` answer counts as wrong; macro-F1 is over positif and negatif.

The data are read from a checkout of those repositories and are not part of Warta. Each row
prints the lexicon alone and the model (lexicon + logistic regression) that Warta uses.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.metrics.classifier import load_model  # noqa: E402
from warta.metrics.sentiment import classify, evaluate_labels, lexicon_label, score  # noqa: E402

SMSA = {"positive": "positif", "negative": "negatif", "neutral": "netral"}


def smsa_rows(folder: Path) -> tuple[str, list[tuple[str, str]]]:
    for name in ("test_preprocess.tsv", "valid_preprocess.tsv"):
        path = folder / name
        if not path.is_file():
            continue
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            text, _, label = line.rpartition("\t")
            if label in SMSA:
                rows.append((text, SMSA[label]))
        if rows:
            note = "" if name.startswith("test") else " (label uji tersamar: memakai split validasi)"
            return f"SmSA {name.split('_')[0]}{note}", rows
    raise SystemExit(f"{folder}: tidak ada test_preprocess.tsv atau valid_preprocess.tsv berlabel.")


def indolem_rows(folder: Path) -> list[tuple[str, str]]:
    with (folder / "test0.csv").open(encoding="utf-8", newline="") as handle:
        return [(row["sentence"], "positif" if row["sentiment"].strip() == "1" else "negatif")
                for row in csv.DictReader(handle)]


def line(name: str, system: str, pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> str:
    result = evaluate_labels(pairs)
    f1s = [result.per_label[label][2] for label in labels]
    return (f"{name:<45} {system:<22} n={result.size:<5} accuracy={result.accuracy:.3f} "
            f"macro-F1={sum(f1s) / len(f1s):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smsa", type=Path, required=True, help="IndoNLU dataset/smsa_doc-sentiment-prosa folder")
    parser.add_argument("--indolem", type=Path, help="IndoLEM sentiment/data folder")
    args = parser.parse_args(argv)
    weights = load_model()
    if weights is None:
        raise SystemExit("Model sentimen tidak ada; jalankan scripts/train_sentiment.py dahulu.")
    sets = [(*smsa_rows(args.smsa), ("positif", "negatif", "netral"))]
    if args.indolem:
        sets.append(("IndoLEM sentiment test0 (2 label)", indolem_rows(args.indolem), ("positif", "negatif")))
    for name, rows, labels in sets:
        scores = [score(text) for text, _ in rows]
        print(line(name, "leksikon", [(g, lexicon_label(t, s)) for (t, g), s in zip(rows, scores, strict=True)],
                   labels))
        print(line(name, "leksikon + model", [(g, classify(t).label) for t, g in rows], labels))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
