"""`warta dispatch health`: one row per agency × configured network, against the fakes' token endpoints."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator

import pytest

from tests.dispatch.conftest import NOW, TOKEN, Networks, Repo
from tests.dispatch.oauth1_server import Verifier
from tests.dispatch.test_cli import WARTA, env
from tests.gate.fake_github import REPO, FakeGitHub
from warta.dispatch.health import ISSUE_TITLE, Row, exit_code, health, issue_body
from warta.gate.github import open_repository, sync_issue
from warta.roster.load import load_roster

KEYS = ("api-key-1", "api-secret-2", "12345-access-token-3", "access-token-secret-4")
ROWS = {"agency", "channel", "status", "expires_at", "problem"}


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    server = FakeGitHub()
    server.environments["social"] = {"policy": None, "branches": []}
    server.start()
    for name, value in {"GITHUB_REPOSITORY": REPO, "GITHUB_API_URL": server.url, "WARTA_SECRETS_TOKEN": "gh",
                        "WARTA_GITHUB_THROTTLE": "0", "WARTA_TIKTOK_CLIENT_KEY": "client-key",
                        "WARTA_TIKTOK_CLIENT_SECRET": "client-secret", "WARTA_YOUTUBE_CLIENT_ID": "client-id"}.items():
        monkeypatch.setenv(name, value)
    try:
        yield server
    finally:
        server.stop()


def healthy(networks: Networks, monkeypatch: pytest.MonkeyPatch) -> None:
    networks.x.oauth1 = Verifier(*KEYS)
    networks.tiktok.refresh_tokens["rt-lama"] = TOKEN
    monkeypatch.setenv("WARTA_YOUTUBE_OAUTH_API", networks.youtube.url)
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "oauth1:" + ":".join(KEYS))
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_YOUTUBE", "refresh:refresh-ok")
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_TIKTOK", "refresh:rt-lama")
    monkeypatch.setenv("WARTA_TOKEN_MEDIA_CENTER_INSTAGRAM", TOKEN)


def by_channel(repo: Repo) -> dict[tuple[str, str], dict[str, object]]:
    import os

    rows = health(load_roster(repo.root).roster, env=os.environ, now=NOW, sleep=lambda s: None)
    return {(r.agency, r.channel): {**r.as_json(), "exit": exit_code(rows)} for r in rows}


def test_every_configured_account_is_checked_and_healthy_tokens_pass(
        repo: Repo, networks: Networks, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> None:
    healthy(networks, monkeypatch)
    rows = by_channel(repo)
    assert set(rows) == {("dinas-contoh", c) for c in ("instagram", "facebook", "x", "youtube", "tiktok")} | {
        ("media-center", "instagram")}
    assert {k: r["status"] for k, r in rows.items()} == dict.fromkeys(rows, "ok"), rows
    assert rows[("dinas-contoh", "facebook")]["expires_at"] is None  # Meta: expires_at 0 = never
    assert str(rows[("dinas-contoh", "tiktok")]["expires_at"]).startswith("2027-")  # refresh token, 365 days
    assert rows[("dinas-contoh", "x")]["exit"] == 0
    assert networks.x.oauth1 is not None and networks.x.oauth1.verified == 1  # GET /2/users/me, signed
    # The health check spent TikTok's rotating refresh token, so it wrote the new one back.
    [live] = networks.tiktok.refresh_tokens
    assert github.secrets[("social", "WARTA_TOKEN_DINAS_CONTOH_TIKTOK")] == f"refresh:{live}"


def test_broken_and_expiring_tokens_are_named_without_their_values(
        repo: Repo, networks: Networks, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> None:
    healthy(networks, monkeypatch)
    networks.graph.debug[TOKEN]["scopes"] = ["pages_read_engagement", "instagram_basic",
                                              "instagram_content_publish"]
    networks.graph.debug["ig-token"] = {"is_valid": True, "expires_at": int(NOW.timestamp()) + 3 * 86400,
                                        "data_access_expires_at": 0,
                                        "scopes": ["instagram_basic", "instagram_content_publish"]}
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_INSTAGRAM", "ig-token")
    monkeypatch.setenv("WARTA_TOKEN_MEDIA_CENTER_INSTAGRAM", "mc-rahasia-kedaluwarsa")
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "oauth1:api-key-1:api-secret-2:12345-access-token-3:keliru-9f3")
    networks.youtube.refresh_expires_in = 604800  # consent screen still in "Testing"
    monkeypatch.delenv("WARTA_TOKEN_DINAS_CONTOH_TIKTOK")
    rows = by_channel(repo)
    status = {k: r["status"] for k, r in rows.items()}
    assert status == {("dinas-contoh", "facebook"): "broken", ("dinas-contoh", "instagram"): "warning",
                      ("dinas-contoh", "x"): "broken", ("dinas-contoh", "youtube"): "warning",
                      ("dinas-contoh", "tiktok"): "broken", ("media-center", "instagram"): "broken"}, rows
    assert "pages_manage_posts" in str(rows[("dinas-contoh", "facebook")]["problem"])
    instagram = rows[("dinas-contoh", "instagram")]
    assert str(instagram["expires_at"]).startswith("2026-11-25") and "kedaluwarsa" in str(instagram["problem"])
    assert "kode 190" in str(rows[("media-center", "instagram")]["problem"])
    assert "Testing" in str(rows[("dinas-contoh", "youtube")]["problem"])
    assert "WARTA_TOKEN_DINAS_CONTOH_TIKTOK" in str(rows[("dinas-contoh", "tiktok")]["problem"])
    assert rows[("dinas-contoh", "x")]["exit"] == 1
    text = json.dumps(list(rows.values()))
    for secret in ("ig-token", "mc-rahasia-kedaluwarsa", "keliru-9f3", "api-secret-2", TOKEN, "refresh-ok"):
        assert secret not in text, secret


def test_one_status_issue_is_opened_kept_and_closed(github: FakeGitHub) -> None:
    repo = open_repository(REPO, "gh", github.url)
    rows = [Row("dinas-contoh", "facebook", "broken", None, "Token Facebook bermasalah: a | b."),
            Row("dinas-contoh", "x", "ok"),
            Row("media-center", "instagram", "warning", "2026-11-25T08:00:00+07:00", "Token kedaluwarsa.")]
    assert sync_issue(repo, ISSUE_TITLE, issue_body(rows)) == "isu #1 dibuka"
    assert sync_issue(repo, ISSUE_TITLE, issue_body(rows)) == "isu #1 tidak berubah"
    body = github.issues[1]["body"]
    assert "| dinas-contoh | Facebook | bermasalah | – | Token Facebook bermasalah: a \\| b. |" in body
    assert "media-center" in body and "| dinas-contoh | X |" not in body
    assert sync_issue(repo, ISSUE_TITLE, issue_body(rows[1:])) == "isu #1 diperbarui"
    assert sync_issue(repo, ISSUE_TITLE, issue_body(rows[1:2])) == "isu #1 ditutup"
    assert github.issues[1]["state"] == "closed" and len(github.issues) == 1
    assert sync_issue(repo, ISSUE_TITLE, issue_body(rows)) == "isu #2 dibuka"  # a new problem, a new issue


def test_cli_prints_the_json_contract_and_exits_1_when_broken(repo: Repo, networks: Networks,
                                                              github: FakeGitHub) -> None:
    environment = env(networks)
    environment["WARTA_TOKEN_DINAS_CONTOH_FACEBOOK"] = "kunci-yang-dicabut"
    environment.update({"GITHUB_REPOSITORY": REPO, "GITHUB_API_URL": github.url, "WARTA_GITHUB_TOKEN": "gh",
                        "WARTA_GITHUB_THROTTLE": "0"})
    started = time.monotonic()
    result = subprocess.run([*WARTA, "health", "--format", "json"], cwd=repo.root, capture_output=True, text=True,
                            env=environment, timeout=60)
    assert time.monotonic() - started < 30
    assert result.returncode == 1, result.stderr
    rows = json.loads(result.stdout)
    assert all(set(r) == ROWS for r in rows) and len(rows) == 6
    facebook = next(r for r in rows if r["channel"] == "facebook")
    assert facebook["status"] == "broken" and facebook["agency"] == "dinas-contoh"
    assert "kunci-yang-dicabut" not in result.stdout + result.stderr
    text = subprocess.run([*WARTA, "health", "--issue"], cwd=repo.root, capture_output=True, text=True,
                          env=environment, timeout=60)
    assert text.returncode == 1 and "bermasalah" in text.stdout and "Traceback" not in text.stderr
    [issue] = github.issues.values()
    assert issue["title"] == ISSUE_TITLE and issue["state"] == "open" and "Facebook" in issue["body"]
    assert "kunci-yang-dicabut" not in issue["body"] and "dibuka" in text.stderr
