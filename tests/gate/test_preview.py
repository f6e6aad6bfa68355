"""PR previews: built from the base branch's templates with only the PR's content/, linked to
the changed post from the PR comment and the `warta/preview` status. Real git, real build."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import git

from tests.conftest import POST_A, PROJECT_ROOT, write
from tests.gate.conftest import PrRepo
from tests.gate.fake_github import REPO, FakeGitHub, Pull, commit_json, file_json, review_json, user
from tests.gate.test_cli import warta
from warta.commands.report import review_comment
from warta.gate.github import connect, gate_pull
from warta.gate.github.preview import post_preview_status
from warta.preview import NOINDEX, build_preview, preview_root

MARKER = "PR-TEMPLATE-MARKER-3f9c"
NEW = "content/dinas-contoh/2026/2026-11-24-pratinjau-baru.md"
PREVIEW_ROOT = "https://bengkuluprov.github.io/warta-pratinjau/pr-7/"


def commit(repo: git.Repo, message: str) -> str:
    repo.git.add(A=True)
    repo.git.commit("-m", message)
    return repo.head.commit.hexsha


def test_preview_uses_base_templates_and_pr_content(sample_repo: Path, tmp_path: Path) -> None:
    root = sample_repo
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT_ROOT / "site_templates", root / "site_templates")
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "Uji")
        cfg.set_value("user", "email", "uji@example.invalid")
    base = commit(repo, "main")
    repo.git.checkout("-b", "pr")
    # The PR tries to change how its post is rendered: a template, the theme override, the
    # site config. None of it may reach the preview; only its post may.
    for rel in ("site_templates/post.md.j2", "site_templates/overrides/main.html"):
        path = root / rel
        path.write_text(f"{MARKER}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + f"\n# {MARKER}\n")
    write(root, NEW, POST_A.replace("Posyandu Serentak", "Pratinjau Baru Jembatan"))
    head = commit(repo, "berita dan templat")

    out = tmp_path / "pratinjau"
    proc = subprocess.run([*warta(), "preview", "build", "--base", base, "--head", head,
                           "--out", str(out), "--repo", str(root), "--site-url", PREVIEW_ROOT],
                          capture_output=True, text=True, timeout=300, cwd=root)
    assert proc.returncode == 0, proc.stderr
    page = out / "dinas-contoh/berita/2026/2026-11-24-pratinjau-baru/index.html"
    assert page.is_file(), sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))[:20]
    html = page.read_text(encoding="utf-8")
    assert "Pratinjau Baru Jembatan" in html and NOINDEX in html
    assert PREVIEW_ROOT + "dinas-contoh/" in html  # links point at the preview, not the public site
    for built in out.rglob("*"):
        if built.is_file():
            assert MARKER not in built.read_text(encoding="utf-8", errors="ignore"), built
    assert (out / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"
    assert not (out / "badan-contoh").exists()  # only the touched agency is built
    # The working tree (the PR's files) is not what is read: git objects are.
    preview = build_preview(root, base, base, tmp_path / "kosong")
    assert preview.agencies == () and (tmp_path / "kosong/robots.txt").exists()


def test_comment_and_status_link_the_changed_post(fake_github: FakeGitHub,
                                                 pr_repo: PrRepo) -> None:
    rel = pr_repo.post_edit()
    head = pr_repo.commit()
    fake_github.add_pull(Pull(
        number=7, author=user("ani-lestari", 1003), base_sha=pr_repo.base, head_sha=head,
        files=[file_json(rel)], commits=[commit_json(head, ("A", "a@example.invalid"),
                                                     "ani-lestari", 1003)],
        reviews=[review_json(1, "kepala-contoh", 1001, "APPROVED", head)]))
    fake_github.contents[(rel, head)] = POST_A
    gh = connect("test-token", fake_github.url, retries=0, throttle=False)
    assert gate_pull(gh, REPO, 7, pr_repo.root, review=review_comment).approved
    post_page = PREVIEW_ROOT + "dinas-contoh/berita/2026/2026-11-22-baru/"
    assert preview_root(REPO, 7) == PREVIEW_ROOT
    body = fake_github.pulls[7].comments[0]["body"]
    assert f"[Lihat pratinjau berita]({post_page})" in body
    assert post_preview_status(gh, REPO, 7, head_sha=head) == post_page
    status = fake_github.statuses[-1]  # type: ignore[attr-defined]
    assert (status["sha"], status["context"], status["target_url"]) == (head, "warta/preview",
                                                                         post_page)
