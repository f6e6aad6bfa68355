"""Approve once: the merge queue keeps a Kepala PD's approval across other agencies' merges,
and re-checks it against the current main's roster; a push by the author still needs a new one.

Real git (the queue's merge commits are made with `git merge-tree`), the fake GitHub for the
API, `warta gate post --merge-group-*` as the gate workflow runs it on `merge_group`."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import POST_A, make_jpeg
from tests.gate.conftest import PrRepo
from tests.gate.fake_github import (
    REPO,
    FakeGitHub,
    Pull,
    commit_json,
    enqueue,
    file_json,
    queue_outcome,
    review_json,
    user,
)
from tests.gate.test_cli import warta
from warta.gate.comment import CHECK_NAME
from warta.gate.github import connect, gate_pull
from warta.gate.github.queue import gate_merge_group, post_quality, quality_result
from warta.gate.protection import CHECK_QUALITY

ADMIN = ("Admin Satu", "9001+admin-satu@users.noreply.github.com")
ANI = ("Ani Lestari", "1003+ani-lestari@users.noreply.github.com")
REQUIRED = [CHECK_QUALITY, CHECK_NAME]
NEW_POST = "content/dinas-contoh/2026/2026-11-22-baru.md"


def client(fake: FakeGitHub):  # type: ignore[no-untyped-def]
    return connect("test-token", fake.url, retries=0, throttle=False)


def on_main(repo: PrRepo, rel: str, text: str) -> str:
    """Another PR merged into main meanwhile (the PR branch itself is not touched)."""
    repo.repo.git.checkout("main")
    repo.write(rel, text)
    sha = repo.commit("PR lain digabung", author=ADMIN)
    repo.repo.git.checkout("pr")
    return sha


def queue_commit(repo: PrRepo, base: str, head: str) -> str:
    """The commit GitHub's queue builds: the PR's head merged onto the group's base."""
    tree = repo.repo.git.merge_tree("--write-tree", base, head)
    return str(repo.repo.git.commit_tree(tree, "-p", base, "-p", head, "-m", "antrean"))


def clean_main(repo: PrRepo) -> None:
    """Give the fixture's posts their photos and channels, so `warta check` passes on main."""
    repo.repo.git.checkout("main")
    for slug in ("dinas-contoh", "badan-contoh"):
        make_jpeg(repo.root / f"content/{slug}/2026/media/posyandu.jpg", (800, 450))
    rapat = repo.root / "content/badan-contoh/2026/2026-11-19-rapat.md"
    rapat.write_text(rapat.read_text().replace("[website, instagram]", "[website]"))
    repo.base = repo.commit("foto dan kanal", author=ADMIN)
    repo.repo.git.checkout("pr")
    repo.repo.git.reset("--hard", "main")


def approved_pull(fake: FakeGitHub, repo: PrRepo) -> Pull:
    clean_main(repo)
    repo.post_edit()
    head = repo.commit()
    fake.contents[(NEW_POST, head)] = POST_A
    return fake.add_pull(Pull(
        number=7, author=user("ani-lestari", 1003), base_sha=repo.base, head_sha=head,
        files=[file_json(NEW_POST)], commits=[commit_json(head, ANI, "ani-lestari", 1003)],
        reviews=[review_json(1, "kepala-contoh", 1001, "APPROVED", head)]))


def run_queue(fake: FakeGitHub, repo: PrRepo, base: str, head: str) -> str:
    """Queue the PR on `base` and run both checks as gate.yml does on `merge_group`."""
    group = enqueue(fake, 7, base, queue_commit(repo, base, head))["merge_group"]
    env = {**os.environ, "WARTA_GITHUB_TOKEN": "t0ken", "WARTA_GITHUB_THROTTLE": "0"}
    out = repo.root.parent / "quality.json"
    proc = subprocess.run([*warta(), "gate", "quality", "--sha", group["head_sha"],
                           "--out", str(out), "--checkout", str(repo.root)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=repo.root)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([*warta(), "gate", "post", "--repo", REPO, "--base-url", fake.url,
                           "--merge-group-ref", group["head_ref"],
                           "--merge-group-head", group["head_sha"],
                           "--merge-group-base", group["base_sha"], "--quality", str(out),
                           "--checkout", str(repo.root)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=repo.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return queue_outcome(fake, group, REQUIRED)


def test_approval_survives_another_agencys_merge(fake_github: FakeGitHub,
                                                pr_repo: PrRepo) -> None:
    pull = approved_pull(fake_github, pr_repo)
    reviews_before = list(pull.reviews)
    other = on_main(pr_repo, "content/badan-contoh/2026/2026-11-23-lain.md",
                    POST_A.replace("Ani Lestari", "Citra Dewi").replace(", instagram]", "]"))
    assert run_queue(fake_github, pr_repo, other, pull.head_sha) == "merged"
    quality = next(r for r in fake_github.check_runs if r["name"] == CHECK_QUALITY)
    assert quality["conclusion"] == "success", quality["output"]
    assert pull.reviews == reviews_before  # no re-approval was asked for
    runs = [r for r in fake_github.check_runs if r["name"] in REQUIRED]
    assert {r["head_sha"] for r in runs} == {fake_github.merge_groups[-1]["head_sha"]}  # type: ignore[attr-defined]
    assert not pull.comments  # the queue posts on the group, never a second PR comment


def test_kepala_replaced_on_main_fails_the_queue(fake_github: FakeGitHub,
                                                pr_repo: PrRepo) -> None:
    pull = approved_pull(fake_github, pr_repo)
    assert gate_pull(client(fake_github), REPO, 7, pr_repo.root).approved  # at the PR's base
    roster = (pr_repo.root / "roster/dinas-contoh.yml").read_text()
    replaced = on_main(pr_repo, "roster/dinas-contoh.yml", roster.replace(
        "{name: Kepala Contoh, github: kepala-contoh, github_id: 1001}",
        "{name: Kepala Baru, github: kepala-baru, github_id: 1010}"))
    assert run_queue(fake_github, pr_repo, replaced, pull.head_sha) == "removed"
    run = next(r for r in reversed(fake_github.check_runs) if r["name"] == CHECK_NAME)
    assert run["conclusion"] == "failure" and "kepala-baru" in run["output"]["summary"]
    assert replaced[:7] in run["output"]["summary"]


def test_author_push_needs_a_new_approval(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    pull = approved_pull(fake_github, pr_repo)
    pr_repo.write(NEW_POST, POST_A.replace("Posyandu", "Posyandu Lansia"))
    pushed = pr_repo.commit("perbaiki judul")
    fake_github.contents[(NEW_POST, pushed)] = POST_A
    pull.head_sha = pushed
    pull.commits.append(commit_json(pushed, ANI, "ani-lestari", 1003))
    assert run_queue(fake_github, pr_repo, pr_repo.base, pushed) == "removed"
    pull.reviews.append(review_json(2, "kepala-contoh", 1001, "APPROVED", pushed,
                                    "2026-11-21T04:00:00Z"))
    assert run_queue(fake_github, pr_repo, pr_repo.base, pushed) == "merged"


def test_queue_direct_call_and_bad_ref(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    pull = approved_pull(fake_github, pr_repo)
    group = queue_commit(pr_repo, pr_repo.base, pull.head_sha)
    gh = client(fake_github)
    verdict = gate_merge_group(gh, REPO, f"refs/heads/gh-readonly-queue/main/pr-7-{pr_repo.base}",
                               group, pr_repo.base, pr_repo.root)
    assert verdict.approved
    result = quality_result(pr_repo.root, group)
    assert result["ok"] and result["sha"] == group, json.dumps(result)[:2000]
    post_quality(gh.get_repo(REPO), result)
    assert fake_github.check_runs[-1]["name"] == CHECK_QUALITY
    assert quality_result(pr_repo.root, "f" * 40)["ok"] is False  # unknown commit fails closed
    # A "group" that does not merge the PR's approved head (here: main onto itself, or the
    # PR's head alone with one parent) never gets the PR's approval.
    other = queue_commit(pr_repo, pr_repo.base, pr_repo.base)
    ref = f"refs/heads/gh-readonly-queue/main/pr-7-{pr_repo.base}"
    assert not gate_merge_group(gh, REPO, ref, other, None, pr_repo.root).approved
    assert not gate_merge_group(gh, REPO, ref, pull.head_sha, None, pr_repo.root).approved
    assert fake_github.check_runs[-1]["conclusion"] == "failure"
    env = {**os.environ, "WARTA_GITHUB_TOKEN": "t0ken", "WARTA_GITHUB_THROTTLE": "0"}
    proc = subprocess.run([*warta(), "gate", "post", "--repo", REPO, "--base-url", fake_github.url,
                           "--merge-group-ref", "refs/heads/fitur", "--merge-group-head", group,
                           "--merge-group-base", pr_repo.base],
                          env=env, capture_output=True, text=True, timeout=60,
                          cwd=Path(pr_repo.root))
    assert proc.returncode == 2 and "gh-readonly-queue" in proc.stderr


def test_quality_result_posted_only_on_the_commit_in_question(fake_github: FakeGitHub,
                                                           pr_repo: PrRepo) -> None:
    """The quality job has no key; its result is posted only on the PR's current head, so a
    tampered result cannot put a green `warta/check` on some other commit."""
    pull = approved_pull(fake_github, pr_repo)
    env = {**os.environ, "WARTA_GITHUB_TOKEN": "t0ken", "WARTA_GITHUB_THROTTLE": "0"}
    out = pr_repo.root.parent / "quality.json"
    for sha, posted in ((pr_repo.base, False), (pull.head_sha, True)):
        out.write_text(json.dumps(quality_result(pr_repo.root, sha)))
        before = len(fake_github.check_runs)
        proc = subprocess.run([*warta(), "gate", "post", "--repo", REPO, "--base-url",
                               fake_github.url, "--pr", "7", "--quality", str(out),
                               "--checkout", str(pr_repo.root)],
                              env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        names = [(r["name"], r["head_sha"]) for r in fake_github.check_runs[before:]]
        assert ((CHECK_QUALITY, sha) in names) is posted, names
        assert (CHECK_NAME, pull.head_sha) in names
