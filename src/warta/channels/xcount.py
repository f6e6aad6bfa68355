"""X's weighted character count (twitter-text v3 rules, as in shared/channels.md)."""

from __future__ import annotations

import re
import unicodedata

import emoji

URL_WEIGHT = 23
MAX_WEIGHT = 280
_WEIGHT_ONE = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
URL = re.compile(
    r"(?:https?://|www\.)[!#-;=?-~]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:id|com|org|net|co)\b(?:/[!#-;=?-~]*)?",
    re.IGNORECASE,
)


def _char_weight(char: str) -> int:
    cp = ord(char)
    return 1 if any(lo <= cp <= hi for lo, hi in _WEIGHT_ONE) else 2


def x_weighted_length(text: str) -> int:
    """Weighted length: URLs 23, emoji sequences 2, CJK and most symbols 2, Latin 1."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    spans: list[tuple[int, int, int]] = [(m.start(), m.end(), URL_WEIGHT) for m in URL.finditer(text)]
    spans += [(e["match_start"], e["match_end"], 2) for e in emoji.emoji_list(text)]
    spans.sort()
    position = 0
    for start, end, weight in spans:
        if start < position:
            continue  # an emoji inside a URL
        total += sum(_char_weight(c) for c in text[position:start]) + weight
        position = end
    return total + sum(_char_weight(c) for c in text[position:])


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
