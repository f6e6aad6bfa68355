"""The store: append-only daily files, incremental SQLite aggregation, the warta-metrics branch."""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from warta.errors import WartaError
from warta.metrics.aggregate import Aggregator
from warta.metrics.gitstore import pull_store, push_store
from warta.metrics.model import Snapshot
from warta.metrics.store import Store


def snap(day: str, views: int, remote: str = "p1", network: str = "facebook", agency: str = "dinas-contoh",
         at: str | None = None, kind: str = "post", **more: int) -> Snapshot:
    return Snapshot(kind, network, agency, f"content/{agency}/{remote}.md", remote, day, at or f"{day}T07:00:00+07:00",
                    "api", {"views": views, **more})


def test_one_file_per_day_per_network_append_only(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.append_snapshots([snap("2026-11-01", 10), snap("2026-11-01", 5, network="x"), snap("2026-11-02", 20)])
    store.append_snapshots([snap("2026-11-02", 25, at="2026-11-02T19:00:00+07:00")])
    assert [p.relative_to(tmp_path).as_posix() for p in store.files("snapshots")] == [
        "snapshots/facebook/2026-11-01.jsonl", "snapshots/facebook/2026-11-02.jsonl", "snapshots/x/2026-11-01.jsonl"]
    assert len((tmp_path / "snapshots/facebook/2026-11-02.jsonl").read_text().splitlines()) == 2


def test_torn_line_is_skipped_and_closed(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.append_snapshots([snap("2026-11-01", 10)])
    path = tmp_path / "snapshots/facebook/2026-11-01.jsonl"
    path.write_text(path.read_text() + '{"kind": "po')
    store.append_snapshots([snap("2026-11-01", 12, remote="p2")])
    assert [s.remote_id for s in store.snapshots()] == ["p1", "p2"]


def test_monthly_increase_from_cumulative_counters(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.append_snapshots([snap("2026-10-05", 100), snap("2026-10-31", 300), snap("2026-11-15", 450),
                            snap("2026-11-20", 500), snap("2026-11-20", 40, remote="p2")])
    agg = Aggregator(store)
    assert agg.refresh() == 5
    months = agg.agency_month_posts()
    assert months[("dinas-contoh", "2026-10")]["views"] == 300
    assert months[("dinas-contoh", "2026-11")]["views"] == 200 + 40
    latest = {(r.remote_id, r.field): r.value for r in agg.post_latest()}
    assert latest[("p1", "views")] == 500 and latest[("p2", "views")] == 40


def test_refresh_reads_only_what_was_appended(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    cache = tmp_path / "cache.sqlite"
    store.append_snapshots([snap("2026-11-01", 10)])
    first = Aggregator(store, cache)
    assert first.refresh() == 1
    first.close()
    store.append_snapshots([snap("2026-11-01", 15, at="2026-11-01T20:00:00+07:00")])
    again = Aggregator(store, cache)
    assert again.refresh() == 1  # the old line is not read twice
    assert again.refresh() == 0
    assert {r.value for r in again.post_latest()} == {15}
    path = store.files("snapshots")[0]
    path.write_text(path.read_text().splitlines()[0] + "\n")  # replaced by a shorter copy
    assert again.refresh() == 1


def test_account_and_website_days(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.append_snapshots([
        Snapshot("account", "facebook", "dinas-contoh", "", "100", "2026-11-01", "t1", "api",
                 {"new_followers": 5, "lost_followers": 1, "followers": 1000}),
        Snapshot("account", "facebook", "dinas-contoh", "", "100", "2026-11-02", "t1", "api",
                 {"new_followers": 3, "lost_followers": 2, "followers": 1001}),
        Snapshot("website", "website", "dinas-contoh", "/a/", "/a/", "2026-11-02", "t1", "import:website",
                 {"visits": 30, "visitors": 20, "returning_visitors": 4})])
    agg = Aggregator(store)
    agg.refresh()
    assert agg.agency_month_daily("account")[("dinas-contoh", "2026-11")] == {
        "new_followers": 8, "lost_followers": 3, "followers": 1001}
    assert agg.agency_month_daily("website")[("dinas-contoh", "2026-11")]["visits"] == 30


def _clone(bare: Path, where: Path) -> Path:
    repo = git.Repo.clone_from(bare, where)
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "T")
        cfg.set_value("user", "email", "t@example.invalid")
    (where / "README.md").write_text("x")
    repo.git.add(A=True)
    repo.index.commit("init")
    return where


def test_push_to_branch_retries_on_non_fast_forward(tmp_path: Path) -> None:
    bare = tmp_path / "origin.git"
    git.Repo.init(bare, bare=True)
    one, two = _clone(bare, tmp_path / "one"), _clone(bare, tmp_path / "two")
    store_one, store_two = Store(tmp_path / "s1"), Store(tmp_path / "s2")
    store_one.append_snapshots([snap("2026-11-01", 10)])
    store_two.append_snapshots([snap("2026-11-01", 11, remote="p2"), snap("2026-11-02", 3)])
    assert push_store(one, store_one.root, sleep=lambda s: None) is not None

    raced = []

    def race(attempt: int) -> None:  # another run pushes between our commit and our push
        if attempt == 1:
            store_one.append_snapshots([snap("2026-11-03", 99, remote="p3")])
            push_store(one, store_one.root, sleep=lambda s: None)
            raced.append(attempt)

    assert push_store(two, store_two.root, sleep=lambda s: None, before_push=race) is not None
    assert raced == [1]
    assert push_store(two, store_two.root, sleep=lambda s: None) is None  # nothing new
    merged = Store(tmp_path / "merged")
    assert pull_store(one, merged.root) >= 2
    assert sorted((s.remote_id, s.values["views"]) for s in merged.snapshots()) == [
        ("p1", 3), ("p1", 10), ("p2", 11), ("p3", 99)]
    branches = git.Repo(bare).git.branch("--list")
    assert "warta-metrics" in branches


def test_push_failure_is_a_clear_message(tmp_path: Path) -> None:
    bare = tmp_path / "origin.git"
    git.Repo.init(bare, bare=True)
    repo = _clone(bare, tmp_path / "r")
    git.Repo(repo).delete_remote("origin")
    git.Repo(repo).create_remote("origin", str(tmp_path / "missing.git"))
    Store(tmp_path / "s").append_snapshots([snap("2026-11-01", 1)])
    with pytest.raises(WartaError, match="warta-metrics"):
        push_store(repo, tmp_path / "s", attempts=1, sleep=lambda s: None)
