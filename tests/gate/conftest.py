"""Gate fixtures: real temporary git repositories with a PR branch, and a fake GitHub."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import git
import pytest

from tests.conftest import AGENCY_A, AGENCY_B, POST_A, PROVINCE, write
from tests.gate.fake_github import FakeGitHub

POST_PATH = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
WRITER = ("Ani Lestari", "1003+ani-lestari@users.noreply.github.com")
WHEN = "2026-11-21T02:00:00Z"


class PrRepo:
    """A Warta repository on `main` plus a PR branch `pr`; helpers build the PR's commits."""

    def __init__(self, root: Path) -> None:
        self.root = root
        write(root, "roster/_province.yml", PROVINCE)
        write(root, "roster/dinas-contoh.yml", AGENCY_A)
        write(root, "roster/badan-contoh.yml", AGENCY_B)
        write(root, POST_PATH, POST_A)
        write(root, "content/badan-contoh/2026/2026-11-19-rapat.md",
              POST_A.replace("Ani Lestari", "Citra Dewi"))
        write(root, ".github/workflows/gate.yml", "on: pull_request_target\n")
        self.repo = git.Repo.init(root, initial_branch="main")
        with self.repo.config_writer() as cfg:
            cfg.set_value("user", "name", "Admin Satu")
            cfg.set_value("user", "email", "9001+admin-satu@users.noreply.github.com")
        self.repo.git.add(A=True)
        self.repo.git.commit("-m", "initial")
        self.base = self.repo.head.commit.hexsha
        self.repo.git.checkout("-b", "pr")

    @property
    def head(self) -> str:
        return self.repo.head.commit.hexsha

    def write(self, rel: str, text: str) -> None:
        write(self.root, rel, text)

    def move(self, old: str, new: str) -> None:
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        self.repo.git.mv(old, new)

    def delete(self, rel: str) -> None:
        self.repo.git.rm(rel)

    def commit(self, message: str = "ubah berita", author: tuple[str, str] = WRITER,
               committer: tuple[str, str] | None = None) -> str:
        self.repo.git.add(A=True)
        committer = committer or author
        env = {"GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1],
               "GIT_COMMITTER_NAME": committer[0], "GIT_COMMITTER_EMAIL": committer[1]}
        self.repo.git.commit("--allow-empty", "-m", message, env=env)
        return self.head

    def post_edit(self, slug: str = "dinas-contoh", name: str = "2026-11-22-baru.md",
                  extra: str = "") -> str:
        """Add a post to the agency's folder; returns its path."""
        rel = f"content/{slug}/2026/{name}"
        self.write(rel, POST_A.replace("channels:", f"{extra}channels:") if extra else POST_A)
        return rel

    def input(self, reviews: list[dict[str, Any]], author: str = "ani-lestari",
              **extra: Any) -> dict[str, Any]:
        return {"repo": str(self.root), "base_sha": self.base, "head_sha": self.head,
                "author": author, "reviews": reviews, **extra}

    def write_input(self, data: dict[str, Any]) -> Path:
        path = self.root.parent / "gate-input.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path


def review(user: str, sha: str, state: str = "APPROVED", when: str = WHEN,
           user_id: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"user": user, "state": state, "commit_id": sha, "submitted_at": when}
    if user_id is not None:
        data["user_id"] = user_id
    return data


def dedent(text: str) -> str:
    return textwrap.dedent(text)


@pytest.fixture
def pr_repo(tmp_path: Path) -> PrRepo:
    return PrRepo(tmp_path / "repo")


@pytest.fixture
def fake_github() -> Iterator[FakeGitHub]:
    server = FakeGitHub()
    server.start()
    try:
        yield server
    finally:
        server.stop()
