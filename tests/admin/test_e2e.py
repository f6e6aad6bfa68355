"""A writer on a 360 x 800 phone writes a post with a large camera photo; it lands valid and small.

Real pieces only: Warta's generated /admin/ with Sveltia CMS (from the npm registry), served
by `warta serve`'s server (precompressed files), Debian's Chromium driven by Playwright with a
phone viewport and touch. Sveltia has no local test server; its local-folder mode (the File
System Access API) is given a folder in the browser's private file system (OPFS) in place of the
folder picker, and the test reads back what the editor saved there.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.admin.conftest import require_tool
from tests.conftest import PROJECT_ROOT
from warta.admin import write_admin
from warta.admin.assets import CMS_SCRIPT, ensure_cms
from warta.admin.config import BackendOptions
from warta.channels.limits import MB, PHOTO_MAX_BYTES, PHOTO_MAX_LONG_SIDE
from warta.site.serve import make_server

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}
FIRST_LOAD_BUDGET = 1 * MB
TITLE = "Sosialisasi Air Bersih di Kelurahan Sawah Lebar"
SUMMARY = "Warga Sawah Lebar kini mendapat air bersih dari jaringan pipa baru milik PDAM."
ALT = "Warga mengisi jeriken di keran air bersih"
# The folder picker returns a folder in the origin-private file system, with the `.git` that
# Sveltia looks for in a repository root.
PICKER = """
window.showDirectoryPicker = async () => {
  const root = await navigator.storage.getDirectory();
  const repo = await root.getDirectoryHandle("repo", { create: true });
  await repo.getDirectoryHandle(".git", { create: true });
  return repo;
};
"""
READ_BACK = """
async () => {
  const out = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (name === ".git") continue;
      if (handle.kind === "directory") { await walk(handle, prefix + name + "/"); continue; }
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = "";
      for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
      out[prefix + name] = btoa(text);
    }
  }
  const root = await navigator.storage.getDirectory();
  await walk(await root.getDirectoryHandle("repo"), "");
  return out;
}
"""


@pytest.fixture
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("/usr/bin/chromium is required on CI (apt-get install -y chromium).")
        pytest.skip("/usr/bin/chromium not installed (apt-get install -y chromium)")
    return CHROMIUM


@contextmanager
def served(folder: Path) -> Iterator[int]:
    server = make_server(folder, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def camera_photo(path: Path) -> Path:
    """A 4032 x 3024 phone-camera JPEG (photo-like detail, 95 quality) carrying a GPS position."""
    from PIL import Image, ImageFilter

    size = (4032, 3024)
    noise = Image.effect_noise((1008, 756), 60).resize(size).filter(ImageFilter.GaussianBlur(2))
    base = Image.merge("RGB", (Image.linear_gradient("L").resize(size), noise,
                               Image.linear_gradient("L").rotate(90).resize(size)))
    exif = Image.Exif()
    exif[0x010F] = "Samsung"  # Make
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: (3.0, 47.0, 50.4), 3: "E", 4: (102.0, 15.0, 57.6)})  # Bengkulu
    base.save(path, "JPEG", quality=95, exif=exif)
    return path


def test_a_post_with_a_camera_photo_from_a_phone(sample_git_repo: Path, tmp_path: Path, node_cache: Path,
                                                 chromium: Path) -> None:
    require_tool("npm", "Sveltia CMS comes from the npm registry")
    sync_api = pytest.importorskip("playwright.sync_api")
    from PIL import Image

    repo = sample_git_repo
    photo = camera_photo(tmp_path / "IMG_20261201_093012.jpg")
    with Image.open(photo) as original:
        assert original.getexif().get_ifd(0x8825) and max(original.size) > PHOTO_MAX_LONG_SIDE
    assert photo.stat().st_size > PHOTO_MAX_BYTES
    editor = tmp_path / "site-admin"
    write_admin(repo, editor, options=BackendOptions(), cms_package=ensure_cms(node_cache))

    with served(editor) as port, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        context = browser.new_context(**PHONE)
        context.add_init_script(PICKER)
        context.route("**/*", _loopback_only)
        page = context.new_page()
        page.set_default_timeout(15_000)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            transferred, encodings = _first_load(page, context, f"http://127.0.0.1:{port}/admin/")
            _write_post(page, photo)
            saved = page.evaluate(READ_BACK)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()

    assert transferred <= FIRST_LOAD_BUDGET, f"first load transferred {transferred} bytes"
    assert encodings.get(CMS_SCRIPT) == "gzip", encodings
    posts = [p for p in saved if p.startswith("content/dinas-contoh/") and p.endswith(".md")]
    photos = [p for p in saved if "/media/" in p]
    assert len(posts) == 1 and len(photos) == 1, sorted(saved)
    for rel, data in saved.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_bytes(base64.b64decode(data))
    post = repo / posts[0]
    text = post.read_text(encoding="utf-8")
    assert f"title: {TITLE}" in text and f"alt: {ALT}" in text and "author: Budi Santoso" in text
    assert "- website" in text and "- x" in text
    day = text.split("\ndate: ", 1)[1].strip("'\"")[:10]  # naive WIB, as `warta new` writes it
    assert post.name.startswith(f"{day}-"), (post.name, day)

    sent = repo / photos[0]
    assert sent.suffix == ".jpg" and f"file: media/{sent.name}" in text
    assert sent.stat().st_size <= PHOTO_MAX_BYTES, sent.stat().st_size
    with Image.open(sent) as small:
        assert small.format == "JPEG" and max(small.size) == PHOTO_MAX_LONG_SIDE, small.size
        assert small.size == (2560, 1920)  # the 4:3 shape is kept
        assert "exif" not in small.info and not small.getexif(), "EXIF (GPS) left the phone"
    assert errors == [], errors
    # no code from a CDN (Immutable.js comes from /admin/ through the import map); only the
    # icon and text fonts and Sveltia's version check try to leave
    assert not [url for kind, url in BLOCKED if kind == "script" or url.endswith((".js", ".mjs"))], BLOCKED

    import git

    git.Repo(repo).git.add(A=True)
    check = subprocess.run([sys.executable, "-m", "warta.cli", "check", str(post.relative_to(repo))],
                           cwd=repo, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "image-huge" not in check.stdout + check.stderr


BLOCKED: list[tuple[str, str]] = []


def _loopback_only(route) -> None:  # type: ignore[no-untyped-def]
    """The browser, like the tests, never leaves the machine (Sveltia's fonts and version check)."""
    url = route.request.url
    host = url.split("/")[2].split(":")[0] if "://" in url else ""
    if url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
        route.continue_()
    else:
        BLOCKED.append((route.request.resource_type, url))
        route.abort()


def _first_load(page, context, url: str) -> tuple[int, dict[str, str]]:  # type: ignore[no-untyped-def]
    """Bytes on the wire (compressed, headers included) until the sign-in screen is usable."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    total = [0]
    encodings: dict[str, str] = {}
    cdp.on("Network.loadingFinished", lambda event: total.__setitem__(0, total[0] + event["encodedDataLength"]))
    cdp.on("Network.responseReceived", lambda event: encodings.__setitem__(
        event["response"]["url"].rsplit("/", 1)[-1],
        {k.lower(): v for k, v in event["response"]["headers"].items()}.get("content-encoding", "")))
    page.goto(url)
    page.get_by_role("button", name="Work with Local Repository").wait_for()
    page.wait_for_load_state("networkidle")
    cdp.detach()
    return total[0], encodings


TOUCH = """() => {
  const all = [...document.querySelectorAll('button, a[href], input, textarea, select, [role=button],'
    + ' [role=radio], [role=checkbox], [role=switch], [role=option], [role=textbox]')];
  const shown = all.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  const small = shown.filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; });
  // The page itself; an inner toolbar may scroll here only because the icon font (from a CDN) is
  // blocked offline and icon names show as words (see docs/editor.md).
  return {shown: shown.length, sideways: Number(document.documentElement.scrollWidth > 360),
          small: small.map(e => (e.getAttribute('aria-label') || e.tagName) + ' '
            + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height))};
}"""


def _no_sideways_scroll(page) -> None:  # type: ignore[no-untyped-def]
    """Nothing scrolls sideways at 360 px, and every control is a >= 44 x 44 px touch target."""
    found = page.evaluate(TOUCH)
    assert found["shown"] > 5 and found["sideways"] == 0 and found["small"] == [], found


def _open_preview(page) -> None:  # type: ignore[no-untyped-def]
    """Tap *Preview*; a tap while the Markdown editor still has focus is sometimes taken as the
    blur only, so the tap is repeated until the preview frame shows."""
    for _ in range(3):
        page.get_by_role("button", name="Preview").tap()
        try:
            page.locator("iframe").first.wait_for(timeout=3_000)
            return
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError; try the tap again
            continue
    raise AssertionError("the preview did not open")


def _write_post(page, photo: Path) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Work with Local Repository").tap()
    page.get_by_text("Dinas Contoh").first.tap()
    page.get_by_role("link", name="New").or_(page.get_by_role("button", name="New")).first.tap()
    page.get_by_role("textbox", name="Judul").fill(TITLE)
    _no_sideways_scroll(page)
    page.get_by_role("radio", name="Budi Santoso").tap()
    page.get_by_role("textbox", name="Ringkasan").fill(SUMMARY)
    page.get_by_role("checkbox", name="X (Twitter)").tap()
    page.get_by_role("button", name=re.compile(r"Add\W*foto")).tap()
    page.get_by_role("button", name="Browse").first.tap()  # the photo's media library
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=re.compile("Upload")).tap()
    chooser.value.set_files(str(photo))
    page.wait_for_function("!window.WartaShrinking")
    page.get_by_role("button", name="Insert").tap()
    page.get_by_role("textbox", name="Teks alternatif").fill(ALT)
    page.get_by_role("textbox", name="Kredit").hover()
    for _ in range(6):  # the form renders fields as they scroll into view
        page.mouse.wheel(0, 1500)
        page.wait_for_timeout(300)
    body = page.locator("[contenteditable=true]").last  # the Markdown editor of "Isi berita"
    body.tap()
    page.keyboard.type("Pemerintah Provinsi Bengkulu meresmikan jaringan air bersih di Kelurahan Sawah Lebar.")
    _no_sideways_scroll(page)
    _open_preview(page)  # Warta's preview: the post and the caption each network receives
    preview = page.frame_locator("iframe").first
    preview.get_by_role("heading", name=TITLE).wait_for()
    preview.get_by_text(ALT).first.wait_for()
    x = preview.locator("section[data-channel=x]")  # the caption X receives, with its count
    assert "/ 280" in x.locator(".count").inner_text() and x.locator("pre").inner_text().startswith(TITLE)
    page.get_by_role("button", name="Save").tap()
    page.get_by_text("Entry saved").or_(page.get_by_text("saved")).first.wait_for(timeout=20_000)


def test_the_province_roster_config_loads(tmp_path: Path, node_cache: Path, chromium: Path) -> None:
    """The production config (GitHub backend, all 41 agencies) passes Sveltia's own validation."""
    require_tool("npm", "Sveltia CMS comes from the npm registry")
    sync_api = pytest.importorskip("playwright.sync_api")
    editor = tmp_path / "site-admin"
    write_admin(PROJECT_ROOT, editor, options=BackendOptions(auth_url="https://auth.example.go.id"),
                cms_package=ensure_cms(node_cache))
    with served(editor) as port, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(**PHONE)
            context.route("**/*", _loopback_only)
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/admin/")
            page.get_by_role("button", name=re.compile(r"Sign In with\W*GitHub")).wait_for(timeout=15_000)
            assert page.get_by_text("error in the CMS configuration").count() == 0
        finally:
            browser.close()

