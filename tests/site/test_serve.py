"""warta serve: builds (or not), prints the URL, serves the site on loopback."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.site.conftest import NOW
from warta.site import build_site


def test_serve_prints_the_url_and_serves_the_portal(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build_site(site_repo, out, now=NOW, jobs=1).ok
    process = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", "--no-build",
                                "--port", "0", "--out", str(out)], cwd=site_repo,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        with urllib.request.urlopen(match.group(0), timeout=10) as response:  # noqa: S310
            assert "Dinas Contoh" in response.read().decode("utf-8")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_without_a_built_site_says_what_to_do(site_repo: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "warta.cli", "serve", "--no-build",
                             "--out", str(tmp_path / "none")], cwd=site_repo,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "warta build" in result.stderr and "Traceback" not in result.stderr


def test_serve_gives_the_editor_its_own_origin(site_repo: Path, tmp_path: Path) -> None:
    import urllib.error

    out = tmp_path / "site"
    assert build_site(site_repo, out, now=NOW, jobs=1, agencies=["badan-contoh"]).ok
    editor = tmp_path / "site-admin"  # what `warta build` writes beside `site`
    (editor / "admin").mkdir(parents=True)
    (editor / "index.html").write_text("editor root", encoding="utf-8")
    (editor / "admin/index.html").write_text("Editor Warta", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", "--no-build",
                                "--port", "0", "--out", str(out)], cwd=site_repo,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        site_line, editor_line = process.stdout.readline(), process.stdout.readline()
        site_url = re.search(r"http://127\.0\.0\.1:\d+/", site_line)
        editor_url = re.search(r"http://127\.0\.0\.1:\d+/admin/", editor_line)
        assert site_url and editor_url, (site_line, editor_line)
        assert not editor_url.group(0).startswith(site_url.group(0))  # another port: another origin
        with urllib.request.urlopen(editor_url.group(0), timeout=10) as response:  # noqa: S310
            assert response.read().decode("utf-8") == "Editor Warta"
        try:
            urllib.request.urlopen(site_url.group(0) + "admin/", timeout=10)  # noqa: S310
            raise AssertionError("the public site serves /admin/")
        except urllib.error.HTTPError as exc:
            assert exc.code == 404
    finally:
        process.terminate()
        process.wait(timeout=10)
