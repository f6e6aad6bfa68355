"""The pages of one agency's site, as plain data: path, front matter, Markdown body."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

NIP_LIKE = re.compile(r"\d[\d ]{16,}\d")


@dataclass(frozen=True)
class GeneratedPage:
    """One page. Only `title` goes to the front matter and only `body` (the author's
    Markdown, if any) through Markdown: the HTML Warta renders itself (`before`, `after`)
    and the rest of `meta` are handed to the engine in memory, which keeps MkDocs' per-page
    YAML and raw-HTML parsing small."""

    path: str  # relative to the docs folder, e.g. "berita/2026/2026-11-20-x.md"
    meta: dict[str, Any]  # `title` and every other string already HTML-escaped
    body: str = ""
    before: str = ""
    after: str = ""
    # The body is Warta's own Markdown (the evaluation pages' tables and charts), not an
    # author's: only then is its rendered HTML published without the sanitizer.
    body_from_warta: bool = False

    def text(self) -> str:
        # JSON is YAML, and json.dumps is far cheaper than yaml.safe_dump per page.
        title = json.dumps({"title": self.meta["title"]}, ensure_ascii=False)
        return f"---\n{title}\n---\n\n{self.body}"


@dataclass
class Listing:
    """A post as shown in lists, feeds and the portal; strings are raw (not escaped)."""

    title: str
    url: str  # relative to the shard root, e.g. "berita/2026/2026-11-20-x/"
    date_iso: str
    date_text: str
    summary: str = ""
    category: str = ""
    reading: int = 0
    image: str = ""  # shard-relative URL of the first image's default variant
    extra: dict[str, Any] = field(default_factory=dict)
    thumbs: tuple[tuple[str, int], ...] = ()  # (shard-relative URL, width) of every variant
    width: int = 0  # of `image`
    height: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url, "date_iso": self.date_iso,
                "date_text": self.date_text, "summary": self.summary,
                "category": self.category, "reading": self.reading, "image": self.image,
                "thumbs": [list(t) for t in self.thumbs], "width": self.width, "height": self.height}


def url_of(doc_path: str) -> str:
    """The directory URL MkDocs gives a docs path (use_directory_urls)."""
    stem = doc_path[:-3] if doc_path.endswith(".md") else doc_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def root_of(url: str) -> str:
    """Relative path from a page URL back to the site root: '', '../', '../../'..."""
    return "../" * url.count("/")


def relative(from_url: str, to_url: str) -> str:
    """A link from one page URL to another, both relative to the site root."""
    target = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if target == "." else target + ("/" if to_url.endswith("/") else "")


def without_nip(text: str | None) -> str:
    """Team strings with anything shaped like a NIP removed (defence in depth)."""
    return " ".join(NIP_LIKE.sub("", text or "").split())


def pages_key(key: str, pages: list[GeneratedPage]) -> str:
    if not pages:
        return key
    digest = hashlib.sha256(key.encode())
    for page in pages:
        digest.update(page.path.encode() + page.text().encode())
    return digest.hexdigest()[:32]
