"""Video never in git (issue #14 item 4): `warta media add VIDEO` uploads to the media store with
a media.lock line, `warta check` reads the lock's size and duration, and dispatch uploads the
store's sha256-verified bytes to YouTube/TikTok (a tampered object: nothing sent)."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import git
import pytest

from tests.check.test_quality import mp4
from tests.conftest import write
from tests.dispatch.conftest import CHANNELS, Networks, Repo, run_range, statuses
from tests.dispatch.fakes import FakeGraph, FakeTikTok, FakeX, FakeYouTube
from tests.media.test_photos import _run
from tests.media.test_store import _store
from tests.site.conftest import NOW
from warta.check import run_check
from warta.commands import media
from warta.dispatch.ledger import Ledger
from warta.dispatch.model import Key, KeyStatus
from warta.errors import UsageError
from warta.media.add import add_video
from warta.media.lock import load_lock
from warta.roster import load_roster
from warta.site import build_site

POST = "content/dinas-contoh/2026/2026-11-21-video-cuci-tangan.md"
TEXT = """\
---
title: Video Kampanye Cuci Tangan
date: 2026-11-21 14:00
author: Ani Lestari
summary: Video pendek enam langkah cuci tangan pakai sabun.
channels: [website, youtube, tiktok]
---
Tonton videonya.
"""


def phone_video(path: Path, seconds: float) -> Path:
    """A real MP4 header (`ftyp`, `moov/mvhd` with the duration) followed by ~60 KB of media data."""
    mp4(path, seconds)
    payload = bytes(range(251)) * 240
    with path.open("ab") as handle:
        handle.write(struct.pack(">I4s", 8 + len(payload), b"mdat") + payload)
    return path


def _add(root: Path, source: Path) -> str:
    added = add_video(root, load_roster(root).roster.province, POST, source)
    assert added.key is not None
    return added.key


def test_video_goes_to_the_store_and_check_uses_the_lock(store_repo: Path, tmp_path: Path) -> None:
    write(store_repo, POST, TEXT.replace("[website, youtube, tiktok]", "[website, x]"))
    source = phone_video(tmp_path / "VID_2026.mp4", 150)
    before = (store_repo / POST).read_bytes()
    code, output = _run(store_repo, "media", "add", str(source), "--post", POST)
    assert code == 0, output
    assert "tidak masuk git" in output
    assert (store_repo / POST).read_bytes() == before.replace(b"channels: [website, x]\n",
                                                              b"channels: [website, x]\nvideo: media/vid-2026.mp4\n")
    assert not list(store_repo.rglob("*.mp4"))  # the bytes are not in the repository
    [entry] = load_lock(store_repo, "dinas-contoh").values()
    assert entry.file == "2026/media/vid-2026.mp4" and entry.duration == 150.0
    assert entry.size == source.stat().st_size and entry.content_type == "video/mp4"
    assert _store(store_repo).get(entry.key) == source.read_bytes()
    found = {f.code for f in run_check(store_repo, today=date(2026, 11, 25))}
    assert "video-too-long" in found  # X takes 140 s: the lock's duration was read
    assert not {"post-media-missing", "video-in-git", "video-unreadable", "media-lock-invalid"} & found
    out = tmp_path / "site"
    report = build_site(store_repo, out, now=NOW, jobs=1, cache_dir=tmp_path / "cache")
    assert report.ok, report.errors
    # Published beside the post from the store, as a committed video would be (Facebook fetches it).
    assert (out / "dinas-contoh/berita/2026/media/vid-2026.mp4").read_bytes() == source.read_bytes()


def test_not_a_video_is_refused_and_without_a_store_it_stays_in_git(sample_repo: Path, tmp_path: Path) -> None:
    write(sample_repo, POST, TEXT)
    fake = tmp_path / "klip.mp4"
    fake.write_bytes(b"<html>bukan video</html>")
    with pytest.raises(UsageError, match="bukan berkas video MP4/MOV"):
        media.add(fake, sample_repo / POST, None, "", root=sample_repo)
    code, output = _run(sample_repo, "media", "add", str(phone_video(tmp_path / "klip.mp4", 30)), "--post", POST)
    assert code == 0, output
    assert "masuk git" in output
    in_git = sample_repo / "content/dinas-contoh/2026/media/klip.mp4"
    assert in_git.read_bytes() == (tmp_path / "klip.mp4").read_bytes()
    assert "video: media/klip.mp4\n" in (sample_repo / POST).read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="sudah punya `video:`"):  # one video a post, never overwritten
        media.add(tmp_path / "klip.mp4", sample_repo / POST, None, "", root=sample_repo)


@pytest.fixture
def networks(monkeypatch: pytest.MonkeyPatch) -> Iterator[Networks]:
    fakes = Networks(FakeGraph(), FakeX(), FakeYouTube(), FakeTikTok())
    monkeypatch.setenv("WARTA_YOUTUBE_API", fakes.youtube.url)
    monkeypatch.setenv("WARTA_TIKTOK_API", fakes.tiktok.url)
    for channel in ("YOUTUBE", "TIKTOK"):
        monkeypatch.setenv(f"WARTA_TOKEN_DINAS_CONTOH_{channel}", "token-ok")
    yield fakes
    for fake in (fakes.graph, fakes.x, fakes.youtube, fakes.tiktok):
        fake.close()


def _git_repo(root: Path) -> Repo:
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "Warta Test")
        cfg.set_value("user", "email", "test@example.invalid")
    roster = (root / "roster/dinas-contoh.yml").read_text(encoding="utf-8")
    write(root, "roster/dinas-contoh.yml", roster[:roster.index("channels:")] + CHANNELS)
    repo.git.add(A=True)
    repo.index.commit("initial")
    return Repo(root)


@pytest.mark.parametrize("tampered", [False, True])
def test_dispatch_uploads_the_stored_video(store_repo: Path, tmp_path: Path, networks: Networks,
                                           tampered: bool) -> None:
    repo = _git_repo(store_repo)
    write(store_repo, POST, TEXT)
    source = phone_video(tmp_path / "cuci-tangan.mp4", 30)
    key = _add(store_repo, source)
    after = repo.commit("video post")
    assert "video: media/cuci-tangan.mp4" in repo.git.git.show(f"{after}:{POST}")
    if tampered:
        _store(store_repo).put(key, source.read_bytes()[:-1] + b"\x00", "video/mp4")
    ledger = Ledger(tmp_path / "ledger")
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    sent = statuses(outcomes)
    if not tampered:
        assert sent[("video-cuci-tangan", "youtube")] == sent[("video-cuci-tangan", "tiktok")] == "sent"
        assert networks.youtube.videos[0]["data"] == source.read_bytes()  # the store's bytes, whole
        assert networks.tiktok.published[0]["received"] == source.stat().st_size
        return
    assert sent[("video-cuci-tangan", "youtube")] == sent[("video-cuci-tangan", "tiktok")] == "failed"
    assert not networks.youtube.requests and not networks.tiktok.calls("video_init")  # nothing sent
    state = ledger.state(Key("dinas-contoh", POST, "youtube"))
    assert state.status is KeyStatus.FAILED
    assert "tidak sama dengan yang disetujui" in str((state.last or {}).get("error"))
