"""Load posts from content/ through the one reader (warta.content.reader), plus the checks that
need the roster and the files beside the post."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from warta.content.files import is_hidden, is_plans_path, is_post_path, is_symlink_anywhere
from warta.content.models import Post, Posts
from warta.content.reader import (
    FRONT_MATTER,
    decode,
    media_path,
    parse_post,
    split_front_matter,
)
from warta.findings import Finding, error, warning
from warta.media.lock import locked_path
from warta.roster.models import CHANNELS, Agency, Roster
from warta.schema import suggest
from warta.timeutil import as_wib
from warta.yamlsrc import YamlDoc

__all__ = ["FRONT_MATTER", "load_post", "load_posts", "post_files", "post_from_text", "read_text",
           "split_front_matter"]

POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")


def read_text(path: Path) -> str:
    """Text with BOM removed and CRLF/CR line endings made LF (the reader's normalisation)."""
    return decode(path.read_bytes())


def _check_local_file(root: Path, rel: str, line: int, file: str, key: str,
                      findings: list[Finding]) -> str | None:
    target = media_path(rel, file)
    agency_dir = "/".join(rel.split("/")[:2])
    if target is None:
        findings.append(error(rel, line, "post-media-path",
                              f"`{key}: {file}` menunjuk ke luar folder `{agency_dir}/`. Simpan "
                              "berkas di samping berita (atau di `media/`) dan tulis jalurnya "
                              "relatif, misalnya `media/foto.jpg`."))
        return None
    if not (root / target).is_file() and locked_path(root, target) is None:  # media.lock: in the store
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


def load_post(root: Path, rel: str, roster: Roster) -> tuple[Post | None, list[Finding]]:
    """One post and its findings; the post is None when it cannot be understood."""
    if is_symlink_anywhere(root, rel):
        return None, [error(rel, 1, "post-symlink",
                            "Berkas berita ini adalah tautan simbolik (symlink), yang tidak pernah "
                            "diikuti Warta. Ganti dengan berkas Markdown biasa.")]
    try:
        raw = (root / rel).read_bytes()
    except OSError as exc:
        return None, [error(rel, 1, "post-unreadable", f"Berkas tidak dapat dibaca: {exc}.")]
    parsed = parse_post(rel, raw)
    findings = list(parsed.findings)
    if parsed.doc is None or not isinstance(parsed.doc.data, dict):
        return None, findings
    agency = roster.agency(rel.split("/")[1]) if rel.count("/") >= 2 else None
    findings += _semantic(root, rel, parsed.doc, parsed.doc.data, agency)
    return parsed.post, findings


def post_from_text(rel: str, text: str) -> Post | None:
    """A post parsed from its text (e.g. a file at a git commit); None when it cannot be understood."""
    return parse_post(rel, text).post


def post_files(root: Path, paths: Iterable[Path] | None = None) -> list[str]:
    """Repository-relative paths of the Markdown posts under content/ (or under `paths`)."""
    content = root / "content"
    targets = list(paths) if paths else [content]
    found: set[str] = set()
    for target in targets:
        target = target if target.is_absolute() else (Path.cwd() / target)
        files = [target] if target.is_file() else target.rglob("*") if target.is_dir() else []
        for file in files:
            try:  # not resolve(): a symlinked post keeps its own path and is refused by load_post
                rel = Path(os.path.abspath(file)).relative_to(os.path.abspath(content))
            except ValueError:
                continue
            # content/x.md (no agency folder) is still read, so check can say where it belongs;
            # plans (`_rencana/`) are data, not posts
            if (is_post_path(file.name) and not is_hidden(rel.as_posix())
                    and not is_plans_path(f"content/{rel.as_posix()}")):
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
