"""Search a built site for any roster NIP, in text and in Pagefind's compressed index."""

from __future__ import annotations

import contextlib
import gzip
import re
from pathlib import Path

from warta.roster import load_roster


def roster_nips(root: Path) -> set[str]:
    roster = load_roster(root).roster
    digits = {re.sub(r"\D", "", m.nip or "") for a in roster for m in a.team}
    return {d for d in digits if len(d) >= 8}


def _readable(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix.startswith(".pf_") or path.suffix == ".gz":
        with contextlib.suppress(OSError):
            data = gzip.decompress(data)
    return data.decode("utf-8", errors="ignore")


def assert_no_nip(root: Path, out: Path) -> None:
    nips = roster_nips(root)
    assert nips, "the roster has no NIP to look for"
    for path in out.rglob("*"):
        if not path.is_file() or path.suffix in {".webp", ".jpg", ".jpeg", ".png", ".wasm"}:
            continue
        text = _readable(path)
        squeezed = re.sub(r"[\s\u00a0]+", "", text)
        for nip in nips:
            assert nip not in squeezed, f"NIP {nip[:4]}… found in {path.relative_to(out)}"
