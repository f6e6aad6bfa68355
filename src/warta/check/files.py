"""Files under content/ that are neither posts, Warta's data, nor publishable attachments.

The site publishes only the allowlist in warta.content.files (an .svg or .html beside a post
could carry script onto the public origin), so anything else is an error here: the author
learns at once that the file will not appear, and how to fix it.

Symlinks (file or folder) are refused too: never followed, they could publish or upload a file
from outside the agency folder.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from warta.content.files import (
    DATA_SUFFIXES,
    PLANS_DIR,
    is_hidden,
    is_plans_path,
    is_post_path,
    is_publishable_attachment,
)
from warta.findings import Finding, error

ALLOWED_TEXT = "foto JPEG/PNG/WebP/GIF, video MP4/MOV/M4V, dokumen PDF"
CONVERT_HINTS = {".svg": "SVG → PNG", ".html": "HTML → PDF", ".htm": "HTML → PDF", ".heic": "HEIC → JPEG",
                 ".docx": "Word → PDF", ".doc": "Word → PDF", ".pptx": "PowerPoint → PDF",
                 ".xlsx": "Excel → PDF", ".tif": "TIFF → JPEG", ".tiff": "TIFF → JPEG", ".bmp": "BMP → PNG"}


def _files(root: Path) -> list[str]:
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root / "content"):  # never enters a symlinked folder
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath, name).relative_to(root).as_posix()
                  for name in sorted(filenames) if not name.startswith(".")]
    return found


def content_file_findings(root: Path) -> list[Finding]:
    """`content-file-type` for each file under content/ that Warta would not publish."""
    findings = []
    for rel in _files(root):
        suffix = PurePosixPath(rel).suffix.lower()
        if is_plans_path(rel):
            if suffix not in (".yml", ".yaml"):
                findings.append(error(rel, 1, "content-file-type",
                                      f"Berkas `{PurePosixPath(rel).name}` tidak dibaca: folder `{PLANS_DIR}/` hanya "
                                      "berisi rencana `<TTTT-BB>.yml` dan tidak pernah diterbitkan. Pindahkan "
                                      "berkas ini ke samping beritanya, atau hapus."))
            continue
        if is_post_path(rel) or suffix in DATA_SUFFIXES or is_publishable_attachment(rel):
            continue
        hint = CONVERT_HINTS.get(suffix)
        convert = f"ubah ke jenis yang diizinkan ({hint})" if hint else "ubah ke jenis yang diizinkan"
        kind = f"`{suffix}`" if suffix else "tanpa akhiran"
        findings.append(error(rel, 1, "content-file-type",
                              f"Berkas `{PurePosixPath(rel).name}` (jenis {kind}) tidak diterbitkan: di samping "
                              f"berita hanya boleh {ALLOWED_TEXT}. Hapus berkas ini, atau {convert}."))
    return findings


def symlink_findings(root: Path) -> list[Finding]:
    """One error per symlink under content/ (file or folder); links are listed, never followed."""
    findings: list[Finding] = []
    content = root / "content"
    # os.walk does not descend into symlinked folders (followlinks=False), so a link to `/`
    # or to the repository itself costs one entry, not a walk.
    for folder, dirs, files in os.walk(content):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            rel = path.relative_to(root).as_posix()
            if is_hidden(rel):
                continue
            findings.append(error(rel, 1, "content-symlink",
                                  f"`{rel}` adalah tautan simbolik (symlink) ke `{os.readlink(path)}`. "
                                  "Warta tidak membaca atau menerbitkan symlink. Hapus tautannya dan "
                                  "simpan berkas aslinya di folder perangkat daerah."))
    return findings
