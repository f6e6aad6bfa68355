"""Small pure helpers for page text: reading time, slugs, escaping (dates: warta.formatting)."""

from __future__ import annotations

import html
import re

from warta.content.scaffold import slugify as slug_words

_WORD = re.compile(r"\w+", re.UNICODE)


def reading_minutes(markdown: str) -> int:
    """Minutes to read at 200 words a minute, at least one."""
    return max(1, round(len(_WORD.findall(markdown)) / 200))


def slugify(text: str) -> str:
    """Category and tag URLs: the post-name slug, uncut, `lainnya` when nothing is left."""
    return slug_words(text, max_length=None, fallback="lainnya")


def esc(text: str) -> str:
    """HTML-escape a string destined for a template that does not autoescape."""
    return html.escape(text, quote=True)


def plain_excerpt(markdown: str, limit: int = 200) -> str:
    """A plain-text summary from Markdown: markup dropped, cut at a word boundary."""
    text = re.sub(r"<[^>]+>|!\[[^\]]*\]\([^)]*\)|[#*_`>\[\]]|\([^)]*\)", " ", markdown)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
