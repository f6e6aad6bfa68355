"""Files under content/ that Warta refuses whatever a post says: symlinks (never followed)."""

from __future__ import annotations

import os
from pathlib import Path

from warta.content.files import is_hidden
from warta.findings import Finding, error


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
