"""The sentiment model: shipped small with its training data's licence, used by `classify`, and usable by
anyone through `warta metrics sentiment` (one label per input line)."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

from warta.metrics.classifier import DATA, MEASURED, MODEL_FILE, accuracy_note, load_model, predict
from warta.metrics.sentiment import classify, lexicon_label, score


def test_model_is_small_and_ships_with_its_data_and_licence() -> None:
    assert MODEL_FILE.stat().st_size < 2_000_000
    licence = (DATA / "LICENSE-smsa").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0" in licence
    with gzip.open(DATA / "smsa_train.tsv.gz", "rt", encoding="utf-8") as handle:
        rows = handle.read().splitlines()
    assert len(rows) == 11000 and all(r.rsplit("\t", 1)[1] in ("positive", "negative", "neutral") for r in rows)
    weights = load_model()
    assert weights is not None and len(weights) > 1000 and all(len(w) == 3 for w in weights.values())


def test_classify_is_the_model_not_the_lexicon_alone() -> None:
    # SmSA-style review: the lexicon sees no sentiment word, the model learned "kecewa berat ... tidak enak".
    weights = load_model()
    assert weights is not None
    texts = ["makanannya tidak enak dan pelayanannya lama", "tempatnya nyaman, makanannya enak"]
    assert [classify(t).label for t in texts] == ["negatif", "positif"]
    differs = [t for t in ("harganya kemahalan untuk porsi segitu", "rasanya hambar, nggak recommended")
               if lexicon_label(t, score(t)) != predict(t, score(t), weights)[0]]
    assert differs and all(classify(t).label == predict(t, score(t), weights)[0] for t in differs)
    assert classify("Syaratnya apa saja?").label == "netral"  # a plain question neither praises nor complains


def test_accuracy_note_states_the_measured_figure() -> None:
    assert accuracy_note().startswith(f"perkiraan, akurasi {round(MEASURED['accuracy'] * 100)}% pada data uji publik")


def test_metrics_sentiment_command_labels_each_line(tmp_path: Path) -> None:
    texts = "Pelayanannya bagus sekali\njalannya rusak parah\nKapan dibuka?\n"
    piped = subprocess.run([sys.executable, "-m", "warta.cli", "metrics", "sentiment"], input=texts,
                           capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.splitlines() == ["positif", "negatif", "netral"]
    (tmp_path / "in.txt").write_text(texts, encoding="utf-8")
    from_file = subprocess.run([sys.executable, "-m", "warta.cli", "metrics", "sentiment", "in.txt"],
                               capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert from_file.stdout == piped.stdout
    missing = subprocess.run([sys.executable, "-m", "warta.cli", "metrics", "sentiment", "tidak-ada.txt"],
                             capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert missing.returncode == 2 and "tidak-ada.txt" in missing.stderr and "Traceback" not in missing.stderr
