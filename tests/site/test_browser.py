"""The shipped site in a real browser: portal, agency, post, search, phone, axe-core.

Needs Chromium and axe-core (see tests/site/browser.py for the setup commands).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.site.browser import CHROMIUM, CHROMIUM_ARGS, axe_script, require_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session", autouse=True)
def _browser_available() -> None:
    require_browser()  # before any fixture builds the site


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(str(e)))
    yield tab
    context.close()


def post_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("*/berita/*/*/index.html"))


def body_text(html: str) -> str:
    start = html.find("data-pagefind-body")
    article = html[start:html.find("</article>", start)]
    article = article.split('class="warta-share"')[0]  # then the record and other posts' cards
    return re.sub(r"<[^>]+>", " ", article)


def unique_word(site: Path) -> tuple[Path, str]:
    """A post, and a word that occurs in its body and in no other post."""
    words_by_post = {path: set(re.findall(r"[a-zA-Z]{7,}", body_text(
        path.read_text(encoding="utf-8"))[2000:] or "")) for path in post_pages(site)}
    seen = Counter(w.lower() for words in words_by_post.values() for w in words)
    for path, words in words_by_post.items():
        for word in sorted(words):
            if seen[word.lower()] == 1:
                return path, word
    path = next(iter(words_by_post))
    return path, sorted(words_by_post[path])[0]


def check_page(page: Any, url: str) -> None:
    """Loads without console errors; axe finds nothing serious or critical."""
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_load_state("networkidle")
    # Not add_script_tag: that inlines the script, which the page's CSP rightly refuses.
    page.evaluate(axe_script().read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][0]['target']}"
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{url}: " + "; ".join(bad)
    assert not page.problems, f"{url}: console errors: {page.problems}"


def first_agency(site: Path) -> str:
    for record in sorted(site.glob("*/_warta/shard.json")):
        if json.loads(record.read_text(encoding="utf-8"))["posts"]:
            return record.parents[1].name
    return sorted(site.glob("*/_warta/shard.json"))[0].parents[1].name


def test_portal(page: Any, shipped_url: str) -> None:
    check_page(page, shipped_url)
    assert page.locator("h1").first.is_visible()
    assert page.locator("text=Perangkat daerah").count() >= 1


def test_agency_home(page: Any, shipped_url: str, shipped_site: Path) -> None:
    slug = first_agency(shipped_site)
    check_page(page, f"{shipped_url}{slug}/")
    assert page.locator("h2", has_text="Berita terbaru").count() == 1


def test_post(page: Any, shipped_url: str, shipped_site: Path) -> None:
    post = post_pages(shipped_site)[0]
    check_page(page, shipped_url + post.parent.relative_to(shipped_site).as_posix() + "/")
    assert page.locator("meta[property='og:title']").count() == 1
    assert page.locator("article h1").count() >= 1


def test_search_finds_a_post_by_a_word_in_its_body(page: Any, shipped_url: str,
                                                   shipped_site: Path) -> None:
    post, word = unique_word(shipped_site)
    title = re.search(r"<h1>(.*?)</h1>", post.read_text(encoding="utf-8"))
    assert title
    check_page(page, f"{shipped_url}cari/?q={word}")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=20_000)
    link = post.parent.relative_to(shipped_site).as_posix()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(link in (h or "") for h in hrefs), (word, hrefs)
    assert not page.problems


@pytest.mark.parametrize("which", ["portal", "agency", "post", "search"])
def test_phone_viewport_has_no_horizontal_scroll(browser: Any, shipped_url: str,
                                                 shipped_site: Path, which: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    tab = context.new_page()
    post = post_pages(shipped_site)[0].parent.relative_to(shipped_site).as_posix() + "/"
    path = {"portal": "", "agency": f"{first_agency(shipped_site)}/", "post": post,
            "search": "cari/"}[which]
    tab.goto(shipped_url + path)
    tab.wait_for_load_state("networkidle")
    width = tab.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    context.close()
    assert width[0] <= width[1], f"{path}: page is {width[0]}px wide on a {width[1]}px screen"


def test_public_pages_load_no_editor_code(browser: Any, shipped_url: str, shipped_site: Path) -> None:
    """The editor (its bundle, photo shrinker, config) lives on its own origin: a public page on a
    phone requests none of it, and the built site holds none of it."""
    editor_files = ("sveltia-cms.js", "shrink.js", "warta-data.js", "config.yml", "decap-cms.js")
    assert not [p for p in shipped_site.rglob("*") if p.name in editor_files]
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    post = post_pages(shipped_site)[0].parent.relative_to(shipped_site).as_posix()
    for path in ("", f"{post}/"):
        tab.goto(shipped_url + path)
        tab.wait_for_load_state("networkidle")
    context.close()
    assert len(requested) > 2
    assert not [u for u in requested if "/admin/" in u or u.rsplit("/", 1)[-1] in editor_files]


def test_lists_and_team_pages(page: Any, shipped_url: str, shipped_site: Path) -> None:
    slug = first_agency(shipped_site)
    for path in ("berita/", "tag/", "tim/"):
        check_page(page, f"{shipped_url}{slug}/{path}")
    assert page.locator("th", has_text="Jabatan").count() == 1


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample repository with a post whose front matter tries to inject script."""
    import shutil
    import threading

    from tests import conftest as shared
    from tests.site.conftest import NOW, XSS
    from tests.site.test_sanitize import BYPASSES
    from warta.site import build_site
    from warta.site.serve import make_server

    root = tmp_path_factory.mktemp("hostile")
    shared.write(root, "roster/_province.yml", shared.PROVINCE)
    shared.write(root, "roster/dinas-contoh.yml", shared.AGENCY_A)
    shared.write(root, "content/dinas-contoh/2026/2026-11-23-judul-berbahaya.md", XSS)
    body = "\n\n".join(BYPASSES.values())
    shared.write(root, "content/dinas-contoh/2026/2026-11-24-isi-berbahaya.md",
                 f"---\ntitle: Isi berbahaya di badan berita\ndate: 2026-11-24 09:00\n"
                 f"author: Ani Lestari\n---\n{body}\n")
    shutil.copy(shared.PROJECT_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(shared.PROJECT_ROOT / "site_templates", root / "site_templates")
    assert build_site(root, root / "site", now=NOW, jobs=1).ok
    # A page as if the sanitizer had missed something: the CSP must still stop it.
    post = root / "site/dinas-contoh/berita/2026/2026-11-24-isi-berbahaya/index.html"
    html = post.read_text(encoding="utf-8")
    (post.parent / "lolos.html").write_text(html.replace(
        "</article>", '<script>alert("inline")</script><img src="x" onerror="alert(\'handler\')">'
        '<a id="lolos" href="javascript:alert(\'url\')">lolos</a></article>'), encoding="utf-8")
    server = make_server(root / "site", "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_injected_front_matter_never_runs(page: Any, hostile_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("", "dinas-contoh/", "dinas-contoh/berita/2026/2026-11-23-judul-berbahaya/",
                 "dinas-contoh/tag/", "cari/?q=jembatan"):
        page.goto(hostile_url + path)
        page.wait_for_load_state("networkidle")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=20_000)
    assert "<script>alert(1)</script>" in page.locator(".pagefind-ui__result-link").first.inner_text()
    assert dialogs == []


def test_hostile_body_never_runs(page: Any, hostile_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_url + "dinas-contoh/berita/2026/2026-11-24-isi-berbahaya/")
    page.wait_for_load_state("networkidle")
    assert page.locator("article").count() == 1
    links = page.evaluate("""() => [...document.querySelectorAll('[href],[src],[action],[formaction]')]
        .map(e => e.href || e.src || e.action || '').filter(u => /^\\s*(javascript|vbscript|data):/i.test(u))""")
    handlers = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on') || n === 'style')""")
    scripts = page.evaluate("() => document.querySelectorAll('article script, article iframe, article svg').length")
    assert (links, handlers, scripts, dialogs) == ([], [], 0, [])
    assert [p for p in page.problems if "Content Security Policy" in p] == []  # nothing even tried


def test_csp_stops_script_that_slips_into_a_page(page: Any, hostile_url: str) -> None:
    dialogs: list[str] = []
    violations: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(hostile_url + "dinas-contoh/berita/2026/2026-11-24-isi-berbahaya/lolos.html")
    page.wait_for_load_state("networkidle")
    page.click("#lolos")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert len(violations) >= 3, violations  # the inline script, the handler and the javascript: URL


# -- weight, largest paint on a slow phone, screenshots -------------------------------------
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 * 0.9 / 8,
           "uploadThroughput": 750 * 1024 * 0.9 / 8}  # Lighthouse's mobile "slow 4G", in bytes/s
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
WEIGHT_BUDGET = 250 * 1024  # bytes transferred before photos
LCP_BUDGET_MS = 2500


def a_post_with_a_photo(site: Path) -> str:
    path = next(p for p in post_pages(site) if 'class="warta-figure"' in p.read_text(encoding="utf-8"))
    return path.parent.relative_to(site).as_posix() + "/"


def test_post_page_weight_and_largest_paint_on_a_slow_phone(browser: Any, shipped_url: str,
                                                            shipped_site: Path) -> None:
    """A post with a photo, cold cache, slow 4G and a 4× slower CPU: at most 250 KB before
    photos, and the largest paint (the photo) within 2.5 s."""
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    kinds: dict[str, str] = {}
    sizes: dict[str, float] = {}
    cdp.on("Network.responseReceived", lambda e: kinds.__setitem__(e["requestId"], e["type"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    tab.goto(shipped_url + a_post_with_a_photo(shipped_site), wait_until="load")
    tab.wait_for_load_state("networkidle")
    lcp = tab.evaluate("""() => new Promise(resolve => new PerformanceObserver(list => {
        const entries = list.getEntries(); resolve(entries[entries.length - 1].startTime);
    }).observe({type: 'largest-contentful-paint', buffered: true}))""")
    context.close()
    weight = sum(size for rid, size in sizes.items() if kinds.get(rid) not in ("Image", "Media"))
    assert any(kinds.get(rid) == "Image" for rid in sizes)  # the photo was loaded, and not counted
    assert weight <= WEIGHT_BUDGET, f"{weight / 1024:.0f} KB before photos"
    assert lcp <= LCP_BUDGET_MS, f"largest paint at {lcp:.0f} ms"


@pytest.mark.skipif(os.environ.get("WARTA_SCREENSHOTS") != "1", reason="WARTA_SCREENSHOTS=1 saves them")
def test_screenshots(browser: Any, shipped_url: str, shipped_site: Path) -> None:
    """docs/screenshots/: the portal, an agency home and a post, on a phone and a desktop."""
    from tests.conftest import PROJECT_ROOT

    target = PROJECT_ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    pages = {"portal": "", "agency": "dinas-kesehatan/", "post": a_post_with_a_photo(shipped_site)}
    sizes = {"phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True},
             "desktop": {"viewport": {"width": 1280, "height": 900}}}
    tallest = {"phone": 2600, "desktop": 2000}  # the top of each page, not all of it
    for device, options in sizes.items():
        context = browser.new_context(**options)
        tab = context.new_page()
        for name, path in pages.items():
            tab.goto(shipped_url + path)
            tab.wait_for_load_state("networkidle")
            height = min(tallest[device], tab.evaluate("() => document.documentElement.scrollHeight"))
            width = options["viewport"]["width"]  # type: ignore[index]
            tab.screenshot(path=str(target / f"{name}-{device}.png"), full_page=True,
                           clip={"x": 0, "y": 0, "width": width, "height": height})
            assert (target / f"{name}-{device}.png").stat().st_size > 10_000
        context.close()
