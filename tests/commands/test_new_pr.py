"""`warta new --pr`: a real branch pushed to a real (bare) remote, and a PR on a fake GitHub."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import git
import pytest

from tests.gate.fake_github import REPO, FakeGitHub


class RemoteHeads:
    """The branches GitHub would know: the heads of the bare remote, read when asked."""

    def __init__(self, bare: Path) -> None:
        self.bare = bare

    def __contains__(self, branch: object) -> bool:
        return any(h.name == branch for h in git.Repo(self.bare).heads)


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()
    fake.start()
    yield fake
    fake.stop()


def run(cwd: Path, github: FakeGitHub, *args: str, token: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPO,
           "WARTA_GITHUB_THROTTLE": "0"}
    env.pop("GITHUB_TOKEN", None)
    env.pop("WARTA_GITHUB_TOKEN", None)
    if token:
        env["WARTA_GITHUB_TOKEN"] = "ghs_test"
    return subprocess.run([sys.executable, "-m", "warta.cli", "new", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env=env)


def with_remote(root: Path, tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    git.Repo.init(bare, bare=True, initial_branch="main")
    repo = git.Repo(root)
    repo.create_remote("origin", str(bare))
    repo.git.push("origin", "main")
    return bare


ARGS = ("--agency", "dinas-contoh", "--title", "Rapat Koordinasi Stunting", "--author", "Ani Lestari",
        "--date", "2026-12-02 10:30", "--pr")


def test_new_pr_pushes_a_branch_and_opens_one_pull_request(sample_git_repo: Path, tmp_path: Path,
                                                          github: FakeGitHub) -> None:
    bare = with_remote(sample_git_repo, tmp_path)
    github.branches = RemoteHeads(bare)
    result = run(sample_git_repo, github, *ARGS)
    assert result.returncode == 0, result.stdout + result.stderr
    branch = "warta/dinas-contoh/2026-12-02-rapat-koordinasi-stunting"
    remote = git.Repo(bare)
    assert branch in [h.name for h in remote.heads]
    files = remote.git.show("--name-only", "--format=", branch).split()
    assert files == ["content/dinas-contoh/2026/2026-12-02-rapat-koordinasi-stunting.md"]
    [pull] = github.created_pulls
    assert pull["title"] == "Berita: Rapat Koordinasi Stunting"
    assert pull["html_url"] in result.stdout
    assert ("POST", f"/repos/{REPO}/pulls") in github.requests


def test_without_token_the_branch_is_pushed_and_the_user_told(sample_git_repo: Path, tmp_path: Path,
                                                             github: FakeGitHub) -> None:
    bare = with_remote(sample_git_repo, tmp_path)
    github.branches = RemoteHeads(bare)
    result = run(sample_git_repo, github, *ARGS, token=False)
    assert result.returncode == 2
    assert "WARTA_GITHUB_TOKEN" in result.stderr and "Traceback" not in result.stderr
    assert github.created_pulls == []


def test_rejected_pull_request_names_the_branch(sample_git_repo: Path, tmp_path: Path,
                                               github: FakeGitHub) -> None:
    with_remote(sample_git_repo, tmp_path)  # GitHub does not know the branch: 422
    result = run(sample_git_repo, github, *ARGS)
    assert result.returncode == 1
    assert "warta/dinas-contoh/2026-12-02-rapat-koordinasi-stunting" in result.stderr
    assert "Traceback" not in result.stderr


def test_push_failure_is_a_clear_error(sample_git_repo: Path, github: FakeGitHub) -> None:
    git.Repo(sample_git_repo).create_remote("origin", "/nonexistent/remote.git")
    result = run(sample_git_repo, github, *ARGS)
    assert result.returncode == 2 and "Gagal mengirim cabang" in result.stderr


def test_new_with_a_photo_commits_the_normalised_photo_with_the_post(sample_git_repo: Path, tmp_path: Path,
                                                                    github: FakeGitHub) -> None:
    from PIL import Image

    from tests.media.photos import phone_photo

    bare = with_remote(sample_git_repo, tmp_path)
    github.branches = RemoteHeads(bare)
    source = phone_photo(tmp_path / "IMG_7.jpg", (3200, 2400))
    result = run(sample_git_repo, github, *ARGS, "--photo", str(source), "--alt", "Peserta rapat koordinasi stunting")
    assert result.returncode == 0, result.stdout + result.stderr
    branch = "warta/dinas-contoh/2026-12-02-rapat-koordinasi-stunting"
    files = git.Repo(bare).git.show("--name-only", "--format=", branch).split()
    assert sorted(files) == ["content/dinas-contoh/2026/2026-12-02-rapat-koordinasi-stunting.md",
                             "content/dinas-contoh/2026/media/img-7.jpg"]
    photo = sample_git_repo / "content/dinas-contoh/2026/media/img-7.jpg"
    with Image.open(photo) as image:
        assert max(image.size) <= 2560 and not image.getexif().get_ifd(0x8825)
    assert "- file: media/img-7.jpg" in (sample_git_repo / files[0]).read_text(encoding="utf-8")
