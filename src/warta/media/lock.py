"""content/<agency>/media.lock: which object-store bytes each `media: - file:` name stands for.

One JSON object a line, sorted by file name, so a pull request's diff shows exactly which
photo (sha256, size, pixels) the Kepala PD approves, one line per photo. JSON lines rather
than YAML: a line is a whole record, merges of two posts' photos rarely conflict.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

LOCK_NAME = "media.lock"


class LockError(Exception):
    def __init__(self, rel: str, line: int, message: str) -> None:
        super().__init__(message)
        self.rel, self.line, self.message = rel, line, message


@dataclass(frozen=True)
class LockEntry:
    file: str  # relative to content/<agency>/, e.g. 2026/media/foto.jpg
    key: str  # object key in the store: <agency>/sha256/<hex><ext>
    sha256: str
    size: int
    width: int
    height: int
    content_type: str
    # Videos: seconds read by mutagen when added (the video-length checks use it); photos have
    # none and their lines omit the key, and a video's width/height may be 0 (not read).
    duration: float | None = None


_REQUIRED = ("file", "key", "sha256", "size", "width", "height", "content_type")


def _record(entry: LockEntry) -> dict[str, object]:
    data = asdict(entry)
    if data["duration"] is None:
        del data["duration"]
    return data


def lock_rel(agency: str) -> str:
    return f"content/{agency}/{LOCK_NAME}"


def dump_lock(entries: list[LockEntry]) -> str:
    lines = [json.dumps(_record(e), ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
             for e in sorted(entries, key=lambda e: e.file)]
    return "".join(line + "\n" for line in lines)


def parse_lock(text: str, rel: str) -> dict[str, LockEntry]:
    entries: dict[str, LockEntry] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            entry = LockEntry(**{k: data[k] for k in _REQUIRED}, duration=data.get("duration"))
            _validate(entry, rel)
        except (ValueError, KeyError, TypeError):
            raise LockError(rel, number, f"Baris {number} di {rel} rusak. Jangan menyunting berkas ini "
                            "dengan tangan; tambahkan foto atau video dengan `warta media add`.") from None
        entries[entry.file] = entry
    return entries


_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_FILE = re.compile(r"^(?!.*(?:^|/)\.\.?(?:/|$))[\w./-]+$")


def _validate(entry: LockEntry, rel: str) -> None:
    """A line names a content-addressed key of its own agency, and a file inside its folder: the
    sha256 becomes a cache file name, so nothing else may pass."""
    agency = rel.split("/")[1]
    if not (_SHA256.match(entry.sha256) and _FILE.match(entry.file)
            and re.fullmatch(rf"{re.escape(agency)}/sha256/{entry.sha256}\.[a-z0-9]{{1,5}}", entry.key)
            and all(isinstance(v, int) and v >= 0 for v in (entry.size, entry.width, entry.height))
            and isinstance(entry.content_type, str)
            and (entry.duration is None or (isinstance(entry.duration, (int, float))
                                            and not isinstance(entry.duration, bool) and entry.duration > 0))):
        raise ValueError(entry.file)


def load_lock(root: Path, agency: str) -> dict[str, LockEntry]:
    """The agency's manifest ({} when it has none); raises LockError on a damaged line."""
    path = root / lock_rel(agency)
    if not path.is_file() or path.is_symlink():
        return {}
    stat = path.stat()
    return dict(_parsed(str(path), stat.st_mtime_ns, stat.st_size, lock_rel(agency)))


@lru_cache(maxsize=64)
def _parsed(path: str, mtime_ns: int, size: int, rel: str) -> tuple[tuple[str, LockEntry], ...]:
    # Every media item of every post asks; the file is read once per change (mtime, size).
    return tuple(parse_lock(Path(path).read_text(encoding="utf-8"), rel).items())


def write_lock(root: Path, agency: str, entries: dict[str, LockEntry]) -> None:
    path = root / lock_rel(agency)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_lock(list(entries.values())), encoding="utf-8")


def locked_path(root: Path, repo_path: str) -> LockEntry | None:
    """The manifest entry for a repository path content/<agency>/<file>, if any."""
    parts = repo_path.split("/", 2)
    if len(parts) < 3 or parts[0] != "content":
        return None
    try:
        return load_lock(root, parts[1]).get(parts[2])
    except LockError:
        return None
