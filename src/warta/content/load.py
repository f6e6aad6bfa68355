"""Load posts from content/: python-frontmatter splits, the schema checks every key."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import frontmatter

from warta.content.models import MediaItem, Post, Posts
from warta.findings import Finding, error, warning
from warta.roster.models import CHANNELS, Agency, Roster
from warta.schema import Field, check_mapping, suggest
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
POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
_HANDLER = frontmatter.YAMLHandler()


def read_text(path: Path) -> str:
    """Text with BOM removed and CRLF/CR line endings made LF."""
    raw = path.read_bytes().decode("utf-8-sig")
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, rel: str) -> tuple[YamlDoc | None, str, list[Finding]]:
    """Split and parse the front matter block; report empty files and broken blocks."""
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
        doc = parse_yaml(fm_text)
    except YamlSyntaxError as exc:
        return None, body, [error(rel, exc.line, "post-yaml",
                                  f"Front matter rusak: {exc.problem}. Periksa titik dua, tanda "
                                  "kutip (judul yang mengandung `:` harus diapit tanda kutip) dan "
                                  "indentasi.")]
    return doc, body, []


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + "/")


def _media_path(rel: str, file: str) -> str | None:
    """Repository path of a file referenced from a post, None when it escapes the agency."""
    if file.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", file) or "\\" in file:
        return None
    agency_dir = "/".join(rel.split("/")[:2])
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), file))
    return target if _inside(target, agency_dir) else None


def _check_local_file(root: Path, rel: str, line: int, file: str, key: str,
                      findings: list[Finding]) -> str | None:
    target = _media_path(rel, file)
    agency_dir = "/".join(rel.split("/")[:2])
    if target is None:
        findings.append(error(rel, line, "post-media-path",
                              f"`{key}: {file}` menunjuk ke luar folder `{agency_dir}/`. Simpan "
                              "berkas di samping berita (atau di `media/`) dan tulis jalurnya "
                              "relatif, misalnya `media/foto.jpg`."))
        return None
    if not (root / target).is_file():
        findings.append(error(rel, line, "post-media-missing",
                              f"Berkas `{file}` ({target}) tidak ditemukan. Periksa nama berkas "
                              "(huruf besar/kecil berpengaruh) atau unggah berkasnya."))
    return target


def _semantic(root: Path, rel: str, doc: YamlDoc, data: dict[str, Any],
              agency: Agency | None) -> list[Finding]:
    findings: list[Finding] = []
    parts = rel.split("/")
    author = data.get("author")
    if agency is not None and isinstance(author, str) and agency.member(author) is None:
        names = "; ".join(m.name for m in agency.team if m.name)
        findings.append(error(rel, doc.line("author"), "post-author-unknown",
                              f"Penulis `{author}` tidak ada di tim {agency.name} "
                              f"(roster/{agency.slug}.yml). Pilih salah satu: {names}."))
    elif agency is not None and author is None:
        findings.append(warning(rel, 1, "post-author-missing",
                                "Penulis belum diisi. Tambahkan `author:` dengan nama Anda "
                                "sesuai roster."))
    channels = data.get("channels")
    if isinstance(channels, list):
        for index, channel in enumerate(channels):
            line = doc.line("channels", index)
            if channel not in CHANNELS:
                findings.append(error(rel, line, "post-channel-unknown",
                                      f"Kanal `{channel}` tidak dikenal.{suggest(str(channel), list(CHANNELS))}"
                                      f" Pilihan: {', '.join(CHANNELS)}."))
            elif agency is not None and channel not in agency.enabled_channels():
                findings.append(error(rel, line, "post-channel-not-configured",
                                      f"{agency.name} belum punya akun `{channel}` di roster. "
                                      f"Hapus `{channel}` dari `channels` atau minta Diskominfotik "
                                      f"menambahkannya di roster/{agency.slug}.yml."))
    media = data.get("media")
    if isinstance(media, list):
        for index, item in enumerate(media):
            if isinstance(item, dict) and isinstance(item.get("file"), str):
                _check_local_file(root, rel, doc.line("media", index, "file"), item["file"],
                                  "file", findings)
    video = data.get("video")
    if isinstance(video, str) and not re.match(r"^https?://", video):
        _check_local_file(root, rel, doc.line("video"), video, "video", findings)
    name = POST_NAME.match(parts[-1])
    if len(parts) != 4 or name is None:
        findings.append(warning(rel, 1, "post-file-name",
                                "Nama berkas sebaiknya `content/<perangkat-daerah>/<tahun>/"
                                "<TTTT-BB-HH>-<judul-singkat>.md` (huruf kecil dan tanda hubung)."))
    else:
        try:
            date = as_wib(data.get("date")).date()
        except ValueError:
            return findings
        if name.group(1, 2, 3) != (f"{date.year:04d}", f"{date.month:02d}", f"{date.day:02d}"):
            findings.append(warning(rel, doc.line("date"), "post-date-mismatch",
                                    f"Tanggal di nama berkas ({'-'.join(name.group(1, 2, 3))}) "
                                    f"berbeda dengan `date` ({date}). Samakan keduanya."))
        elif parts[2] != name.group(1):
            findings.append(warning(rel, 1, "post-year-folder",
                                    f"Berita tahun {name.group(1)} seharusnya di folder "
                                    f"`{'/'.join(parts[:2])}/{name.group(1)}/`."))
    return findings


def _build(rel: str, doc: YamlDoc, data: dict[str, Any], body: str, body_line: int) -> Post:
    def text(key: str) -> str:
        value = data.get(key)
        return value.strip() if isinstance(value, str) else ""

    media = tuple(
        MediaItem(str(m["file"]), _media_path(rel, str(m["file"])) or "",
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
        ralat=tuple(sorted((as_wib(r["date"]), str(r.get("note") or "").strip())
                           for r in data.get("ralat") or []
                           if isinstance(r, dict) and r.get("date") is not None)),
        dicabut=_withdrawal(data.get("dicabut")),
        lines={".".join(map(str, k)): v for k, v in doc.lines.items()},  # "media.0.alt" too
    )


def _withdrawal(value: Any) -> tuple[datetime, str] | None:
    if not isinstance(value, dict) or value.get("date") is None:
        return None
    return as_wib(value["date"]), str(value.get("reason") or "").strip()


def load_post(root: Path, rel: str, roster: Roster) -> tuple[Post | None, list[Finding]]:
    """One post and its findings; the post is None when it cannot be understood."""
    try:
        text = read_text(root / rel)
    except UnicodeDecodeError:
        return None, [error(rel, 1, "post-encoding",
                            "Berkas bukan teks UTF-8. Simpan ulang sebagai UTF-8.")]
    except OSError as exc:
        return None, [error(rel, 1, "post-unreadable", f"Berkas tidak dapat dibaca: {exc}.")]
    doc, body, findings = split_front_matter(text, rel)
    if doc is None:
        return None, findings
    findings += check_mapping(doc, rel, FRONT_MATTER, code_prefix="post", what="front matter")
    if not isinstance(doc.data, dict):
        return None, findings
    agency = roster.agency(rel.split("/")[1]) if rel.count("/") >= 2 else None
    findings += _semantic(root, rel, doc, doc.data, agency)
    try:
        body_line = text.count("\n", 0, len(text) - len(body)) + 1
        return _build(rel, doc, doc.data, body, body_line), findings
    except (KeyError, ValueError, TypeError, AttributeError):
        return None, findings  # the schema findings already say what is wrong


def post_from_text(rel: str, text: str) -> Post | None:
    """A post parsed from its text (e.g. a file at a git commit); None when it cannot be understood."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    doc, body, _ = split_front_matter(text, rel)
    if doc is None or not isinstance(doc.data, dict):
        return None
    try:
        body_line = text.count("\n", 0, len(text) - len(body)) + 1
        return _build(rel, doc, doc.data, body, body_line)
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


def post_files(root: Path, paths: Iterable[Path] | None = None) -> list[str]:
    """Repository-relative paths of the Markdown posts under content/ (or under `paths`)."""
    content = root / "content"
    targets = list(paths) if paths else [content]
    found: set[str] = set()
    for target in targets:
        target = target if target.is_absolute() else (Path.cwd() / target)
        files = [target] if target.is_file() else target.rglob("*.md") if target.is_dir() else []
        for file in files:
            try:
                rel = file.resolve().relative_to(content.resolve())
            except ValueError:
                continue
            if file.suffix == ".md" and not any(p.startswith(".") for p in rel.parts):
                found.add(f"content/{rel.as_posix()}")
    return sorted(found)


def load_posts(root: Path, roster: Roster,
               paths: Iterable[Path] | None = None) -> tuple[Posts, list[Finding]]:
    posts: list[Post] = []
    findings: list[Finding] = []
    for rel in post_files(root, paths):
        post, post_findings = load_post(root, rel, roster)
        findings += post_findings
        if post is not None:
            posts.append(post)
    return Posts(tuple(posts)), findings
