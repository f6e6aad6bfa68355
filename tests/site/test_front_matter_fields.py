"""Front-matter strings reach pages, the feed and the portal only as text (issue #17, finding 1)."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.site.conftest import NOW
from warta.site import build_site
from warta.site.engine import CSP
from warta.site.project import video_href


@pytest.mark.parametrize(("video", "href"), [
    ("https://www.youtube.com/watch?v=abc", "https://www.youtube.com/watch?v=abc"),
    ("media/video.mp4", "../media/video.mp4"),
    ("javascript:alert(1)", ""),
    ("JaVaScRiPt:alert(1)//x.mp4", ""),
    ("data:text/html;base64,PHNjcmlwdD4=", ""),
    ("//evil.example/x.mp4", ""),
    ("../../lain/video.mp4", ""),
    ("media/halaman.html", ""),
])
def test_video_links_are_http_or_a_video_file_beside_the_post(video: str, href: str) -> None:
    assert video_href(video) == href


def test_feed_is_text_and_every_page_carries_the_csp(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build_site(site_repo, out, now=NOW, jobs=1, agencies=["dinas-contoh"]).ok
    pages = sorted(out.rglob("*.html"))
    assert {"index.html", "cari/index.html", "404.html", "dinas-contoh/index.html",
            "dinas-contoh/tag/index.html"} <= {p.relative_to(out).as_posix() for p in pages}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert re.search(r"<head[^>]*><meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">",
                         html)[1] == CSP, page
        inline = [a for a, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
                  if "src=" not in a and "application/json" not in a
                  and 'type="application/ld+json"' not in a]  # JSON-LD is data: the CSP does not run it
        assert inline == [], page  # Material's inline scripts are files now: the CSP would block them
    assert "script-src 'self' 'wasm-unsafe-eval';" in CSP and "'unsafe-inline'" not in CSP.split("style-src")[0]
    feed = ET.parse(out / "dinas-contoh/feed.xml")
    items = {i.findtext("title"): i for i in feed.iter("item")}
    hostile = items['<script>alert(1)</script> Judul Berbahaya']
    # The reader unescapes XML once and renders HTML: it must still see &lt;b&gt;, not <b>.
    assert hostile.findtext("description") == 'Ringkasan "berkutip" &lt;b&gt;tebal&lt;/b&gt; &amp; lainnya'
