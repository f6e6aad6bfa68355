"""The real `warta dispatch` in subprocesses on a real temporary git repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.dispatch.conftest import NULL, TOKEN, Networks, Repo, add_posts

WARTA = [sys.executable, "-m", "warta.cli", "dispatch"]


def env(networks: Networks | None = None) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
    base["COLUMNS"] = "200"
    if networks is not None:
        base.update({"WARTA_FACEBOOK_API": networks.graph.url, "WARTA_INSTAGRAM_API": networks.graph.url,
                     "WARTA_X_API": networks.x.url, "WARTA_YOUTUBE_API": networks.youtube.url,
                     "WARTA_TIKTOK_API": networks.tiktok.url})
        base.update({f"WARTA_TOKEN_DINAS_CONTOH_{c}": TOKEN
                     for c in ("INSTAGRAM", "FACEBOOK", "X", "YOUTUBE", "TIKTOK")})
    return base


def warta(cwd: Path, *args: str, networks: Networks | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*WARTA, *args], cwd=cwd, capture_output=True, text=True, env=env(networks), timeout=60)


def test_plan_prints_the_json_contract(repo: Repo, tmp_path: Path) -> None:
    after = add_posts(repo)
    result = warta(repo.root, "plan", "--before", repo.initial, "--after", after,
                   "--now", "2026-11-22T08:00:00+07:00", "--ledger", str(tmp_path / "l"))
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert len(items) == 8
    first = items[0]
    assert set(first) >= {"agency", "post", "post_id", "channel", "due_at", "status", "caption"}
    assert {i["status"] for i in items} == {"due", "scheduled"}
    assert not (tmp_path / "l").exists()


def test_bad_input_is_exit_2_without_traceback(repo: Repo) -> None:
    for args in (["plan", "--before", repo.initial, "--after", "f" * 40],
                 ["plan", "--before", repo.initial, "--after", repo.head, "--now", "kemarin"],
                 ["plan", "--before", "main;rm", "--after", repo.head]):
        result = warta(repo.root, *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr and "Galat" in result.stderr


def test_run_dry_run_prints_each_networks_requests(repo: Repo, networks: Networks, tmp_path: Path) -> None:
    after = add_posts(repo)
    result = warta(repo.root, "run", "--before", repo.initial, "--after", after, "--dry-run",
                   "--now", "2026-11-22T08:00:00+07:00", "--ledger", str(tmp_path / "l"), networks=networks)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for line in ("POST " + networks.graph.url + "/178/media_publish", "POST " + networks.graph.url + "/100/feed",
                 "POST " + networks.x.url + "/2/tweets", "POST " + networks.youtube.url + "/upload/youtube/v3/videos",
                 "POST " + networks.tiktok.url + "/v2/post/publish/video/init/"):
        assert line in out, line
    assert "Bearer ***" in out and TOKEN not in out
    assert networks.total_posts() == 0 and not networks.graph.requests


def test_three_concurrent_processes_post_exactly_once(repo: Repo, networks: Networks, tmp_path: Path) -> None:
    networks.graph.polls_until_finished = 1  # the real adapters wait a minute between polls
    networks.tiktok.polls_until_complete = 1
    after = add_posts(repo)
    args = [*WARTA, "run", "--before", NULL, "--after", after, "--now", "2026-11-22T08:00:00+07:00",
            "--ledger", str(tmp_path / "ledger"), "--format", "json"]
    runs = [subprocess.Popen(args, cwd=repo.root, env=env(networks), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(p.returncode, *p.communicate(timeout=60)) for p in runs]
    results = [(p.returncode, out, err) for p, (_, out, err) in zip(runs, results, strict=True)]
    assert all(code == 0 for code, _, _ in results), results
    outcomes = [o["outcome"] for _, out, _ in results for o in json.loads(out)["outcomes"]]
    assert outcomes.count("sent") == 8  # posyandu + the seven; each exactly once across the three runs
    assert len(networks.graph.ig_media) == 2 and len(networks.graph.feed) == 2
    assert len(networks.x.tweets) == 2 and len(networks.youtube.videos) == 1 and len(networks.tiktok.published) == 1
    due = warta(repo.root, "due", "--now", "2026-11-22T08:00:00+07:00", "--ledger", str(tmp_path / "ledger"),
                networks=networks)
    assert due.returncode == 0 and "terjadwal" in due.stdout


def test_uncertain_items_are_listed_in_indonesian(repo: Repo, networks: Networks, tmp_path: Path) -> None:
    from warta.dispatch.ledger import Ledger
    from warta.dispatch.model import Key

    ledger = Ledger(tmp_path / "ledger")
    key = Key("dinas-contoh", "content/dinas-contoh/2026/2026-11-21-video-cuci-tangan.md", "youtube")
    after = add_posts(repo)
    with ledger.lock(key) as entry:
        entry.record("attempt")  # a run died after sending
    result = warta(repo.root, "run", "--before", repo.initial, "--after", after, "--now", "2026-11-22T08:00:00+07:00",
                   "--ledger", str(ledger.root), networks=networks)
    assert result.returncode == 1
    assert "tidak pasti" in result.stdout and "Periksa akun YouTube" in result.stdout
    assert len(networks.youtube.videos) == 0


def test_sent_post_keeps_its_identity_through_id_rename_and_rewrite(repo: Repo, networks: Networks,
                                                                    tmp_path: Path) -> None:
    """The two reports of issue #17 through the real command: add `id:` then `due`; rename + rewrite then `run`."""
    old = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
    ledger = str(tmp_path / "ledger")
    now = ("--now", "2026-11-22T08:00:00+07:00", "--ledger", ledger)
    first = warta(repo.root, "run", "--before", NULL, "--after", repo.head, *now, networks=networks)
    assert first.returncode == 0, first.stdout + first.stderr
    assert len(networks.graph.ig_media) == 1
    path = repo.root / old
    path.write_text(path.read_text().replace("---\nPosyandu", "id: posyandu-2026\n---\nPosyandu"))
    repo.commit("beri id")
    due = warta(repo.root, "due", *now, networks=networks)
    assert due.returncode == 0, due.stdout + due.stderr
    before = repo.head
    repo.git.git.rm("-q", old)
    repo.write("content/dinas-contoh/2026/2026-11-20-balita-ditimbang.md",
               "---\ntitle: Balita Ditimbang Serentak\ndate: 2026-11-20 09:00\nauthor: Ani Lestari\n"
               "channels: [website, instagram]\nmedia:\n  - {file: media/posyandu.jpg, alt: Balita ditimbang}\n"
               "---\nTulisan baru seluruhnya tentang penimbangan balita di kelurahan.\n")
    after = repo.commit("ganti nama dan tulis ulang")
    run = warta(repo.root, "run", "--before", before, "--after", after, *now, networks=networks)
    assert run.returncode == 0, run.stdout + run.stderr
    due = warta(repo.root, "due", *now, networks=networks)
    assert due.returncode == 0, due.stdout + due.stderr
    assert len(networks.graph.ig_media) == 1  # still the one copy from the first run
