"""A person who has never used git writes a post in the browser; it lands on a branch, valid.

Real pieces only: decap-server (local git backend, from the npm registry) on a real
temporary repository, Warta's generated /admin/, Debian's Chromium driven by Playwright.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.admin.conftest import require_tool
from tests.conftest import PROJECT_ROOT
from warta.admin import write_admin
from warta.admin.assets import ensure_decap_cms, ensure_decap_server
from warta.admin.config import BackendOptions

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TITLE = "Sosialisasi Air Bersih di Kelurahan Sawah Lebar"
SUMMARY = "Warga Sawah Lebar kini mendapat air bersih dari jaringan baru."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], log: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"decap-server exited: {log.read_text(errors='replace')}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise AssertionError(f"decap-server did not listen on {port}: {log.read_text(errors='replace')}")


@contextlib.contextmanager
def decap_server(entry: Path, repo: Path, port: int, log: Path) -> Iterator[None]:
    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "info"}
    with log.open("wb") as out:
        node = require_tool("node", "decap-server runs on node")
        proc = subprocess.Popen([node, str(entry)], cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_for_port(port, proc, log)
            yield
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".yml": "text/yaml", ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def static_server(root: Path) -> Iterator[int]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("/usr/bin/chromium is required on CI (apt-get install -y chromium).")
        pytest.skip("/usr/bin/chromium not installed (apt-get install -y chromium)")
    return CHROMIUM


def test_new_post_from_the_browser_lands_on_a_branch(sample_git_repo: Path, tmp_path: Path,
                                                      node_cache: Path, chromium: Path) -> None:
    require_tool("node", "decap-server runs on node")
    require_tool("npm", "decap-cms and decap-server come from the npm registry")
    sync_api = pytest.importorskip("playwright.sync_api")
    from PIL import Image

    repo = sample_git_repo
    server_entry = ensure_decap_server(node_cache)
    dist = ensure_decap_cms(node_cache)
    api_port = _free_port()
    site = tmp_path / "site"
    options = BackendOptions(kind="local", local_url=f"http://127.0.0.1:{api_port}/api/v1")
    write_admin(repo, site, backend="local", options=options, cms_dist=dist)
    photo = tmp_path / "air-bersih.jpg"
    Image.new("RGB", (1280, 720), (30, 140, 90)).save(photo, "JPEG", quality=85)

    with decap_server(server_entry, repo, api_port, tmp_path / "decap-server.log"), \
            static_server(site) as web_port, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        context = browser.new_context(timezone_id="Asia/Jakarta", locale="id-ID",
                                      viewport={"width": 1400, "height": 1000})
        context.route("**/*", _loopback_only)
        page = context.new_page()
        page.set_default_timeout(15_000)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            _write_post(page, f"http://127.0.0.1:{web_port}/admin/", photo)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()

    import git

    branches = [b.name for b in git.Repo(repo).branches if b.name.startswith("cms/dinas-contoh/")]
    assert len(branches) == 1, (branches, errors)
    worktree = tmp_path / "branch"
    git.Repo(repo).git.worktree("add", str(worktree), branches[0])
    posts = list((worktree / "content/dinas-contoh").glob("*/*-sosialisasi-air-bersih-di-kelurahan-sawah-lebar.md"))
    assert len(posts) == 1, list((worktree / "content").rglob("*"))
    post = posts[0]
    year = post.parent.name
    text = post.read_text(encoding="utf-8")
    day = text.split("\ndate: ", 1)[1][:10]  # naive WIB, as `warta new` writes it
    assert post.name.startswith(f"{day}-") and day.startswith(f"{year}-")
    assert f"title: {TITLE}" in text and "alt: Warga mengisi jeriken di keran air bersih" in text
    assert "author: Budi Santoso" in text and "file: media/air-bersih.jpg" in text
    assert "- instagram" in text and "- x" in text and "- air bersih" in text
    assert (post.parent / "media" / "air-bersih.jpg").is_file()
    assert errors == []
    on_main = git.Repo(repo).git.ls_tree("-r", "--name-only", "main").splitlines()
    assert not any("sosialisasi" in path for path in on_main)  # the Kepala PD's merge puts it there
    check = subprocess.run([sys.executable, "-m", "warta.cli", "check", str(post.relative_to(worktree))],
                           cwd=worktree, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr


def _loopback_only(route) -> None:  # type: ignore[no-untyped-def]
    """The browser, like the tests, never leaves the machine (e.g. Decap's status checks)."""
    host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
    if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
        route.continue_()
    else:
        route.abort()


def _write_post(page, url: str, photo: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Dinas Contoh").click()  # the agency, as staff pick it
    page.get_by_text("Berita Dinco", exact=False).first.click()  # "＋ Berita Dinco": a new post
    page.wait_for_url("**/#/collections/dinas-contoh/new")
    page.get_by_label("Judul", exact=True).fill(TITLE)
    page.locator("[id^=author]").first.click()
    page.get_by_text("Budi Santoso", exact=True).click()
    page.get_by_label("Ringkasan").fill(SUMMARY)
    page.locator("[id^=channels]").first.click()
    page.get_by_text("Instagram", exact=True).click()
    page.locator("[id^=channels]").first.click()
    page.get_by_text("X (Twitter)", exact=True).click()
    page.locator("input[id^=tags]").first.fill("air bersih, sawah lebar")
    page.get_by_role("button", name="Tambah foto").click()
    page.get_by_role("button", name="Pilih foto").click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_text("air-bersih.jpg").first.wait_for()
    page.get_by_role("button", name="Pakai yang dipilih").click()
    page.get_by_label("Teks alternatif").fill("Warga mengisi jeriken di keran air bersih")
    body = page.locator("[data-slate-editor=true]").first
    body.click()
    body.type("Pemerintah Provinsi Bengkulu meresmikan jaringan air bersih di Kelurahan Sawah Lebar.")
    _assert_preview(page)
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Berita tersimpan").wait_for(timeout=20_000)


def test_the_province_roster_config_loads_in_decap(tmp_path: Path, node_cache: Path,
                                                   chromium: Path) -> None:
    """The production config (GitHub backend, all 41 agencies) passes Decap's own validation."""
    require_tool("npm", "decap-cms comes from the npm registry")
    sync_api = pytest.importorskip("playwright.sync_api")
    site = tmp_path / "site"
    write_admin(PROJECT_ROOT, site, options=BackendOptions(auth_url="https://auth.example.go.id"),
                cms_dist=ensure_decap_cms(node_cache))
    with static_server(site) as web_port, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            context.route("**/*", _loopback_only)
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{web_port}/admin/")
            page.get_by_role("button", name="Masuk dengan GitHub").wait_for(timeout=15_000)
            assert page.get_by_text("Kesalahan konfigurasi").count() == 0
        finally:
            browser.close()


def _assert_preview(page) -> None:  # type: ignore[no-untyped-def]
    """The preview shows the post and the caption each chosen network receives, with its count."""
    preview = page.frame_locator("iframe").first
    preview.get_by_role("heading", name=TITLE).wait_for()
    preview.get_by_text("Warga mengisi jeriken di keran air bersih").first.wait_for()
    instagram = preview.locator("section[data-channel=instagram]")
    x = preview.locator("section[data-channel=x]")
    for card, limit in ((instagram, "/ 2200"), (x, "/ 280")):
        card.wait_for()
        assert limit in card.locator(".count").inner_text()
        text = card.locator("pre").inner_text()
        assert text.startswith(TITLE) and "#AirBersih #SawahLebar" in text
        assert "/dinas-contoh/berita/" in text
