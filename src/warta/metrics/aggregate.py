"""Aggregate the store with SQLite: incremental (each file read from its last offset).

Post snapshots are cumulative, so only the last value of each month per copy and field is
kept (`post_month`); a month's figure is that value minus the previous month's last value.
Account and website snapshots are daily counts, kept per day (`daily`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.metrics.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS post_month (
    network TEXT, remote_id TEXT, field TEXT, month TEXT, agency TEXT, post_id TEXT,
    day TEXT, collected_at TEXT, value INTEGER,
    PRIMARY KEY (network, remote_id, field, month));
CREATE TABLE IF NOT EXISTS daily (
    kind TEXT, network TEXT, agency TEXT, remote_id TEXT, day TEXT, field TEXT,
    collected_at TEXT, value INTEGER,
    PRIMARY KEY (kind, network, remote_id, day, field));
"""

UPSERT_POST = """
INSERT INTO post_month VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (network, remote_id, field, month) DO UPDATE SET
    day = excluded.day, collected_at = excluded.collected_at, value = excluded.value,
    agency = excluded.agency, post_id = excluded.post_id
WHERE (excluded.day, excluded.collected_at) >= (post_month.day, post_month.collected_at)
"""

UPSERT_DAILY = """
INSERT INTO daily VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (kind, network, remote_id, day, field) DO UPDATE SET
    collected_at = excluded.collected_at, value = excluded.value, agency = excluded.agency
WHERE excluded.collected_at >= daily.collected_at
"""

POST_LATEST = """
SELECT agency, post_id, network, remote_id, field, value FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY network, remote_id, field ORDER BY month DESC) AS rn
    FROM post_month) WHERE rn = 1
"""


@dataclass(frozen=True)
class PostNumbers:
    agency: str
    post_id: str
    network: str
    remote_id: str
    field: str
    value: int


class Aggregator:
    """An SQLite view of the store; `cache` keeps it between runs (":memory:" by default)."""

    def __init__(self, store: Store, cache: Path | str = ":memory:") -> None:
        self.store = store
        if cache != ":memory:":
            Path(cache).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(cache))
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def refresh(self) -> int:
        """Read what was appended since the last refresh; returns the number of records read.

        Files are visited per network in day order; post rows are reduced in memory to the
        last value per copy, field and month before they reach SQLite (30 days → 1 upsert).
        """
        read = 0
        offsets = dict(self.db.execute("SELECT path, offset FROM files"))
        pending: dict[tuple[str, str, str, str], tuple[object, ...]] = {}
        group: tuple[str, str] | None = None
        for path in self.store.files("snapshots"):
            rel = path.relative_to(self.store.root).as_posix()
            start = offsets.get(rel, 0)
            size = path.stat().st_size
            if size < start:
                start = 0  # the file was replaced, not appended to: read it again (upserts are idempotent)
            if size <= start:
                continue
            if group != (path.parent.name, path.stem[:7]):
                self._flush(pending)
                group = (path.parent.name, path.stem[:7])
            with path.open("rb") as handle:
                handle.seek(start)
                chunk = handle.read()
            complete = chunk[: chunk.rfind(b"\n") + 1]  # a torn tail waits for the next refresh
            read += self._ingest(complete.decode("utf-8"), pending)
            self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?)", (rel, start + len(complete)))
        self._flush(pending)
        self.db.commit()
        return read

    def _flush(self, pending: dict[tuple[str, str, str, str], tuple[object, ...]]) -> None:
        self.db.executemany(UPSERT_POST, list(pending.values()))
        pending.clear()

    def _ingest(self, text: str, pending: dict[tuple[str, str, str, str], tuple[object, ...]]) -> int:
        days: list[tuple[object, ...]] = []
        count = 0
        for line in text.splitlines():
            try:
                rec = json.loads(line)
                values = rec["values"]
                kind, network, remote_id, day = rec["kind"], rec["network"], str(rec["remote_id"]), rec["day"]
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
            count += 1
            agency, post_id, at = rec.get("agency", ""), rec.get("post_id", ""), rec.get("collected_at", "")
            for name, value in values.items():
                if kind == "post":
                    key = (network, remote_id, name, day[:7])
                    row = (network, remote_id, name, day[:7], agency, post_id, day, at, int(value))
                    old = pending.get(key)
                    if old is None or (day, at) >= (old[6], old[7]):  # type: ignore[operator]
                        pending[key] = row
                else:
                    days.append((kind, network, agency, remote_id, day, name, at, int(value)))
        self.db.executemany(UPSERT_DAILY, days)
        return count

    def post_latest(self) -> Iterator[PostNumbers]:
        """Each copy's latest running totals."""
        for row in self.db.execute(POST_LATEST):
            yield PostNumbers(*row)

    def agency_month_posts(self) -> dict[tuple[str, str], dict[str, int]]:
        """(agency, month) → field → the month's increase over every copy of the agency."""
        totals: dict[tuple[str, str], dict[str, int]] = {}
        # Each copy's monthly increase: the month's last value minus the month before's.
        sql = ("SELECT agency, month, field, SUM(delta) FROM (SELECT agency, month, field, value - COALESCE("
               "LAG(value) OVER (PARTITION BY network, remote_id, field ORDER BY month), 0) AS delta "
               "FROM post_month) GROUP BY agency, month, field")
        for agency, month, name, value in self.db.execute(sql):
            totals.setdefault((agency, month), {})[name] = int(value)
        return totals

    def agency_month_daily(self, kind: str) -> dict[tuple[str, str], dict[str, int]]:
        """(agency, month) → field → sum of the days' counts (followers: the month's last level)."""
        totals: dict[tuple[str, str], dict[str, int]] = {}
        sql = ("SELECT agency, substr(day, 1, 7), field, SUM(value) FROM daily WHERE kind = ? "
               "AND field != 'followers' GROUP BY 1, 2, 3")
        for agency, month, name, value in self.db.execute(sql, (kind,)):
            totals.setdefault((agency, month), {})[name] = int(value)
        levels = ("SELECT agency, month, SUM(value) FROM (SELECT agency, network, substr(day, 1, 7) AS month, value, "
                  "ROW_NUMBER() OVER (PARTITION BY agency, network, remote_id, substr(day, 1, 7) ORDER BY day DESC) "
                  "AS rn FROM daily WHERE kind = ? AND field = 'followers') WHERE rn = 1 GROUP BY 1, 2")
        for agency, month, value in self.db.execute(levels, (kind,)):
            totals.setdefault((agency, month), {})["followers"] = int(value)
        return totals
