"""Search a built site for any trace of a roster NIP, in text and in Pagefind's compressed index.

The roster keeps no NIP (only a keyed hash and a masked form, see `warta roster import-nip`), so
the site must show neither of those, nor any NIP- or NIK-shaped number in a page or feed.
"""

from __future__ import annotations

import contextlib
import gzip
import re
from pathlib import Path

from warta.check.personal import find_personal_numbers
from warta.roster import load_roster

TEXT_PAGES = {".html", ".xml", ".json", ".txt", ".ics", ".md"}


def roster_nip_traces(root: Path) -> set[str]:
    roster = load_roster(root).roster
    records = [m.nip for a in roster for m in a.team if m.nip is not None]
    return {r.hmac for r in records} | {r.masked for r in records}


def _readable(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix.startswith(".pf_") or path.suffix == ".gz":
        with contextlib.suppress(OSError):
            data = gzip.decompress(data)
    return data.decode("utf-8", errors="ignore")


def assert_no_nip(root: Path, out: Path) -> None:
    traces = roster_nip_traces(root)
    assert traces, "the roster has no NIP record to look for"
    for path in out.rglob("*"):
        if not path.is_file() or path.suffix in {".webp", ".jpg", ".jpeg", ".png", ".wasm"}:
            continue
        text = _readable(path)
        squeezed = re.sub(r"[\s\u00a0]+", "", text)
        for trace in traces:
            assert trace not in squeezed, f"NIP record {trace[:4]}… found in {path.relative_to(out)}"
        if path.suffix in TEXT_PAGES:
            found = [n.masked for n in find_personal_numbers(text) if n.kind == "nip"]
            assert not found, f"NIP-shaped number {found} in {path.relative_to(out)}"
