"""Metrics fixtures: a ledger with one copy per network, a fake of the five networks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.metrics.fakes import FakeNetworks, FakeState
from warta.dispatch.ledger import Ledger
from warta.dispatch.model import Key
from warta.roster.load import load_roster
from warta.roster.models import Roster
from warta.timeutil import WIB

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=WIB)
POST = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
COPIES = {"facebook": ("100_200", "https://www.facebook.com/100_200"),
          "instagram": ("17900", "https://www.instagram.com/p/ABC/"),
          "x": ("1860001", "https://x.com/dinascontoh/status/1860001"),
          "youtube": ("dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
          "tiktok": ("7300000000000000001", "https://www.tiktok.com/@dinascontoh/video/7300000000000000001")}


def record_success(ledger_dir: Path, agency: str, post_id: str, channel: str, remote_id: str,
                   permalink: str) -> None:
    with Ledger(ledger_dir).lock(Key(agency, post_id, channel)) as entry:
        entry.record("attempt", path=post_id)
        entry.record("success", remote_id=remote_id, permalink=permalink, path=post_id)


@pytest.fixture
def ledger_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "ledger"
    for channel, (remote_id, link) in COPIES.items():
        record_success(folder, "dinas-contoh", POST, channel, remote_id, link)
    with Ledger(folder).lock(Key("dinas-contoh", POST, "website")) as entry:
        entry.record("success", remote_id=None, permalink=None)
    with Ledger(folder).lock(Key("badan-contoh", "content/badan-contoh/2026/x.md", "facebook")) as entry:
        entry.record("failure", error="token", code="token-missing")
    return folder


@pytest.fixture
def roster(sample_repo: Path) -> Roster:
    return load_roster(sample_repo).roster


@pytest.fixture
def fake() -> Iterator[FakeState]:
    with FakeNetworks() as state:
        yield state
