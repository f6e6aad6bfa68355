"""A new post's file name and front matter, filled from the roster."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

import yaml

from warta.roster.models import Agency, Member


def slugify(title: str, max_length: int | None = 60, fallback: str = "berita") -> str:
    """ASCII, lower-case, hyphenated, cut at a word within `max_length`; `fallback` when empty."""
    spaced = re.sub(r"[\W_]+", " ", title)  # punctuation such as an em dash separates words
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    slug = ""
    for word in re.findall(r"[a-z0-9]+", ascii_text.lower()):
        candidate = f"{slug}-{word}" if slug else word
        if max_length is not None and len(candidate) > max_length:
            break
        slug = candidate
    return slug or fallback


def post_path(agency: Agency, title: str, when: datetime) -> str:
    return f"content/{agency.slug}/{when:%Y}/{when:%Y-%m-%d}-{slugify(title)}.md"


PLACEHOLDER_BODY = "Tulis isi berita di sini. Paragraf pertama menjawab apa, siapa, kapan dan di mana."


def render_post(*, title: str, when: datetime, author: Member | None, channels: list[str],
                team: tuple[Member, ...] = (), summary: str = "", category: str = "",
                tags: list[str] | None = None) -> str:
    data: dict[str, object] = {"title": title, "date": when.strftime("%Y-%m-%d %H:%M")}
    if author is not None:
        data["author"] = author.name
    if summary:
        data["summary"] = summary
    data.update({"category": category or "Berita", "tags": tags or [], "channels": channels})
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    hints = ""
    if author is None:
        names = "; ".join(m.name for m in team if m.name)
        hints += f"# author: nama Anda, salah satu dari: {names}\n"
    if not summary:
        hints += "# summary: satu kalimat (50–160 karakter) untuk hasil pencarian dan media sosial\n"
    return (
        f"---\n{front}{hints}"
        "# media:\n"
        "#   - file: media/nama-foto.jpg\n"
        "#     alt: Jelaskan apa yang terlihat di foto\n"
        "#     credit: Tim Publikasi\n"
        f"---\n{PLACEHOLDER_BODY}\n"
    )
