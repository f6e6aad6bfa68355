"""The review comment fits GitHub's limit with approvals and checklist intact, and lists every file."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import git

from tests.conftest import POST_A, make_jpeg, write
from warta.gate.comment import comment_body
from warta.gate.evaluate import evaluate
from warta.gate.input import GateInput
from warta.review import build_review, render_markdown
from warta.timeutil import now_wib

FOLDER = "content/dinas-contoh/2026"


def post(title: str, day: int, extra: str = "") -> str:
    return (POST_A.replace("Posyandu Serentak di Kota Bengkulu", title)
            .replace("2026-11-20 09:00", f"2026-11-{day:02d} 09:00")
            .replace("---\nPosyandu", f"{extra}---\nPosyandu"))


def commit_branch(root: Path, files: dict[str, str]) -> tuple[str, str]:
    repo = git.Repo(root)
    base = repo.head.commit.hexsha
    repo.git.checkout("-b", "pr")
    for rel, text in files.items():
        write(root, rel, text)
    repo.git.add(A=True)
    head = repo.index.commit("pr").hexsha
    repo.git.checkout("main")
    return base, head


def test_huge_caption_keeps_requirements_checklist_and_every_post(sample_git_repo: Path) -> None:
    caption = "Kegiatan posyandu " * 3_500  # 63,000 characters on one line
    titles = [f"Berita Nomor {n} di Kota Bengkulu" for n in (1, 2, 3)]
    base, head = commit_branch(sample_git_repo, {
        f"{FOLDER}/2026-11-21-berita-1.md": post(titles[0], 21),
        f"{FOLDER}/2026-11-22-berita-2.md": post(titles[1], 22, f"captions:\n  instagram: '{caption}'\n"),
        f"{FOLDER}/2026-11-23-berita-3.md": post(titles[2], 23),
    })
    report = build_review(sample_git_repo, base, head)
    verdict = evaluate(GateInput(repo=str(sample_git_repo), base_sha=base, head_sha=head, author="ani-lestari",
                                 reviews=()), now_wib())
    report = replace(report, approved=verdict.approved,
                     requirements=tuple(r.as_dict() for r in verdict.requirements))
    text = render_markdown(report)
    assert len(text) <= 59_000  # the gate adds its marker and cuts at 60,000
    comment = comment_body(verdict, head, text)  # what the gate posts (it cuts at 60,000)
    for part in ("## Persetujuan", "@kepala-contoh", "## Daftar periksa Kepala PD", "Review changes → Approve",
                 *(f"### ❌ {t}" if n == 1 else f"### ✅ {t}" for n, t in enumerate(titles))):
        assert part in comment, (part, [line for line in comment.splitlines() if line.startswith("###")])
    assert "… (dipotong: " in comment and "karakter; lihat pratinjau)" in comment
    assert comment.count("<details>") == comment.count("</details>")
    assert text.index("Daftar periksa") < text.index(titles[0])


def test_every_changed_file_is_counted_and_listed(sample_git_repo: Path) -> None:
    make_jpeg(sample_git_repo / f"{FOLDER}/media/baru.jpg")
    base, head = commit_branch(sample_git_repo, {
        f"{FOLDER}/media/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        f"{FOLDER}/halaman.html": "<script>alert(1)</script>",
        "content/dinas-contoh/_rencana/2026-12.yml": "- judul: Rapat\n",
        "README.md": "ubah\n",
    })
    result = subprocess.run([sys.executable, "-m", "warta.cli", "report", "--base", base, "--head", head,
                             "--format", "json"], cwd=sample_git_repo, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    kinds = {f["path"]: (f["kind"], f["status"], bool(f["problem"])) for f in data["changed_files"]}
    assert kinds == {
        f"{FOLDER}/media/baru.jpg": ("attachment", "baru", False),
        f"{FOLDER}/media/logo.svg": ("not_allowed", "baru", True),
        f"{FOLDER}/halaman.html": ("not_allowed", "baru", True),
        "content/dinas-contoh/_rencana/2026-12.yml": ("data", "baru", False),
        "README.md": ("other", "baru", False),
    }
    assert data["counts"] == {"files": 5, "posts": 0, "attachments": 1, "data": 1, "not_allowed": 2, "other": 1}
    assert data["posts"] == [] and data["other_files"] == ["README.md"]  # the old keys are kept
    markdown = subprocess.run([sys.executable, "-m", "warta.cli", "report", "--base", base, "--head", head],
                              cwd=sample_git_repo, capture_output=True, text=True, timeout=120).stdout
    assert "**5 berkas** berubah" in markdown and "❌ 2 berkas tidak diterima" in markdown
    assert f"- ❌ `{FOLDER}/media/logo.svg`" in markdown and "Hapus berkas ini" in markdown


def test_symlink_in_a_pr_is_listed_as_refused_not_a_crash(sample_git_repo: Path) -> None:
    repo = git.Repo(sample_git_repo)
    base = repo.head.commit.hexsha
    link = f"{FOLDER}/media/sandi.jpg"
    (sample_git_repo / link).symlink_to("/etc/passwd")
    repo.git.add(A=True)
    head = repo.index.commit("symlink").hexsha
    result = subprocess.run([sys.executable, "-m", "warta.cli", "report", "--base", base, "--head", head,
                             "--format", "json"], cwd=sample_git_repo, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    [entry] = json.loads(result.stdout)["changed_files"]
    assert entry["path"] == link and entry["kind"] == "not_allowed" and "symlink" in entry["problem"]
