"""X's weighted character count (twitter-text v3 rules, as in shared/channels.md)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import emoji

URL_WEIGHT = 23
_WEIGHT_ONE = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
# A bare domain may start only where a domain-like run starts (not after a letter, digit,
# `-` or `label.`): otherwise every label of `a.a.a.a…` or `a-a-a…` is tried and scanned to
# the end of the run, which is quadratic. A scheme/`www.` match always runs to the end of its
# run, so it is linear as it is.
URL = re.compile(
    r"(?:https?://|www\.)[!#-;=?-~]+"
    r"|(?<![\w-])(?<![a-z0-9-]\.)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:id|com|org|net|co)\b(?:/[!#-;=?-~]*)?",
    re.IGNORECASE,
)


# Characters that weigh 1; every other character weighs 2. Counted with one C-level pass
# (a Python loop per character took seconds per megabyte).
_HEAVY = re.compile(r"[^\u0000-\u10FF\u2000-\u200D\u2010-\u201F\u2032-\u2037]")
# Every emoji sequence is non-ASCII apart from a keycap's `#`, `*` or digit: the (slow,
# pure-Python) emoji tokenizer only sees runs of such characters that hold a non-ASCII one,
# and a run it has seen is not tokenized again (truncation measures many prefixes).
_EMOJI_RUN = re.compile(r"[#*0-9\u0080-\U0010FFFF]+")


def _plain_weight(text: str) -> int:
    return 2 * len(text) - len(_HEAVY.sub("", text))


@lru_cache(maxsize=1024)
def _emoji_spans(run: str) -> tuple[tuple[int, int], ...]:
    return tuple((e["match_start"], e["match_end"]) for e in emoji.emoji_list(run))


@lru_cache(maxsize=256)  # the caption renderer measures the same texts again and again
def x_weighted_length(text: str) -> int:
    """Weighted length: URLs 23, emoji sequences 2, CJK and most symbols 2, Latin 1."""
    text = unicodedata.normalize("NFC", text)
    spans: list[tuple[int, int, int]] = [(m.start(), m.end(), URL_WEIGHT) for m in URL.finditer(text)]
    for run in _EMOJI_RUN.finditer(text):
        if not run.group().isascii():  # keycaps need U+FE0F/U+20E3: an ASCII run holds no emoji
            spans += [(run.start() + a, run.start() + b, 2) for a, b in _emoji_spans(run.group())]
    spans.sort()
    total = _plain_weight(text)
    position = 0
    for start, end, weight in spans:
        if start < position:
            continue  # an emoji inside a URL
        total += weight - _plain_weight(text[start:end])
        position = end
    return total


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
