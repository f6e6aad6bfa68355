"""Collect against a local fake of the networks' real insights endpoints."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.metrics.conftest import NOW, POST
from tests.metrics.fakes import FakeState
from warta.metrics.collect import collect
from warta.metrics.ledger import dispatch_outcomes, published_copies
from warta.metrics.store import Store
from warta.roster.models import Roster


def test_published_copies_from_the_ledger(ledger_dir: Path) -> None:
    copies = published_copies(ledger_dir)
    assert sorted(c.channel for c in copies) == ["facebook", "instagram", "tiktok", "x", "youtube"]
    fb = next(c for c in copies if c.channel == "facebook")
    assert (fb.agency, fb.post_id, fb.network_post_id) == ("dinas-contoh", POST, "100_200")
    assert fb.permalink == "https://www.facebook.com/100_200" and fb.published_at
    assert dispatch_outcomes(ledger_dir) == {"dinas-contoh": {"success": 6, "total": 6},
                                             "badan-contoh": {"success": 0, "total": 1}}


def test_collect_every_network(ledger_dir: Path, roster: Roster, fake: FakeState, tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    result = collect(published_copies(ledger_dir), roster, store, now=NOW, env=fake.env(), sleep=lambda s: None)
    assert result.ok and result.copies == 5 and result.snapshots == 6
    page = next(s for s in store.snapshots() if s.kind == "account")
    assert (page.remote_id, page.values) == ("100", {"new_followers": 6, "lost_followers": 1, "followers": 2048})
    snaps = {s.network: s for s in store.snapshots() if s.kind == "post"}
    assert snaps["facebook"].values == {"views": 1000, "reach": 640, "clicks": 55, "likes": 46, "shares": 7,
                                        "comments": 3}
    assert snaps["facebook"].raw["post_reactions_by_type_total"] == {"like": 40, "love": 6}
    assert snaps["instagram"].values["saves"] == 11 and snaps["instagram"].values["views"] == 1500
    assert snaps["x"].values == {"views": 900, "likes": 20, "comments": 2, "shares": 3, "quotes": 1, "saves": 2}
    assert snaps["youtube"].values == {"views": 2500, "likes": 31, "comments": 1, "saves": 0}
    assert snaps["tiktok"].values == {"views": 4000, "likes": 120, "comments": 9, "shares": 15}
    assert (tmp_path / "store/snapshots/facebook/2026-11-29.jsonl").is_file()
    # the real request shapes
    paths = {(r["network"], r["method"], r["path"]) for r in fake.requests}
    assert ("facebook", "GET", "/100_200/insights") in paths
    assert ("instagram", "GET", "/17900/insights") in paths
    assert ("x", "GET", "/2/tweets") in paths and ("x", "GET", "/2/tweets/search/recent") in paths
    assert ("youtube", "GET", "/youtube/v3/videos") in paths
    assert ("tiktok", "POST", "/v2/video/query/") in paths
    tiktok = next(r for r in fake.requests if r["network"] == "tiktok")
    assert tiktok["body"] == {"filters": {"video_ids": ["7300000000000000001"]}}
    assert tiktok["auth"] == "Bearer tok-tiktok"
    x_query = next(r for r in fake.requests if r["path"] == "/2/tweets")["query"]
    assert x_query["tweet.fields"] == "public_metrics" and x_query["ids"] == "1860001"


def test_comments_and_own_replies(ledger_dir: Path, roster: Roster, fake: FakeState, tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    collect(published_copies(ledger_dir), roster, store, now=NOW, env=fake.env(), sleep=lambda s: None)
    comments = {c.comment_id: c for c in store.comments()}
    assert {"100_200_c1", "100_200_c2", "100_200_c3", "ig_c1", "ig_r1", "ig_c2", "x_r1", "x_r2", "yt_c1"} <= set(
        comments)
    assert comments["100_200_c3"].by_agency and comments["100_200_c3"].parent_id == "100_200_c1"  # paging followed
    assert comments["ig_r1"].by_agency and not comments["ig_c1"].by_agency
    assert comments["x_r2"].by_agency and comments["x_r1"].parent_id is None
    # authors are pseudonyms: no names or network ids in the store
    text = "".join(p.read_text() for p in store.files("comments"))
    assert "warga.satu" not in text and '"9001"' not in text and "UCwarga" not in text


def test_retries_429_and_5xx_with_backoff(ledger_dir: Path, roster: Roster, fake: FakeState, tmp_path: Path) -> None:
    fake.failures = {"facebook": [503, 429], "x": [429], "youtube": [500], "tiktok": [502]}
    waits: list[float] = []
    result = collect(published_copies(ledger_dir), roster, Store(tmp_path / "s"), now=NOW, env=fake.env(),
                     sleep=waits.append)
    assert result.ok and result.snapshots == 6
    assert 3.0 in waits  # Facebook's Retry-After honoured
    assert len(waits) == 5


def test_one_failing_network_never_blocks_the_others(ledger_dir: Path, roster: Roster, fake: FakeState,
                                                     tmp_path: Path) -> None:
    fake.failures = {"instagram": [400] * 3}
    env = fake.env()
    del env["WARTA_TOKEN_DINAS_CONTOH_YOUTUBE"]
    result = collect(published_copies(ledger_dir), roster, Store(tmp_path / "s"), now=NOW, env=env,
                     sleep=lambda s: None)
    assert not result.ok
    assert any("Instagram dinas-contoh" in p for p in result.problems)
    assert any("WARTA_TOKEN_DINAS_CONTOH_YOUTUBE" in s for s in result.skipped)
    assert result.snapshots == 4  # facebook post and Page, x, tiktok
    assert not any(r["auth"] and "tok-" not in r["auth"] for r in fake.requests)


def test_since_limits_the_copies(ledger_dir: Path, roster: Roster, fake: FakeState, tmp_path: Path) -> None:
    from datetime import date

    result = collect(published_copies(ledger_dir), roster, Store(tmp_path / "s"), now=NOW, env=fake.env(),
                     since=date(2999, 1, 1))
    assert result.copies == 0 and fake.requests == []


def test_youtube_refresh_tokens_work_for_insights_too(ledger_dir: Path, roster: Roster, fake: FakeState,
                                                      tmp_path: Path) -> None:
    """Dispatch and collect share the token exchange: a `refresh:` secret works for both."""
    from tests.dispatch.fakes import FakeYouTube

    google = FakeYouTube()  # speaks Google's OAuth token endpoint
    try:
        env = {**fake.env(), "WARTA_YOUTUBE_OAUTH_API": google.url, "WARTA_YOUTUBE_CLIENT_ID": "client-id"}
        google.refresh_tokens["refresh-yt"] = "tok-youtube"
        env["WARTA_TOKEN_DINAS_CONTOH_YOUTUBE"] = "refresh:refresh-yt"
        store = Store(tmp_path / "store")
        result = collect(published_copies(ledger_dir), roster, store, now=NOW, env=env, sleep=lambda s: None)
        assert result.ok
        youtube = [r for r in fake.requests if r["network"] == "youtube"]
        assert youtube and all(r["auth"] == "Bearer tok-youtube" for r in youtube)
        env["WARTA_TOKEN_DINAS_CONTOH_YOUTUBE"] = "refresh:dicabut"
        result = collect(published_copies(ledger_dir), roster, Store(tmp_path / "s2"), now=NOW, env=env,
                         sleep=lambda s: None)
        assert any("WARTA_TOKEN_DINAS_CONTOH_YOUTUBE" in p and "invalid_grant" in p for p in result.problems)
        assert any(s.network == "facebook" for s in Store(tmp_path / "s2").snapshots())  # others still collected
    finally:
        google.close()


def test_x_oauth1_and_rotating_tiktok_tokens_work_for_insights_too(
        ledger_dir: Path, roster: Roster, fake: FakeState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Collect resolves every token form through warta.tokens, as dispatch does: X `oauth1:` requests are
    signed (never sent as a bearer), a TikTok `refresh:` token is exchanged and the rotated one stored."""
    from tests.dispatch.fakes import FakeTikTok
    from tests.gate.fake_github import REPO, FakeGitHub

    tiktok, github = FakeTikTok(), FakeGitHub()
    github.environments["social"] = {"policy": {"protected_branches": False, "custom_branch_policies": True},
                                     "branches": ["main"]}
    github.start()
    try:
        monkeypatch.setenv("WARTA_TIKTOK_API", tiktok.url)  # where the token exchange goes
        monkeypatch.setenv("WARTA_GITHUB_THROTTLE", "0")
        tiktok.refresh_tokens["rt-lama"] = "tok-tiktok"
        env = {**fake.env(), "WARTA_TOKEN_DINAS_CONTOH_X": "oauth1:kunci:rahasia:akses:rahasia-akses",
               "WARTA_TOKEN_DINAS_CONTOH_TIKTOK": "refresh:rt-lama", "WARTA_TIKTOK_CLIENT_KEY": "client-key",
               "WARTA_TIKTOK_CLIENT_SECRET": "client-secret", "GITHUB_REPOSITORY": REPO,
               "GITHUB_API_URL": github.url, "WARTA_SECRETS_TOKEN": "gh-app-token"}
        result = collect(published_copies(ledger_dir), roster, Store(tmp_path / "store"), now=NOW, env=env,
                         sleep=lambda s: None)
        assert result.ok, result.problems
        x_auth = {r["auth"] for r in fake.requests if r["network"] == "x"}
        assert x_auth and all(a.startswith("OAuth ") and "oauth_signature=" in a and "rahasia" not in a
                              for a in x_auth)
        assert {r["auth"] for r in fake.requests if r["network"] == "tiktok"} == {"Bearer tok-tiktok"}
        [live] = tiktok.refresh_tokens
        assert github.secrets[("social", "WARTA_TOKEN_DINAS_CONTOH_TIKTOK")] == f"refresh:{live}"
    finally:
        tiktok.close()
        github.stop()
