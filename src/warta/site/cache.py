"""Content-hash keys for shards, and the shard cache under .warta/cache/.

A key covers everything a shard is built from: its content folder (posts and media), its
roster entry, roster/_province.yml, site_templates/, mkdocs.yml and the Warta version
(plus the source of warta.site, so a code change during development never serves a
stale page). A file's hash is remembered by (size, mtime), so an unchanged tree is
stat()ed, not read. Time matters too: each built shard records the window of `now`
in which its set of published posts stays the same (`valid_from`, `valid_until`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import warta

RECORD = "_warta/shard.json"


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    if not folder.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__pycache__")))
        found += [Path(dirpath, f) for f in sorted(filenames) if not f.startswith(".")]
    return found


class FileHasher:
    """sha256 of files, remembered across runs by path, size and modification time."""

    def __init__(self, state_file: Path) -> None:
        self.state_file = state_file
        self.known: dict[str, list[Any]] = {}
        self.changed = False
        try:
            self.known = json.loads(state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}

    def digest(self, path: Path) -> str:
        stat = path.stat()
        key = str(path)
        seen = self.known.get(key)
        if seen and seen[0] == stat.st_size and seen[1] == stat.st_mtime_ns:
            return str(seen[2])
        sha = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                sha.update(chunk)
        self.known[key] = [stat.st_size, stat.st_mtime_ns, sha.hexdigest()]
        self.changed = True
        return sha.hexdigest()

    def tree(self, root: Path, folder: Path, suffix: str = "") -> str:
        sha = hashlib.sha256()
        for path in _walk(folder):
            if suffix and path.suffix != suffix:
                continue
            sha.update(f"{path.relative_to(root).as_posix()}\0{self.digest(path)}\n".encode())
        return sha.hexdigest()

    def file(self, root: Path, path: Path) -> str:
        digest = self.digest(path) if path.is_file() else "-"
        return hashlib.sha256(f"{path.relative_to(root).as_posix()}\0{digest}".encode()).hexdigest()

    def save(self) -> None:
        if not self.changed:
            return
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.known), encoding="utf-8")
        os.replace(tmp, self.state_file)


def common_key(root: Path, hasher: FileHasher) -> str:
    """What every shard shares: province settings, templates, base config, Warta itself."""
    site_code = Path(__file__).parent
    parts = [warta.__version__,
             os.environ.get("WARTA_SITE_ENGINE", "").strip() or "mkdocs",  # site.engine.select_engine
             hasher.file(root, root / "roster" / "_province.yml"),
             hasher.file(root, root / "mkdocs.yml"),
             hasher.tree(root, root / "site_templates"),
             hasher.tree(site_code, site_code, ".py")]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def shard_key(root: Path, slug: str, common: str, hasher: FileHasher) -> str:
    parts = [common, slug, hasher.file(root, root / "roster" / f"{slug}.yml"),
             hasher.tree(root, root / "content" / slug)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def read_record(shard_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((shard_dir / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def record_usable(record: dict[str, Any] | None, key: str, now: datetime) -> bool:
    """Same inputs, and `now` inside the window where the same posts are published."""
    if not record or record.get("key") != key:
        return False
    start, until = record.get("valid_from"), record.get("valid_until")
    if start and now < datetime.fromisoformat(start):
        return False
    return not (until and now >= datetime.fromisoformat(until))


def entry_dir(cache_dir: Path, slug: str, key: str) -> Path:
    return cache_dir / "shards" / slug / key


def place(src: Path, dst: Path) -> None:
    """Replace dst with a copy of src, hard-linking files where the filesystem allows."""
    if dst.exists():
        shutil.rmtree(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)

    def link(s: str, d: str) -> None:
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)

    shutil.copytree(src, dst, copy_function=link)


def keep_unchanged_times(old: Path, new: Path) -> None:
    """Files of a rebuilt shard whose bytes did not change keep their previous modification
    time, so a deploy (rsync's size + time check) sends only what really changed, without
    reading the whole site on both sides."""
    if not old.is_dir():
        return
    for path in new.rglob("*"):
        before = old / path.relative_to(new)
        try:
            now, then = path.stat(), before.stat()
        except OSError:
            continue
        if (not path.is_file() or now.st_nlink > 1 or now.st_size != then.st_size
                or now.st_mtime_ns == then.st_mtime_ns):
            continue  # linked photos and attachments carry their source's time already
        if path.read_bytes() == before.read_bytes():
            os.utime(path, ns=(then.st_atime_ns, then.st_mtime_ns))


def prune(cache_dir: Path, slug: str, keep: str) -> None:
    """Keep one cache entry per shard: the newest."""
    folder = cache_dir / "shards" / slug
    for entry in folder.iterdir() if folder.is_dir() else []:
        if entry.name != keep:
            shutil.rmtree(entry, ignore_errors=True)
