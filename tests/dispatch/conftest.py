"""Fixtures for dispatch: a git repository with posts for all five networks, and the fakes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import git
import httpx
import pytest

from tests.conftest import make_jpeg, write
from tests.dispatch.fakes import FakeGraph, FakeTikTok, FakeX, FakeYouTube
from warta.dispatch.ledger import Ledger
from warta.dispatch.model import Outcome
from warta.dispatch.plan import Plan, plan_due, plan_range
from warta.dispatch.run import GitMedia, RunConfig, execute, record_links
from warta.timeutil import as_wib

NOW = as_wib("2026-11-22T08:00:00+07:00")
NULL = "0" * 40
CHANNELS = """\
channels:
  website: true
  instagram: {account: "178", username: dinascontoh}
  facebook: {page_id: "100"}
  x: {handle: dinascontoh}
  youtube: {channel_id: UCdinascontoh}
  tiktok: {handle: dinascontoh}
"""
MULTI = """\
---
title: Pameran UMKM Bengkulu
date: 2026-11-21 10:00
author: Ani Lestari
summary: Pameran produk UMKM binaan digelar di Balai Raya Semarak.
tags: [umkm, pameran]
channels: [website, instagram, facebook, x]
media:
  - {file: media/umkm-1.jpg, alt: Stan kain besurek di pameran}
  - {file: media/umkm-2.jpg, alt: Pengunjung mencicipi kopi Kepahiang}
---
Pameran UMKM berlangsung tiga hari.
"""
VIDEO = """\
---
title: Video Kampanye Cuci Tangan
date: 2026-11-21 14:00
author: Ani Lestari
summary: Video pendek enam langkah cuci tangan pakai sabun.
channels: [website, facebook, youtube, tiktok, x]
video: media/cuci-tangan.mp4
media:
  - {file: media/cuci-tangan.jpg, alt: Siswa mencuci tangan di wastafel sekolah}
---
Tonton videonya.
"""
SCHEDULED = """\
---
title: Festival Tabut Dimulai
date: 2026-11-21 08:00
publish_at: 2026-11-25 08:00
author: Ani Lestari
channels: [website, facebook]
---
Festival dimulai.
"""
TOKEN = "token-ok"
VIDEO_BYTES = bytes(range(256)) * 300  # 76,800 bytes


@dataclass
class Networks:
    graph: FakeGraph
    x: FakeX
    youtube: FakeYouTube
    tiktok: FakeTikTok

    def total_posts(self) -> int:
        return (len(self.graph.feed) + len(self.graph.ig_media) + len(self.x.tweets) + len(self.youtube.videos)
                + len(self.tiktok.published))


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.git = git.Repo(root)
        self.initial = self.git.head.commit.hexsha

    def write(self, rel: str, text: str) -> None:
        write(self.root, rel, text)

    def commit(self, message: str) -> str:
        self.git.git.add(A=True)
        return self.git.index.commit(message).hexsha

    @property
    def head(self) -> str:
        return self.git.head.commit.hexsha


@pytest.fixture
def repo(sample_git_repo: Path) -> Repo:
    """Initial commit: dinas-contoh with all five networks and one Instagram post (POST_A)."""
    r = Repo(sample_git_repo)
    roster = (sample_git_repo / "roster/dinas-contoh.yml").read_text()
    r.write("roster/dinas-contoh.yml", roster[:roster.index("channels:")] + CHANNELS)
    r.commit("roster: all networks")
    r.initial = r.head
    return r


def add_posts(repo: Repo) -> str:
    """A second commit: a two-image post, a video post and a scheduled post."""
    repo.write("content/dinas-contoh/2026/2026-11-21-pameran-umkm.md", MULTI)
    make_jpeg(repo.root / "content/dinas-contoh/2026/media/umkm-1.jpg", (1080, 1080))
    make_jpeg(repo.root / "content/dinas-contoh/2026/media/umkm-2.jpg", (1080, 1080))
    repo.write("content/dinas-contoh/2026/2026-11-21-video-cuci-tangan.md", VIDEO)
    make_jpeg(repo.root / "content/dinas-contoh/2026/media/cuci-tangan.jpg", (1080, 1080))
    (repo.root / "content/dinas-contoh/2026/media/cuci-tangan.mp4").write_bytes(VIDEO_BYTES)
    repo.write("content/dinas-contoh/2026/2026-11-21-festival-tabut.md", SCHEDULED)
    return repo.commit("three posts")


@pytest.fixture
def networks(monkeypatch: pytest.MonkeyPatch) -> Iterator[Networks]:
    fakes = Networks(FakeGraph(), FakeX(), FakeYouTube(), FakeTikTok())
    monkeypatch.setenv("WARTA_FACEBOOK_API", fakes.graph.url)
    monkeypatch.setenv("WARTA_INSTAGRAM_API", fakes.graph.url)
    monkeypatch.setenv("WARTA_X_API", fakes.x.url)
    monkeypatch.setenv("WARTA_YOUTUBE_API", fakes.youtube.url)
    monkeypatch.setenv("WARTA_TIKTOK_API", fakes.tiktok.url)
    for channel in ("INSTAGRAM", "FACEBOOK", "X", "YOUTUBE", "TIKTOK"):
        monkeypatch.setenv(f"WARTA_TOKEN_DINAS_CONTOH_{channel}", TOKEN)
    yield fakes
    for fake in (fakes.graph, fakes.x, fakes.youtube, fakes.tiktok):
        fake.close()


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(tmp_path / "ledger")


def config(ledger: Ledger, **kwargs: object) -> RunConfig:
    from warta.dispatch.adapters import registry

    adapters = registry()
    adapters["instagram"].poll_interval = 0.0  # type: ignore[attr-defined]
    adapters["tiktok"].poll_interval = 0.0  # type: ignore[attr-defined]
    adapters["youtube"].chunk_size = 256 * 100  # type: ignore[attr-defined]  # several chunks
    defaults: dict[str, object] = {"sleep": lambda s: None, "adapters": adapters,
                                   "timeout": httpx.Timeout(2.0, connect=2.0)}
    defaults.update(kwargs)
    return RunConfig(ledger=ledger, **defaults)  # type: ignore[arg-type]


def run_range(repo: Repo, ledger: Ledger, before: str, after: str, now: datetime = NOW,
              **kwargs: object) -> tuple[Plan, list[Outcome]]:
    plan = plan_range(repo.root, before, after, now, ledger)
    record_links(plan.links, ledger)
    return plan, execute(plan.items, config(ledger, **kwargs), GitMedia(repo.root, repo.git, plan.after))


def run_due(repo: Repo, ledger: Ledger, now: datetime = NOW, **kwargs: object) -> tuple[Plan, list[Outcome]]:
    plan = plan_due(repo.root, now, ledger)
    record_links(plan.links, ledger)
    return plan, execute(plan.items, config(ledger, **kwargs), GitMedia(repo.root, repo.git, plan.after))


def statuses(outcomes: list[Outcome]) -> dict[tuple[str, str], str]:
    return {(o.item.post.slug, o.item.key.channel): o.status for o in outcomes}
