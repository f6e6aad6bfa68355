"""Rotating refresh tokens (TikTok, X OAuth 2.0): exchanged once per run, the new refresh token sealed into
the `social` environment's secret on the fake GitHub before the new access token is used."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.dispatch.conftest import TOKEN, Networks, Repo, add_posts, run_range, statuses
from tests.dispatch.fakes import FakeNetwork, Reply, Request
from tests.gate.fake_github import REPO, FakeGitHub
from warta.dispatch.ledger import Ledger
from warta.dispatch.model import Key

SECRET = "WARTA_TOKEN_DINAS_CONTOH_TIKTOK"
VIDEO = "content/dinas-contoh/2026/2026-11-21-video-cuci-tangan.md"


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    server = FakeGitHub()
    server.environments["social"] = {"policy": {"protected_branches": False, "custom_branch_policies": True},
                                     "branches": ["main"]}
    server.start()
    monkeypatch.setenv("GITHUB_REPOSITORY", REPO)
    monkeypatch.setenv("GITHUB_API_URL", server.url)
    monkeypatch.setenv("WARTA_SECRETS_TOKEN", "gh-app-token")
    monkeypatch.setenv("WARTA_GITHUB_THROTTLE", "0")
    monkeypatch.setenv("WARTA_TIKTOK_CLIENT_KEY", "client-key")
    monkeypatch.setenv("WARTA_TIKTOK_CLIENT_SECRET", "client-secret")
    monkeypatch.setenv("WARTA_X_CLIENT_ID", "x-client")
    monkeypatch.setenv("WARTA_X_CLIENT_SECRET", "x-secret")
    try:
        yield server
    finally:
        server.stop()


def watch(fake: FakeNetwork, route: str, seen: list[Any], snapshot: Any) -> None:
    """Record `snapshot()` when `route` is first served (what GitHub held at that moment)."""
    for index, (method, pattern, name, handler) in enumerate(fake.routes):
        if name == route:
            def wrapped(request: Request, *groups: str, _handler: Any = handler) -> Reply:
                seen.append(snapshot())
                return _handler(request, *groups)
            fake.routes[index] = (method, pattern, name, wrapped)


def test_tiktok_refresh_rotates_and_the_new_token_is_stored_before_the_post(
        repo: Repo, ledger: Ledger, networks: Networks, github: FakeGitHub,
        monkeypatch: pytest.MonkeyPatch) -> None:
    networks.tiktok.refresh_tokens["rt-lama"] = TOKEN
    monkeypatch.setenv(SECRET, "refresh:rt-lama")
    seen: list[dict[tuple[str, str], str]] = []
    watch(networks.tiktok, "creator_info", seen, lambda: dict(github.secrets))
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    assert statuses(outcomes)[("video-cuci-tangan", "tiktok")] == "sent", " | ".join(o.message for o in outcomes)
    assert len(networks.tiktok.calls("oauth_token")) == 1
    [live] = networks.tiktok.refresh_tokens  # the old one is spent, one new one lives
    assert live != "rt-lama"
    assert github.secrets[("social", SECRET)] == f"refresh:{live}"  # decrypted by the fake: it was sealed
    assert seen and seen[0].get(("social", SECRET)) == f"refresh:{live}"  # stored before the first post call
    assert not any(live in o.message or "rt-lama" in o.message for o in outcomes)


def test_failed_secret_write_sends_nothing_and_says_how_to_reauthorize(
        repo: Repo, ledger: Ledger, networks: Networks, github: FakeGitHub,
        monkeypatch: pytest.MonkeyPatch) -> None:
    networks.tiktok.refresh_tokens["rt-lama"] = TOKEN
    monkeypatch.setenv(SECRET, "refresh:rt-lama")
    github.fail("PUT", r"/environments/social/secrets/WARTA_TOKEN_", 403)
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    [tiktok] = [o for o in outcomes if o.item.key.channel == "tiktok"]
    assert tiktok.status == "failed"
    assert not networks.tiktok.calls("creator_info") and not networks.tiktok.publishes
    for words in ("TikTok", "Dinas Contoh", SECRET, "HTTP 403", "otorisasi ulang", "refresh:<token>"):
        assert words in tiktok.message, words
    assert statuses(outcomes)[("video-cuci-tangan", "youtube")] == "sent"  # other networks go on
    with ledger.lock(Key("dinas-contoh", VIDEO, "tiktok")) as entry:
        state = entry.state()
    assert state.status == "failed" and state.last is not None and state.last["code"] == "token-writeback"


def test_unwritable_environment_spends_no_refresh_token(
        repo: Repo, ledger: Ledger, networks: Networks, github: FakeGitHub,
        monkeypatch: pytest.MonkeyPatch) -> None:
    networks.tiktok.refresh_tokens["rt-lama"] = TOKEN
    monkeypatch.setenv(SECRET, "refresh:rt-lama")
    github.fail("GET", r"/environments/social/secrets/public-key", 403)
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    [tiktok] = [o for o in outcomes if o.item.key.channel == "tiktok"]
    assert tiktok.status == "failed" and "belum ditukar" in tiktok.message
    assert not networks.tiktok.calls("oauth_token") and "rt-lama" in networks.tiktok.refresh_tokens


def test_without_a_secret_store_a_rotating_token_is_not_spent(
        repo: Repo, ledger: Ledger, networks: Networks, monkeypatch: pytest.MonkeyPatch) -> None:
    networks.tiktok.refresh_tokens["rt-lama"] = TOKEN
    monkeypatch.setenv(SECRET, "refresh:rt-lama")
    monkeypatch.delenv("WARTA_SECRETS_TOKEN", raising=False)
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    [tiktok] = [o for o in outcomes if o.item.key.channel == "tiktok"]
    assert tiktok.status == "failed" and "WARTA_SECRETS_TOKEN" in tiktok.message
    assert not networks.tiktok.calls("oauth_token")


def test_x_oauth2_refresh_is_exchanged_once_per_run_and_written_back(
        repo: Repo, ledger: Ledger, networks: Networks, github: FakeGitHub,
        monkeypatch: pytest.MonkeyPatch) -> None:
    networks.x.refresh_tokens["xrt-lama"] = TOKEN
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "refresh:xrt-lama")
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    assert statuses(outcomes)[("pameran-umkm", "x")] == "sent"
    assert statuses(outcomes)[("video-cuci-tangan", "x")] == "sent"
    assert len(networks.x.calls("oauth_token")) == 1  # two X items, one exchange
    [live] = networks.x.refresh_tokens
    assert github.secrets[("social", "WARTA_TOKEN_DINAS_CONTOH_X")] == f"refresh:{live}"
