"""Checks of media kept in the province's object store (roster/_province.yml `media_store`)."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from warta.findings import Finding, error
from warta.media.limits import VIDEO_SUFFIXES
from warta.media.lock import LOCK_NAME, LockError, load_lock
from warta.media.store import store_config
from warta.roster.models import Province


def store_findings(root: Path, province: Province) -> list[Finding]:
    """`video-in-git` (a store is configured), `media-lock-invalid`, `media-store-missing`."""
    findings: list[Finding] = []
    configured = store_config(province.media_store) is not None
    content = root / "content"
    if not content.is_dir():
        return findings
    for agency in sorted(p.name for p in content.iterdir() if p.is_dir() and not p.is_symlink()):
        rel = f"content/{agency}/{LOCK_NAME}"
        if not (root / rel).is_file():
            continue
        if not configured:
            findings.append(error(rel, 1, "media-store-missing",
                                  f"{rel} menunjuk foto di penyimpanan media, tetapi `media_store` belum diatur "
                                  "di roster/_province.yml. Minta admin Diskominfotik mengisinya."))
            continue
        try:
            load_lock(root, agency)
        except LockError as exc:
            findings.append(error(exc.rel, exc.line, "media-lock-invalid", exc.message))
    if not configured:
        return findings
    for dirpath, dirnames, filenames in os.walk(content):  # never enters a symlinked folder
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if PurePosixPath(name).suffix.lower() in VIDEO_SUFFIXES:
                rel = Path(dirpath, name).relative_to(root).as_posix()
                findings.append(error(rel, 1, "video-in-git",
                                      f"Video `{name}` tidak boleh disimpan di repositori: video membuat "
                                      "repositori membengkak selamanya. Hapus berkas ini, lalu unggah videonya "
                                      "ke penyimpanan media dengan `warta media add VIDEO --post BERITA` "
                                      "(menulis `video:` sendiri)."))
    return findings
