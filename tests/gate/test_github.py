"""warta.gate.github against the local fake GitHub: reading, reporting, failing closed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import POST_A
from tests.gate.conftest import PrRepo
from tests.gate.fake_github import (
    REPO,
    FakeGitHub,
    Pull,
    commit_json,
    file_json,
    review_json,
    user,
)
from tests.gate.test_cli import warta
from warta.commands.report import review_comment
from warta.gate.comment import CHECK_NAME, MARKER
from warta.gate.github import GitHubError, connect, gate_pull

HEAD = "a" * 40
ANI = ("Ani Lestari", "ani@example.invalid")
NEW_POST = "content/dinas-contoh/2026/2026-11-22-baru.md"


def client(fake: FakeGitHub):  # type: ignore[no-untyped-def]
    return connect("test-token", fake.url, retries=0, throttle=False)


def make_pull(fake: FakeGitHub, repo: PrRepo, *, files: list[dict] | None = None,
              reviews: list[dict] | None = None, commits: list[dict] | None = None) -> Pull:
    pull = fake.add_pull(Pull(
        number=7, author=user("ani-lestari", 1003), base_sha=repo.base, head_sha=HEAD,
        files=files if files is not None else [file_json(NEW_POST)],
        commits=commits if commits is not None else [commit_json("b" * 40, ANI, "ani-lestari",
                                                                 1003)],
        reviews=reviews or [],
    ))
    fake.contents[(NEW_POST, HEAD)] = POST_A
    return pull


def approve(login: str, uid: int, rid: int = 1, sha: str = HEAD, state: str = "APPROVED",
            when: str = "2026-11-21T02:00:00Z") -> dict:
    return review_json(rid, login, uid, state, sha, when)


def last_run(fake: FakeGitHub) -> dict:
    assert fake.check_runs, "no check run posted"
    run = fake.check_runs[-1]
    assert run["name"] == CHECK_NAME and run["head_sha"] == HEAD
    return run


def test_approved_posts_success_and_one_comment(fake_github: FakeGitHub,
                                                pr_repo: PrRepo) -> None:
    pull = make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert verdict.approved
    assert last_run(fake_github)["conclusion"] == "success"
    assert len(pull.comments) == 1 and MARKER in pull.comments[0]["body"]
    # A second run edits the same comment instead of adding one.
    pull.reviews.append(approve("kepala-contoh", 1001, rid=2, state="CHANGES_REQUESTED",
                                when="2026-11-21T03:00:00Z"))
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert not verdict.approved
    assert last_run(fake_github)["conclusion"] == "failure"
    assert len(pull.comments) == 1 and "❌" in pull.comments[0]["body"]
    assert ("PATCH", f"/repos/{REPO}/issues/comments/{pull.comments[0]['id']}") \
        in fake_github.requests


def test_paginated_files_and_reviews(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    files = [file_json(f"content/dinas-contoh/2026/2026-11-2{i}-x.md") for i in range(5)]
    files.append(file_json("content/badan-contoh/2026/b.md", "renamed",
                           "content/dinas-contoh/2026/b.md"))
    reviews = [approve("budi-s", 1004, 1), approve("citra-d", 1005, 2),
               approve("kepala-contoh", 1001, 3), approve("kepala-badan", 2001, 4)]
    make_pull(fake_github, pr_repo, files=files, reviews=reviews)
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert verdict.approved, verdict.as_dict()
    assert [r.scope for r in verdict.requirements] == ["agency:badan-contoh",
                                                       "agency:dinas-contoh"]
    pages = [p for m, p in fake_github.requests if p.endswith("/pulls/7/files")]
    assert len(pages) >= 3


def test_kepala_commit_author_on_github_cannot_approve(fake_github: FakeGitHub,
                                                       pr_repo: PrRepo) -> None:
    commits = [commit_json("b" * 40, ANI, "ani-lestari", 1003),
               commit_json("c" * 40, ("K", "k@example.invalid"), "kepala-contoh", 1001)]
    make_pull(fake_github, pr_repo, commits=commits, reviews=[approve("kepala-contoh", 1001)])
    assert not gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved
    assert last_run(fake_github)["conclusion"] == "failure"


def test_co_author_trailer_on_github_cannot_approve(fake_github: FakeGitHub,
                                                   pr_repo: PrRepo) -> None:
    message = "berita\n\nCo-authored-by: kepala-contoh <1001+kepala-contoh@users.noreply.github.com>"
    commits = [commit_json("b" * 40, ANI, "ani-lestari", 1003, message=message)]
    make_pull(fake_github, pr_repo, commits=commits, reviews=[approve("kepala-contoh", 1001)])
    assert not gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved


def test_media_center_flag_read_from_head_via_api(fake_github: FakeGitHub,
                                                  pr_repo: PrRepo) -> None:
    make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    fake_github.contents[(NEW_POST, HEAD)] = POST_A.replace("channels:",
                                                            "media_center: true\nchannels:")
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert [r.scope for r in verdict.requirements] == ["agency:dinas-contoh", "media_center"]
    assert not verdict.approved


def test_cr_only_media_center_post_via_api_needs_koordinator(fake_github: FakeGitHub,
                                                             pr_repo: PrRepo) -> None:
    make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    fake_github.contents[(NEW_POST, HEAD)] = POST_A.replace(
        "channels:", "media_center: true\nchannels:").replace("\n", "\r")
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert [r.scope for r in verdict.requirements] == ["agency:dinas-contoh", "media_center"]
    assert not verdict.approved


def test_unreadable_post_via_api_fails_closed(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    fake_github.contents[(NEW_POST, HEAD)] = "---\ntitle: Tanpa penutup\nmedia_center: true\n"
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert not verdict.approved and verdict.requirements[0].scope == "content"
    assert NEW_POST in verdict.requirements[0].reason


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", r"/pulls/7/reviews", 500),
    ("GET", r"/pulls/7/commits", 403),
    ("GET", r"/pulls/7/files", 422),
    ("GET", r"/contents/", 403),
])
def test_api_error_mid_evaluation_fails_closed(fake_github: FakeGitHub, pr_repo: PrRepo,
                                               method: str, path: str, status: int) -> None:
    make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    fake_github.fail(method, path, status)
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert not verdict.approved
    run = last_run(fake_github)
    assert run["conclusion"] == "failure"
    assert "GitHub API gagal" in run["output"]["summary"] and str(status) in \
        run["output"]["summary"]


def test_second_page_error_fails_closed(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    reviews = [approve("budi-s", 1004, 1), approve("citra-d", 1005, 2),
               approve("kepala-contoh", 1001, 3)]
    make_pull(fake_github, pr_repo, reviews=reviews)
    fake_github.page_size = 2
    original = fake_github.handle

    def flaky(method, raw_path, body, auth):  # type: ignore[no-untyped-def]
        if "reviews" in raw_path and "page=2" in raw_path:
            return 500, {"message": "boom"}, {}
        return original(method, raw_path, body, auth)

    fake_github.handle = flaky  # type: ignore[method-assign]
    assert not gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved
    assert last_run(fake_github)["conclusion"] == "failure"


def test_head_moves_during_evaluation(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    pull = make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    # first read (gate_pull), read_pull, then the re-read sees a new push
    pull.heads_after = [HEAD, HEAD, "d" * 40]
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert not verdict.approved
    run = last_run(fake_github)
    assert run["conclusion"] == "failure" and "commit baru" in run["output"]["summary"]
    assert pull.comments == []


def test_file_listing_cap_fails_closed(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    pull = make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    pull.changed_files = 3500  # GitHub says 3,500 files changed but lists fewer
    assert not gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved
    assert "3500" in last_run(fake_github)["output"]["summary"]


def test_too_many_commits_fails_closed(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    pull = make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    pull.commit_count = 251
    assert not gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved


def test_base_sha_unknown_locally_fails_closed(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    pull = make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    pull.base_sha = "e" * 40
    assert not gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved
    assert last_run(fake_github)["conclusion"] == "failure"


def test_check_run_rejected_raises(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    fake_github.fail("POST", r"/check-runs$", 422)
    with pytest.raises(GitHubError, match="422"):
        gate_pull(client(fake_github), REPO, 7, pr_repo.root)


def test_pull_not_found_raises(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    with pytest.raises(GitHubError, match="404"):
        gate_pull(client(fake_github), REPO, 99, pr_repo.root)


def test_cli_gate_post(fake_github: FakeGitHub, pr_repo: PrRepo, tmp_path: Path) -> None:
    make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    env = {**os.environ, "WARTA_GITHUB_TOKEN": "t0ken", "WARTA_GITHUB_THROTTLE": "0"}
    cmd = [*warta(), "gate", "post", "--repo", REPO, "--pr", "7",
           "--checkout", str(pr_repo.root), "--base-url", fake_github.url]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert last_run(fake_github)["conclusion"] == "success"
    env.pop("WARTA_GITHUB_TOKEN")
    env.pop("GITHUB_TOKEN", None)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 2 and "WARTA_GITHUB_TOKEN" in proc.stderr


def test_cli_gate_post_by_head_sha(fake_github: FakeGitHub, pr_repo: PrRepo,
                                   tmp_path: Path) -> None:
    # A review's workflow_run only names the head SHA: every open PR with that head is checked.
    make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    env = {**os.environ, "WARTA_GITHUB_TOKEN": "t0ken", "WARTA_GITHUB_THROTTLE": "0"}
    base = [*warta(), "gate", "post", "--repo", REPO, "--checkout", str(pr_repo.root),
            "--base-url", fake_github.url]
    proc = subprocess.run([*base, "--head-sha", HEAD], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "#7" in proc.stdout
    assert last_run(fake_github)["conclusion"] == "success"
    proc = subprocess.run(base, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 2 and "--head-sha" in proc.stderr


def test_admin_team_member_approves_change_outside_content(fake_github: FakeGitHub,
                                                           pr_repo: PrRepo) -> None:
    files = [file_json(".github/workflows/gate.yml", "modified")]
    pull = make_pull(fake_github, pr_repo, files=files, reviews=[approve("admin-dua", 9002)])
    # No team yet: only roster admins count.
    assert not gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved
    fake_github.teams["admin-uji"] = {"members": [("admin-dua", 9002)], "repos": {}}
    assert gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved
    # The team member who wrote a commit of the PR cannot approve it.
    pull.commits.append(commit_json("c" * 40, ("A", "a@example.invalid"), "admin-dua", 9002))
    assert not gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved
    fake_github.fail("GET", r"/teams/admin-uji/members", 403)
    pull.commits.pop()
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root)
    assert not verdict.approved and verdict.requirements[0].scope == "github"


def test_comment_carries_quality_report_when_head_is_local(fake_github: FakeGitHub,
                                                           pr_repo: PrRepo) -> None:
    rel = pr_repo.post_edit()
    pr_repo.commit()
    pull = make_pull(fake_github, pr_repo, files=[file_json(rel)])
    pull.head_sha = pr_repo.head
    fake_github.contents[(rel, pr_repo.head)] = (pr_repo.root / rel).read_text()
    pull.reviews = [approve("kepala-contoh", 1001, sha=pr_repo.head)]
    verdict = gate_pull(client(fake_github), REPO, 7, pr_repo.root, review=review_comment)
    assert verdict.approved
    body = pull.comments[0]["body"]
    assert body.startswith(MARKER) and "Laporan Warta" in body and "kepala-contoh" in body
