"""The metrics store: dated, append-only JSON Lines, one file per day per network.

    <store>/snapshots/<network>/<yyyy-mm-dd>.jsonl   numbers (Snapshot records)
    <store>/comments/<network>/<yyyy-mm-dd>.jsonl    comments seen that day: ids, time, labels (never text)
    <store>/replies/<network>/<yyyy-mm-dd>.jsonl     the agency's answers: ids, time, who, response hours
    <store>/balasan/…                                 the answers' exactly-once ledger (warta.metrics.reply)

Files are only ever appended to, so two copies of the store merge as a union of lines
(see `warta.metrics.gitstore`), and a re-read from a remembered offset sees only new lines.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from warta.metrics.labels import comment_from_json
from warta.metrics.model import Comment, Snapshot

DEFAULT_STORE = Path(".warta") / "metrics"


def _append(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        if handle.tell() > 0:
            with path.open("rb") as check:
                check.seek(-1, os.SEEK_END)
                if check.read(1) != b"\n":
                    handle.write("\n")  # close a torn line before appending
        handle.write("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records))


def parse_jsonl(text: str) -> Iterator[dict[str, Any]]:
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # a torn line from a crash mid-write
        if isinstance(record, dict):
            yield record


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root

    def snapshot_path(self, network: str, day: str) -> Path:
        return self.root / "snapshots" / network / f"{day}.jsonl"

    def comment_path(self, network: str, day: str) -> Path:
        return self.root / "comments" / network / f"{day}.jsonl"

    def append_snapshots(self, snapshots: Iterable[Snapshot]) -> int:
        groups: dict[Path, list[dict[str, Any]]] = {}
        for snap in snapshots:
            groups.setdefault(self.snapshot_path(snap.network, snap.day), []).append(snap.as_json())
        for path, records in sorted(groups.items()):
            _append(path, records)
        return sum(len(r) for r in groups.values())

    def append_comments(self, comments: Iterable[Comment], day: str) -> int:
        groups: dict[Path, list[dict[str, Any]]] = {}
        for comment in comments:
            groups.setdefault(self.comment_path(comment.network, day), []).append(comment.as_json())
        for path, records in sorted(groups.items()):
            _append(path, records)
        return sum(len(r) for r in groups.values())

    def append_replies(self, records: Iterable[dict[str, Any]], day: str) -> int:
        groups: dict[Path, list[dict[str, Any]]] = {}
        for record in records:
            groups.setdefault(self.root / "replies" / str(record["network"]) / f"{day}.jsonl", []).append(record)
        for path, items in sorted(groups.items()):
            _append(path, items)
        return sum(len(r) for r in groups.values())

    def replies(self) -> list[dict[str, Any]]:
        """The agency's answers, oldest first (who answered, when, how many hours after the comment)."""
        found = [r for path in self.files("replies") for r in parse_jsonl(path.read_text(encoding="utf-8"))]
        return sorted(found, key=lambda r: (str(r.get("replied_at")), str(r.get("reply_id"))))

    def files(self, kind: str) -> list[Path]:
        folder = self.root / kind
        return sorted(folder.rglob("*.jsonl")) if folder.is_dir() else []

    def snapshots(self) -> Iterator[Snapshot]:
        for path in self.files("snapshots"):
            for record in parse_jsonl(path.read_text(encoding="utf-8")):
                snap = snapshot_from_json(record)
                if snap is not None:
                    yield snap

    def comments(self) -> list[Comment]:
        """Each comment once: the latest record seen for it (a comment may be re-collected)."""
        latest: dict[tuple[str, str], Comment] = {}
        for path in self.files("comments"):
            for record in parse_jsonl(path.read_text(encoding="utf-8")):
                comment = comment_from_json(record)
                if comment is None:
                    continue
                key = (comment.network, comment.comment_id)
                earlier = latest.get(key)
                if earlier is not None and earlier.source == "komentar" and comment.source != "komentar":
                    # A reply under the agency's own copy stays one, even when a search finds it again.
                    comment = replace(comment, source="komentar", post_id=earlier.post_id,
                                      remote_id=earlier.remote_id, parent_id=earlier.parent_id)
                latest[key] = comment
        return sorted(latest.values(), key=lambda c: (c.created_at, c.comment_id))


def snapshot_from_json(record: dict[str, Any]) -> Snapshot | None:
    try:
        snap = Snapshot(**record)
    except TypeError:
        return None
    return snap if isinstance(snap.values, dict) else None
