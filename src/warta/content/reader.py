"""The one reader that decides what a post is, for check, site, report, gate and dispatch alike.

Text normalisation (UTF-8, BOM, CRLF and CR line endings), the front matter split
(python-frontmatter), the YAML parse and the schema all live here, so a file cannot be a
post for one stage and something else for another: a CR-only post that the site publishes
is the same post, with the same `media_center` flag, for the approval gate.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import frontmatter

from warta.content.files import is_hidden, is_post_path
from warta.content.models import MediaItem, Post
from warta.findings import Finding, Severity, error
from warta.roster.models import CHANNELS
from warta.schema import Field, check_mapping
from warta.timeutil import as_wib
from warta.yamlsrc import YamlDoc, YamlSyntaxError, parse_yaml

FRONT_MATTER = {
    "title": Field("str", required=True),
    "date": Field("datetime", required=True),
    "author": Field("str"),
    "summary": Field("str"),
    "category": Field("str"),
    "tags": Field("list[str]", hint="Contoh: `tags: [posyandu, imunisasi]`."),
    "channels": Field("list[str]", hint="Contoh: `channels: [website, instagram]`."),
    "publish_at": Field("datetime"),
    "media": Field("list", items=Field("mapping", fields={
        "file": Field("str", required=True),
        "alt": Field("str"),
        "credit": Field("str"),
    })),
    "video": Field("str"),
    "captions": Field("mapping", fields={c: Field("str") for c in CHANNELS}),
    "media_center": Field("bool"),
    "draft": Field("bool"),
    "id": Field("str"),
    "tema": Field("str"),  # Pedoman VIII.1: composed per theme and objective
    "tujuan": Field("str"),
    "rencana": Field("str", hint="Id butir rencana, misalnya `2026-11#2` (content/<pd>/_rencana/)."),
    # Corrections to a published post (one entry per change of its title or text), and its
    # withdrawal: the page then keeps only the title, the notice and the reason.
    "ralat": Field("list", items=Field("mapping", fields={
        "date": Field("datetime", required=True),
        "note": Field("str", required=True),
    }), hint="Contoh: `ralat: [{date: 2026-11-21 10:00, note: Jumlah peserta diperbaiki}]`."),
    "dicabut": Field("mapping", fields={
        "date": Field("datetime", required=True),
        "reason": Field("str", required=True),
    }, hint="Contoh: `dicabut: {date: 2026-11-21 10:00, reason: Data belum diverifikasi}`."),
}
_HANDLER = frontmatter.YAMLHandler()


def is_post_file(rel: str) -> bool:
    """A repository path that is a post: `content/<agency>/.../*.md`, nothing hidden on the way."""
    parts = rel.split("/")
    return len(parts) >= 3 and parts[0] == "content" and is_post_path(rel) and not is_hidden(rel)


def normalise(text: str) -> str:
    """Text without a BOM and with CRLF and CR-only line endings made LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode(raw: bytes) -> str:
    """A post file's bytes as normalised text; raises UnicodeDecodeError when not UTF-8."""
    return normalise(raw.decode("utf-8-sig"))


def split_front_matter(text: str, rel: str) -> tuple[YamlDoc | None, str, list[Finding]]:
    """Split and parse the front matter block of normalised text; report every broken form."""
    if not text.strip():
        return None, "", [error(rel, 1, "post-empty",
                                "Berkas kosong. Isi dengan front matter (`---`, `title: ...`, "
                                "`date: ...`, `---`) lalu isi berita.")]
    if not _HANDLER.detect(text):
        return None, text, [error(rel, 1, "post-no-front-matter",
                                  "Berkas tidak diawali `---`. Baris pertama harus `---`, disusul "
                                  "`title:` dan `date:`, lalu `---` penutup.")]
    try:
        fm_text, body = _HANDLER.split(text)
    except ValueError:
        return None, "", [error(rel, 1, "post-unclosed-front-matter",
                                "Front matter dibuka dengan `---` di baris 1 tetapi tidak ditutup. "
                                "Tambahkan baris `---` setelah kunci terakhir.")]
    try:
        doc = parse_yaml(fm_text)  # anchors and aliases refused before anything expands
    except YamlSyntaxError as exc:
        if exc.expansion:
            return None, body, [error(rel, exc.line, "post-yaml-alias", f"Front matter ditolak: {exc.problem}.")]
        return None, body, [error(rel, exc.line, "post-yaml",
                                  f"Front matter rusak: {exc.problem}. Periksa titik dua, tanda "
                                  "kutip (judul yang mengandung `:` harus diapit tanda kutip) dan "
                                  "indentasi.")]
    return doc, body, []


def media_path(rel: str, file: str) -> str | None:
    """Repository path of a file referenced from a post, None when it escapes the agency."""
    if file.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", file) or "\\" in file:
        return None
    agency_dir = "/".join(rel.split("/")[:2])
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), file))
    return target if target == agency_dir or target.startswith(agency_dir + "/") else None


def _build(rel: str, doc: YamlDoc, data: dict[str, Any], body: str, body_line: int) -> Post:
    def text(key: str) -> str:
        value = data.get(key)
        return value.strip() if isinstance(value, str) else ""

    media = tuple(
        MediaItem(str(m["file"]), media_path(rel, str(m["file"])) or "",
                  str(m.get("alt") or "").strip(), str(m.get("credit") or "").strip())
        for m in data.get("media") or [] if isinstance(m, dict) and isinstance(m.get("file"), str)
    )
    channels = data.get("channels")
    captions = data.get("captions")
    return Post(
        path=rel,
        agency=rel.split("/")[1],
        title=text("title"),
        date=as_wib(data["date"]),
        body=body.strip("\n") + "\n",
        body_line=body_line + len(body) - len(body.lstrip("\n")),
        author=text("author"),
        summary=text("summary"),
        category=text("category"),
        tags=tuple(str(t).strip() for t in data.get("tags") or []),
        channels=tuple(dict.fromkeys(c for c in channels if c in CHANNELS))
        if isinstance(channels, list) else ("website",),
        publish_at=as_wib(data["publish_at"]) if data.get("publish_at") is not None else None,
        media=media,
        video=text("video") or None,
        captions={str(k): str(v) for k, v in captions.items() if isinstance(v, str)}
        if isinstance(captions, dict) else {},
        media_center=data.get("media_center") is True,
        draft=data.get("draft") is True,
        explicit_id=text("id") or None,
        tema=text("tema"),
        tujuan=text("tujuan"),
        rencana=text("rencana"),
        ralat=tuple(sorted((as_wib(r["date"]), str(r.get("note") or "").strip())
                           for r in data.get("ralat") or []
                           if isinstance(r, dict) and r.get("date") is not None)),
        dicabut=_withdrawal(data.get("dicabut")),
        lines={".".join(map(str, k)): v for k, v in doc.lines.items()},  # "media.0.alt" too
    )


@dataclass(frozen=True)
class ParsedPost:
    """What the reader made of one file: the post (None when it is not one) and why."""

    path: str
    text: str  # normalised text ("" when the bytes are not UTF-8)
    doc: YamlDoc | None
    post: Post | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def problem(self) -> str:
        """The first error, as `line N: message`, for a file that is not a post ("" otherwise)."""
        if self.post is not None:
            return ""
        first = next((f for f in self.findings if f.severity == Severity.ERROR), None)
        if first is None:
            return "bukan berita yang dapat dibaca"
        return f"baris {first.line}: {first.message}"


def _withdrawal(value: Any) -> tuple[datetime, str] | None:
    if not isinstance(value, dict) or value.get("date") is None:
        return None
    return as_wib(value["date"]), str(value.get("reason") or "").strip()


def parse_post(rel: str, raw: bytes | str) -> ParsedPost:
    """The post in `raw` (a file's bytes, or text already decoded) with the schema's findings."""
    if isinstance(raw, bytes):
        try:
            text = decode(raw)
        except UnicodeDecodeError:
            return ParsedPost(rel, "", None, None, [error(
                rel, 1, "post-encoding", "Berkas bukan teks UTF-8. Simpan ulang sebagai UTF-8.")])
    else:
        text = normalise(raw)
    doc, body, findings = split_front_matter(text, rel)
    if doc is None:
        return ParsedPost(rel, text, None, None, findings)
    findings += check_mapping(doc, rel, FRONT_MATTER, code_prefix="post", what="front matter")
    if not isinstance(doc.data, dict):
        return ParsedPost(rel, text, doc, None, findings)
    try:
        body_line = text.count("\n", 0, len(text) - len(body)) + 1
        post = _build(rel, doc, doc.data, body, body_line)
    except (KeyError, ValueError, TypeError, AttributeError):
        post = None  # the schema findings already say what is wrong
    return ParsedPost(rel, text, doc, post, findings)
