"""Wider listening: mentions and keyword matches on X, Instagram, Facebook and YouTube, TikTok comments via the
Research API; stored as ids and labels with their source, shown in the inbox and the monthly summary, kept
after X's 7-day search window has passed."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.metrics.conftest import NOW, POST
from tests.metrics.fakes import FakeState
from warta.metrics.collect import collect
from warta.metrics.inbox import response_stats, unanswered
from warta.metrics.ledger import published_copies
from warta.metrics.listening import listen_all
from warta.metrics.store import Store
from warta.metrics.summary import summarise
from warta.roster.load import load_roster
from warta.roster.models import Roster
from warta.timeutil import WIB

CHANNELS = "  x: {handle: dinascontoh}\n"
MORE = ("  x: {handle: dinascontoh}\n  youtube: {channel_id: UCown}\n  tiktok: {handle: dinascontoh}\n"
        "kata_kunci: [posyandu, \"Dinas Contoh\"]\n")


@pytest.fixture
def listening_roster(sample_repo: Path) -> Roster:
    path = sample_repo / "roster/dinas-contoh.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(CHANNELS, MORE), encoding="utf-8")
    return load_roster(sample_repo).roster


def gather(ledger_dir: Path, roster: Roster, fake: FakeState, store: Store, now: datetime = NOW,
           research: bool = True) -> list[str]:
    env = {**fake.env(), **({"WARTA_TIKTOK_RESEARCH_TOKEN": "research-tok"} if research else {})}
    copies = published_copies(ledger_dir)
    collect(copies, roster, store, now=now, env=env, sleep=lambda s: None)
    result = listen_all(copies, roster, store, now=now, env=env, sleep=lambda s: None)
    assert result.problems == []
    return result.skipped


def test_keywords_come_from_the_roster(listening_roster: Roster) -> None:
    agency = listening_roster.agency("dinas-contoh")
    assert agency is not None and agency.keywords == ("posyandu", "Dinas Contoh")


def test_mentions_keywords_and_tiktok_comments_with_their_source(listening_roster: Roster, ledger_dir: Path,
                                                                 fake: FakeState, tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    assert gather(ledger_dir, listening_roster, fake, store) == []
    found = {c.comment_id: c for c in store.comments()}
    assert {k: found[k].source for k in ("x_m1", "x_k1", "ig_t1", "ig_h1", "555_fb_t1", "ytv_1")} == {
        "x_m1": "sebutan", "x_k1": "kata kunci", "ig_t1": "sebutan", "ig_h1": "kata kunci",
        "555_fb_t1": "sebutan", "ytv_1": "kata kunci"}
    assert "100_own" not in found and "ytv_own" not in found  # the agency's own posts are not "heard"
    assert found["x_r1"].source == "komentar" and found["x_r1"].post_id == POST  # a reply stays a reply
    tiktok = found["7400000000000000001"]
    assert (tiktok.source, tiktok.post_id, tiktok.question) == ("komentar", POST, True)
    assert found["x_m1"].sentiment == "negatif" and found["ig_t1"].sentiment == "positif"
    # the networks' real calls
    x_queries = [r["query"]["query"] for r in fake.requests if r["path"] == "/2/tweets/search/recent"]
    assert "@dinascontoh -from:dinascontoh -is:retweet" in x_queries
    assert '"posyandu" -is:retweet -from:dinascontoh' in x_queries
    hashtag = next(r for r in fake.requests if r["path"] == "/ig_hashtag_search")["query"]
    assert hashtag == {"user_id": "178", "q": "posyandu"}
    assert any(r["path"] == "/17843853986012965/recent_media" and r["query"]["user_id"] == "178"
               for r in fake.requests)
    search = next(r for r in fake.requests if r["path"] == "/youtube/v3/search")["query"]
    assert (search["q"], search["type"], search["publishedAfter"]) == ("posyandu", "video", "2026-11-22T02:00:00Z")
    research = next(r for r in fake.requests if r["path"] == "/v2/research/video/comment/list/")
    assert research["body"] == {"video_id": 7300000000000000001, "max_count": 100, "cursor": 0}
    assert research["auth"] == "Bearer research-tok"
    # ids, labels and hashed authors only
    stored = "".join(p.read_text(encoding="utf-8") for p in store.files("comments"))
    assert "warga.tiga" not in stored and "rusak parah" not in stored and '"78"' not in stored


def test_inbox_and_summary_include_them_and_response_rate_does_not(listening_roster: Roster, ledger_dir: Path,
                                                                   fake: FakeState, tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    gather(ledger_dir, listening_roster, fake, store)
    comments = store.comments()
    inbox = {i.comment.comment_id: i.comment.source for i in unanswered(comments, NOW, "dinas-contoh")}
    assert inbox["x_m1"] == "sebutan" and inbox["ytv_1"] == "kata kunci" and inbox["100_200_c2"] == "komentar"
    summary = summarise(comments, "dinas-contoh", "2026-11", NOW)
    assert summary.sources == {"komentar": 7, "sebutan": 3, "kata kunci": 3}
    assert summary.public_comments == 13
    assert response_stats(comments)["dinas-contoh"].public_comments == 7  # only comments under own copies


def test_items_older_than_the_search_window_stay(listening_roster: Roster, ledger_dir: Path, fake: FakeState,
                                                 tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    gather(ledger_dir, listening_roster, fake, store)
    fake.listening = False  # ten days later X's recent search no longer returns them
    gather(ledger_dir, listening_roster, fake, store, now=datetime(2026, 12, 7, 9, 0, tzinfo=WIB))
    found = {c.comment_id: c for c in store.comments()}
    assert found["x_m1"].source == "sebutan" and found["x_k1"].source == "kata kunci"
    later = summarise(store.comments(), "dinas-contoh", "2026-11")
    assert later.sources["sebutan"] == 3


def test_tiktok_comments_need_the_research_api(listening_roster: Roster, ledger_dir: Path, fake: FakeState,
                                               tmp_path: Path) -> None:
    skipped = gather(ledger_dir, listening_roster, fake, Store(tmp_path / "store"), research=False)
    assert any("TikTok Research API" in s and "WARTA_TIKTOK_RESEARCH_TOKEN" in s for s in skipped)
    assert not any(r["path"] == "/v2/research/video/comment/list/" for r in fake.requests)


def test_bad_keyword_list_is_a_roster_error_with_its_line(sample_repo: Path) -> None:
    path = sample_repo / "roster/dinas-contoh.yml"
    path.write_text(path.read_text(encoding="utf-8") + "kata_kunci: posyandu\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    result = subprocess.run([sys.executable, "-m", "warta.cli", "check", "--format", "json"], cwd=sample_repo,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert '"file": "roster/dinas-contoh.yml"' in result.stdout and f'"line": {line}' in result.stdout
    assert "kata_kunci" in result.stdout


def test_kinerja_page_shows_sources_and_the_measured_accuracy(listening_roster: Roster, ledger_dir: Path,
                                                              fake: FakeState, sample_repo: Path,
                                                              tmp_path: Path) -> None:
    from warta.metrics.dashboard import build_dashboard

    store = Store(tmp_path / "store")
    gather(ledger_dir, listening_roster, fake, store)
    page = build_dashboard(sample_repo, tmp_path / "none", ledger_dir, NOW,
                           comments=store.comments()).agency_page("dinas-contoh")
    assert "Sumber: komentar 7, sebutan 3, kata kunci 3." in page
    assert "Label sentimen: perkiraan, akurasi 84% pada data uji publik (IndoNLU SmSA test" in page
