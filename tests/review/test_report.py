"""`warta report` on a real git branch with a new post."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import git

from tests.conftest import POST_A, make_jpeg, write
from warta.channels.captions import render_caption
from warta.content import load_post
from warta.roster import load_roster

NEW = "content/dinas-contoh/2026/2026-11-25-vaksinasi-lansia.md"
NEW_POST = (POST_A.replace("Posyandu Serentak di Kota Bengkulu", "Vaksinasi Lansia di Puskesmas Jembatan Kecil")
            .replace("2026-11-20 09:00", "2026-11-25 08:00")
            .replace("[website, instagram]", "[website, instagram, x]")
            .replace("media/posyandu.jpg", "media/vaksin.jpg")
            .replace("Posyandu serentak dilaksanakan", "Hubungi 0812-3456-7890 untuk vaksinasi lansia"))


def branch_with_new_post(root: Path) -> tuple[str, str]:
    repo = git.Repo(root)
    base = repo.head.commit.hexsha
    repo.git.checkout("-b", "berita-baru")
    write(root, NEW, NEW_POST)
    make_jpeg(root / "content/dinas-contoh/2026/media/vaksin.jpg")
    repo.git.add(A=True)
    repo.index.commit("Tambah berita vaksinasi lansia")
    head = repo.head.commit.hexsha
    # the working tree goes back to main: the report must read head from git, not from disk
    repo.git.checkout("main")
    return base, head


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warta.cli", "report", *args], cwd=root,
                          capture_output=True, text=True, timeout=120)


def test_report_names_post_captions_and_approvers(sample_git_repo: Path) -> None:
    base, head = branch_with_new_post(sample_git_repo)
    result = run(sample_git_repo, "--base", base, "--head", head, "--author", "ani-lestari",
                 "--preview-url", "https://example.invalid/pratinjau/")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "Vaksinasi Lansia di Puskesmas Jembatan Kecil" in text
    assert NEW in text
    assert "https://example.invalid/pratinjau/" in text
    assert "❌" in text and "nomor telepon" in text  # the privacy finding
    assert "Instagram" in text and "X ·" in text
    assert "@kepala-contoh" in text  # who must approve
    assert "Daftar periksa Kepala PD" in text


def test_report_json_captions_equal_dispatch_captions(sample_git_repo: Path) -> None:
    base, head = branch_with_new_post(sample_git_repo)
    result = run(sample_git_repo, "--base", base, "--head", head, "--format", "json", "--author", "ani-lestari")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    [post] = data["posts"]
    assert post["path"] == NEW and post["status"] == "baru"
    assert {c["channel"] for c in post["captions"]} == {"instagram", "x"}
    # the exact text dispatch would send, from the one shared renderer
    git.Repo(sample_git_repo).git.checkout(head)
    roster = load_roster(sample_git_repo).roster
    loaded, _ = load_post(sample_git_repo, NEW, roster)
    assert loaded is not None
    expected = {ch: render_caption(loaded, ch, roster.province.site_url).text for ch in ("instagram", "x")}
    assert {c["channel"]: c["text"] for c in post["captions"]} == expected
    assert any(f["code"] == "privacy-phone" for f in post["findings"])
    approval = data["approval"]
    assert approval["approved"] is False
    assert any("kepala-contoh" in r["eligible"] for r in approval["requirements"])


def test_report_lists_deleted_posts_and_other_files(sample_git_repo: Path) -> None:
    repo = git.Repo(sample_git_repo)
    base = repo.head.commit.hexsha
    repo.index.remove(["content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"], working_tree=True)
    write(sample_git_repo, "mkdocs.yml", "site_name: x\n")
    repo.git.add(A=True)
    head = repo.index.commit("hapus").hexsha
    result = run(sample_git_repo, "--base", base, "--head", head, "--format", "json", "--author", "budi-s")
    data = json.loads(result.stdout)
    assert [p["status"] for p in data["posts"]] == ["dihapus"]
    assert data["other_files"] == ["mkdocs.yml"]


def test_report_bad_sha_is_exit_two(sample_git_repo: Path) -> None:
    result = run(sample_git_repo, "--base", "0" * 40, "--head", "HEAD")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_pr_cannot_silence_the_checks_of_its_own_report(sample_git_repo: Path) -> None:
    """Severities and sensitive words come from main's roster, not the PR's copy."""
    repo = git.Repo(sample_git_repo)
    base = repo.head.commit.hexsha
    repo.git.checkout("-b", "diam")
    province = (sample_git_repo / "roster/_province.yml").read_text()
    write(sample_git_repo, "roster/_province.yml", province + "severities:\n  privacy-phone: off\n")
    write(sample_git_repo, NEW, NEW_POST)
    make_jpeg(sample_git_repo / "content/dinas-contoh/2026/media/vaksin.jpg")
    repo.git.add(A=True)
    head = repo.index.commit("matikan pemeriksaan").hexsha
    result = run(sample_git_repo, "--base", base, "--head", head, "--format", "json", "--author", "ani-lestari")
    data = json.loads(result.stdout)
    [post] = data["posts"]
    assert any(f["code"] == "privacy-phone" for f in post["findings"])
    assert "roster/_province.yml" in data["other_files"]


def test_report_shows_changed_plan_files_with_their_checks(sample_git_repo: Path) -> None:
    from tests.content.test_plans import PLAN

    repo = git.Repo(sample_git_repo)
    base = repo.head.commit.hexsha
    write(sample_git_repo, "content/dinas-contoh/_rencana/2026-11.yml", PLAN.replace("status: direncanakan",
                                                                                     "status: selesai"))
    repo.git.add(A=True)
    head = repo.index.commit("rencana November").hexsha
    data = json.loads(run(sample_git_repo, "--base", base, "--head", head, "--format", "json",
                          "--author", "budi-s").stdout)
    assert data["posts"] == [] and data["other_files"] == []  # neither a post nor an admin file
    [plan] = data["plans"]
    assert (plan["path"], plan["public_items"], plan["internal_items"]) == (
        "content/dinas-contoh/_rencana/2026-11.yml", 1, 1)
    assert [(f["line"], f["code"]) for f in plan["findings"]] == [(19, "rencana-status")]
    text = run(sample_git_repo, "--base", base, "--head", head, "--author", "budi-s").stdout
    assert "Rencana liputan yang berubah" in text and "baris 19" in text and "1 butir publik" in text
