"""The dispatch ledger: one append-only JSON Lines file per (agency, post id, channel).

Every send is "lock, re-read, check, record attempt, call, record outcome". An attempt
with no outcome after it is uncertain: the post may be on the network already.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from warta.dispatch.model import Key, KeyStatus, LedgerEvent
from warta.errors import WartaError

DEFAULT_LEDGER = Path(".warta") / "ledger"
# Not a send event (fold ignores it): "this key's post now also lives at `path` / has `explicit_id`",
# written when a plan recognises an already-sent post under a new path or a newly added id.
ALIAS = "alias"
RUN_ID = os.environ.get("GITHUB_RUN_ID") or uuid.uuid4().hex[:12]


FOLD = {LedgerEvent.ATTEMPT: KeyStatus.UNCERTAIN, LedgerEvent.SUCCESS: KeyStatus.SUCCESS,
        LedgerEvent.FAILURE: KeyStatus.FAILED, LedgerEvent.UNCERTAIN: KeyStatus.UNCERTAIN,
        LedgerEvent.NOT_SENT: KeyStatus.NOT_SENT, LedgerEvent.SKIPPED: KeyStatus.SKIPPED}


@dataclass(frozen=True)
class KeyState:
    """The ledger's verdict for one key, folded from its records."""

    status: KeyStatus
    last: dict[str, Any] | None = None
    success: dict[str, Any] | None = None

    @property
    def done(self) -> bool:
        return self.status in (KeyStatus.SUCCESS, KeyStatus.SKIPPED)


def fold(records: list[dict[str, Any]]) -> KeyState:
    """A success (or a person's skip) is final; otherwise the last event decides."""
    status, last, success = KeyStatus.NEW, None, None
    for record in records:
        event = LedgerEvent.read(record.get("event"))  # also the old spelling `not_sent`
        if event is None:
            continue
        last = record
        if event is LedgerEvent.SUCCESS:
            success = record
        status = FOLD[event]
        if success is not None or status is KeyStatus.SKIPPED:
            return KeyState(KeyStatus.SUCCESS if success else KeyStatus.SKIPPED, last, success)
    return KeyState(status, last, success)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def key_file(key: Key) -> Path:
    """A safe, readable, collision-free relative file name for a key."""
    short = key.post_id.removeprefix(f"content/{key.agency}/").removesuffix(".md")
    parts = (key.agency, key.post_id, key.channel, *((key.kind,) if key.kind else ()))
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:10]
    kind = f".{_slug(key.kind)}" if key.kind else ""
    return Path(_slug(key.agency) or "_") / \
        f"{(_slug(short) or 'post')[:80]}--{digest}.{_slug(key.channel)}{kind}.jsonl"


def parse_lines(text: str) -> list[dict[str, Any]]:
    """Records of a ledger file; a torn last line (crash while writing) is ignored."""
    records = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Entry:
    """One key's file while its lock is held."""

    def __init__(self, key: Key, handle: IO[str]) -> None:
        self.key = key
        self._handle = handle

    def records(self) -> list[dict[str, Any]]:
        self._handle.seek(0)
        return parse_lines(self._handle.read())

    def state(self) -> KeyState:
        return fold(self.records())

    def record(self, event: str, **fields: Any) -> dict[str, Any]:
        known = LedgerEvent.read(event)
        if known is None and event != ALIAS:
            raise ValueError(event)
        record = {"event": str(known or event), "at": now_utc(), "agency": self.key.agency,
                  "post_id": self.key.post_id, "channel": self.key.channel,
                  **({"kind": self.key.kind} if self.key.kind else {}), "run": RUN_ID, **fields}
        self._handle.seek(0, os.SEEK_END)
        if self._handle.tell() > 0:
            self._handle.seek(self._handle.tell() - 1)
            if self._handle.read(1) != "\n":
                self._handle.write("\n")  # close a torn line before appending
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        return record


class Ledger:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: Key) -> Path:
        return self.root / key_file(key)

    @contextmanager
    def lock(self, key: Key, timeout: float = 900.0) -> Iterator[Entry]:
        """Exclusive lock on the key's file (fcntl.flock: excludes other processes and threads).

        Only dispatch (on CI's Linux runners) takes locks; reading the ledger, as `warta build`
        does for the post pages' links, needs no lock, so fcntl is imported here and the
        module imports on Windows too."""
        import fcntl

        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a+", encoding="utf-8") as handle:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise WartaError(f"Ledger {path} terkunci terlalu lama oleh proses lain.") from None
                    time.sleep(0.05)
            try:
                yield Entry(key, handle)
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def records(self, key: Key) -> list[dict[str, Any]]:
        path = self.path(key)
        return parse_lines(path.read_text(encoding="utf-8")) if path.is_file() else []

    def state(self, key: Key) -> KeyState:
        return fold(self.records(key))

    def all(self, corrections: bool = False) -> dict[Key, KeyState]:
        """Every key the ledger knows, with its state (read without locks: for planning).
        Corrections and withdrawals (keys with a `kind`) only when asked for: every other
        reader (site links, metrics, health) counts copies of posts."""
        found: dict[Key, KeyState] = {}
        if not self.root.is_dir():
            return found
        for path in sorted(self.root.rglob("*.jsonl")):
            records = parse_lines(path.read_text(encoding="utf-8"))
            first = next((r for r in records if {"agency", "post_id", "channel"} <= r.keys()), None)
            kind = str(first.get("kind") or "") if first is not None else ""
            if first is not None and (corrections or not kind):
                found[Key(str(first["agency"]), str(first["post_id"]), str(first["channel"]), kind)] = fold(records)
        return found

    def aliases(self) -> dict[str, str]:
        """Every name a sent post is known by -> its post id: the id itself, and each `path`
        and `explicit_id` recorded for it (attempts, outcomes and alias records)."""
        ids: dict[str, str] = {}
        others: dict[str, str] = {}
        if not self.root.is_dir():
            return ids
        for path in sorted(self.root.rglob("*.jsonl")):
            for record in parse_lines(path.read_text(encoding="utf-8")):
                post_id = record.get("post_id")
                if not isinstance(post_id, str):
                    continue
                ids[post_id] = post_id
                for name in (record.get("path"), record.get("explicit_id")):
                    if isinstance(name, str) and name:
                        others.setdefault(name, post_id)
        return {**others, **ids}  # a post id always names itself

    def uncertain(self) -> list[tuple[Key, KeyState]]:
        return [(k, s) for k, s in sorted(self.all().items()) if s.status is KeyStatus.UNCERTAIN]


def permalinks(ledger_dir: Path) -> dict[str, dict[str, str]]:
    """For the website: each post id's copies on the networks, {post_id: {channel: url}}."""
    links: dict[str, dict[str, str]] = {}
    for key, state in Ledger(ledger_dir).all().items():
        if key.agency == "media-center":
            continue  # the post page links to the agency's own copies
        url = (state.success or {}).get("permalink")
        if isinstance(url, str) and url.startswith("https://"):
            links.setdefault(key.post_id, {})[key.channel] = url
    return links


def confirm(ledger_dir: Path, key: Key, *, sent: bool, permalink: str | None = None,
            by: str = "", skip: bool = False) -> dict[str, Any]:
    """A person's answer for an uncertain item: it is on the network, it is not, or skip it."""
    with Ledger(ledger_dir).lock(key) as entry:
        if skip:
            return entry.record(LedgerEvent.SKIPPED, confirmed_by=by)
        if sent:
            return entry.record(LedgerEvent.SUCCESS, remote_id=None, permalink=permalink, confirmed_by=by)
        return entry.record(LedgerEvent.NOT_SENT, confirmed_by=by)
