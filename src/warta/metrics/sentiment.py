"""Sentiment of Indonesian comments with the offline lexicon (`warta.metrics.lexicon`).

Tokens are lower-cased, stretched letters squeezed ("mantappp" → "mantap"), "-nya" and
reduplication handled; a negator (tidak, bukan, belum, gak, nggak, ga, ...) flips the
next sentiment word within three tokens; an intensifier scales it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.metrics.lexicon import EMOJI, INTENSIFIERS, NEGATIVE, NEGATORS, PHRASES, POSITIVE

LABELS = ("positif", "negatif", "netral")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
WINDOW = 3


@dataclass(frozen=True)
class Sentiment:
    label: str
    score: float


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1{2,}", r"\1", word)


def _lookup(word: str) -> float | None:
    for form in (word, _squeeze(word), re.sub(r"(.)\1+", r"\1", word)):
        for cand in (form, form.removesuffix("nya"), form.split("-")[0] if "-" in form else form):
            if cand in POSITIVE:
                return POSITIVE[cand]
            if cand in NEGATIVE:
                return NEGATIVE[cand]
    return None


def tokens(text: str) -> list[str]:
    words = [_squeeze(w) for w in _WORD.findall(text.lower())]
    merged: list[str] = []
    i = 0
    while i < len(words):
        pair = (words[i], words[i + 1]) if i + 1 < len(words) else None
        if pair in PHRASES:
            merged.append(PHRASES[pair])
            i += 2
            continue
        merged.append(words[i])
        i += 1
    return merged


QUESTION_WORDS = frozenset(("apa", "apakah", "bagaimana", "kapan", "dimana", "mengapa", "kenapa", "siapa",
                            "berapa", "bisakah", "kok", "gimana"))
# Anywhere in a comment these ask something; "apa" and "kok" only count at the start.
STRONG_QUESTION_WORDS = QUESTION_WORDS - {"apa", "kok"}
POSTFIX = frozenset(("sekali", "banget", "bgt", "amat"))


def is_question(text: str) -> bool:
    """A question: '?' or an Indonesian question word (apa, kapan, di mana, gimana, ...)."""
    if "?" in text:
        return True
    words = tokens(text)
    if words and (words[0] in QUESTION_WORDS or words[:2] == ["di", "mana"]):
        return True
    pairs = zip(words, words[1:], strict=False)
    return any(w in STRONG_QUESTION_WORDS for w in words) or any(p == ("di", "mana") for p in pairs)


def score(text: str) -> float:
    """Sum of word weights; negation flips, intensifiers scale, questions damp praise."""
    total = sum(weight * text.count(emoji) for emoji, weight in EMOJI.items())
    question = is_question(text)
    negate_until = -1
    boost = 1.0
    last = 0.0  # the previous sentiment word's contribution, for postfix intensifiers
    for index, word in enumerate(tokens(text)):
        if word in NEGATORS:
            negate_until = index + WINDOW
            if word == "kurang":
                total -= 0.5  # "kurang" alone ("pelayanannya kurang") is a complaint
            continue
        if word in INTENSIFIERS:
            if word in POSTFIX and last:
                total += last * (INTENSIFIERS[word] - 1.0)
                last = 0.0
            else:
                boost = INTENSIFIERS[word]
            continue
        if word == "ada" and index <= negate_until:
            total -= 0.5  # "tidak ada ..." usually reports something missing
            continue
        weight = _lookup(word)
        if weight is None or weight == 0.0:
            continue
        if index <= negate_until:
            weight = -abs(weight) if weight > 0 else abs(weight) * 0.5
            negate_until = -1
        if question and weight > 0:
            weight *= 0.5
        last = weight * boost
        total += last
        boost = 1.0
    return round(total, 2)


def lexicon_label(text: str, value: float, threshold: float = 0.25) -> str:
    """The lexicon's own verdict from its score (used when the model file is missing, and to compare)."""
    positive_at = threshold * 3 if is_question(text) else threshold  # a question with a kind word is still a question
    return "positif" if value >= positive_at else "negatif" if value <= -threshold else "netral"


def classify(text: str, threshold: float = 0.25) -> Sentiment:
    """The label from the trained model (`warta.metrics.classifier`), which uses the lexicon's score as
    evidence; the lexicon alone decides when the model file is missing. `score` is the lexicon's."""
    from warta.metrics.classifier import load_model, predict

    value = score(text)
    weights = load_model()
    if weights is None or (value == 0.0 and is_question(text)):
        # A question with no sentiment word in it asks; it neither praises nor complains.
        return Sentiment(lexicon_label(text, value, threshold), value)
    return Sentiment(predict(text, value, weights)[0], value)


@dataclass(frozen=True)
class Evaluation:
    size: int
    accuracy: float
    macro_f1: float
    per_label: dict[str, tuple[float, float, float]]  # precision, recall, F1


def evaluate_labels(pairs: list[tuple[str, str]]) -> Evaluation:
    """Accuracy and macro-F1 of (gold, predicted) label pairs."""
    size = len(pairs)
    per: dict[str, tuple[float, float, float]] = {}
    for label in LABELS:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[label] = (round(precision, 3), round(recall, 3), round(f1, 3))
    accuracy = sum(1 for g, p in pairs if g == p) / size if size else 0.0
    return Evaluation(size, round(accuracy, 3), round(sum(f for _, _, f in per.values()) / len(LABELS), 3), per)
