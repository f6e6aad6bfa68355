"""Add one `media:` item to a post's front matter, leaving every other byte of the file as it was.

A YAML round trip (even ruamel's) can re-wrap long lines or change quoting elsewhere in the
front matter; staff review the diff, so only the new lines may appear in it.
"""

from __future__ import annotations

import json
import re

_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")


def _scalar(value: str) -> str:
    """A YAML scalar: plain when safe, else JSON-quoted (JSON strings are valid YAML)."""
    plain = re.fullmatch(r"[\w./()\- ,À-ɏ]+", value) and value[0] not in "-?:,[]{}#&*!|>'\"%@`" \
        and ": " not in value and not value.endswith(":")
    return value if plain else json.dumps(value, ensure_ascii=False)


def add_media_item(text: str, file: str, alt: str, credit: str = "") -> str:
    """`text` with `- file: …` (and alt, credit) appended to its `media:` list."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    start = 1 if lines and lines[0].lstrip("\ufeff").rstrip("\r\n") == "---" else None
    if start is None:
        raise ValueError("front matter")
    end = next((i for i in range(start, len(lines)) if lines[i].rstrip("\r\n") == "---"), None)
    if end is None:
        raise ValueError("front matter")
    item = [f"  - file: {_scalar(file)}", f"    alt: {_scalar(alt)}"]
    if credit:
        item.append(f"    credit: {_scalar(credit)}")
    new = [line + newline for line in item]
    media = next((i for i in range(start, end) if re.match(r"^media\s*:", lines[i])), None)
    if media is None:
        return "".join(lines[:end] + ["media:" + newline] + new + lines[end:])
    value = lines[media].split(":", 1)[1].strip()
    if value in ("[]", "", "null", "~"):
        head = lines[:media] + ["media:" + newline]
        if value:
            return "".join(head + new + lines[media + 1:])
        stop = next((i for i in range(media + 1, end) if _TOP_KEY.match(lines[i])), end)
        while stop > media + 1 and not lines[stop - 1].strip():
            stop -= 1
        return "".join(lines[:stop] + new + lines[stop:])
    raise ValueError("media inline")


def set_video(text: str, file: str) -> str:
    """`text` with `video: <file>` in its front matter: an empty `video:` line is filled, else a
    line is added before the closing `---`. A post that already names a video raises ValueError."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].lstrip("\ufeff").rstrip("\r\n") != "---":
        raise ValueError("front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") == "---"), None)
    if end is None:
        raise ValueError("front matter")
    line = f"video: {_scalar(file)}{newline}"
    found = next((i for i in range(1, end) if re.match(r"^video\s*:", lines[i])), None)
    if found is None:
        return "".join(lines[:end] + [line] + lines[end:])
    if lines[found].split(":", 1)[1].split("#", 1)[0].strip() not in ("", "null", "~", "''", '""'):
        raise ValueError("video already set")
    return "".join(lines[:found] + [line] + lines[found + 1:])
