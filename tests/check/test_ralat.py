"""A published post changed without `ralat` is refused (report and `warta/check`); with one it
passes, and the report shows the Kepala PD what changed in the published text."""

from __future__ import annotations

from pathlib import Path

import git

from tests.conftest import POST_A, write
from warta.gate.github.queue import quality_result
from warta.review.build import build_review

POST = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
EDITED = POST_A.replace("Posyandu serentak dilaksanakan di seluruh kelurahan.",
                        "Posyandu serentak dilaksanakan di 67 kelurahan.")
RALAT = EDITED.replace("media:\n", "ralat:\n  - {date: 2026-11-21 10:00, note: Jumlah kelurahan diperbaiki}\nmedia:\n")


def branch(root: Path, text: str, name: str = "ralat") -> tuple[str, str]:
    repo = git.Repo(root)
    base = repo.head.commit.hexsha
    repo.git.checkout("-b", name)
    write(root, POST, text)
    repo.git.add(A=True)
    head = repo.index.commit("Ubah berita yang sudah tayang").hexsha
    repo.git.checkout("main")
    return base, head


def codes(findings: list[dict]) -> set[str]:
    return {f["code"] for f in findings}


def test_changed_published_text_without_ralat_fails(sample_git_repo: Path) -> None:
    base, head = branch(sample_git_repo, EDITED)
    post = build_review(sample_git_repo, base, head).posts[0]
    assert "post-ralat-missing" in {f.code for f in post.findings}
    assert "-Posyandu serentak dilaksanakan di seluruh kelurahan." in post.published_diff
    assert "+Posyandu serentak dilaksanakan di 67 kelurahan." in post.published_diff
    result = quality_result(sample_git_repo, head)
    assert result["ok"] is False and "post-ralat-missing" in codes(result["findings"])


def test_ralat_entry_lets_the_change_through(sample_git_repo: Path) -> None:
    base, head = branch(sample_git_repo, RALAT)
    post = build_review(sample_git_repo, base, head).posts[0]
    assert not {"post-ralat-missing", "post-ralat-removed"} & {f.code for f in post.findings}
    assert post.published_diff  # still shown to the approver
    assert "post-ralat-missing" not in codes(quality_result(sample_git_repo, head)["findings"])


def test_removing_a_published_ralat_fails(sample_git_repo: Path) -> None:
    repo = git.Repo(sample_git_repo)
    write(sample_git_repo, POST, RALAT)
    repo.git.add(A=True)
    repo.index.commit("ralat di main")
    base, head = branch(sample_git_repo, EDITED, "hapus-ralat")
    assert "post-ralat-removed" in {f.code for f in build_review(sample_git_repo, base, head).posts[0].findings}
