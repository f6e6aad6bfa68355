"""Locate the Warta repository (the folder holding roster/) from where the user stands."""

from __future__ import annotations

from pathlib import Path

from warta.errors import UsageError


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "roster").is_dir():
            return folder
    raise UsageError(
        f"Folder `roster/` tidak ditemukan di {here} atau folder induknya. Jalankan perintah "
        "warta dari dalam repositori Warta."
    )
