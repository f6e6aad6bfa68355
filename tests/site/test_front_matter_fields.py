"""Front-matter strings reach pages, the feed and the portal only as text (issue #17, finding 1)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.site.conftest import NOW
from warta.site import build_site
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


def test_feed_description_is_text_for_readers_that_render_html(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build_site(site_repo, out, now=NOW, jobs=1, agencies=["dinas-contoh"]).ok
    feed = ET.parse(out / "dinas-contoh/feed.xml")
    items = {i.findtext("title"): i for i in feed.iter("item")}
    hostile = items['<script>alert(1)</script> Judul Berbahaya']
    # The reader unescapes XML once and renders HTML: it must still see &lt;b&gt;, not <b>.
    assert hostile.findtext("description") == 'Ringkasan "berkutip" &lt;b&gt;tebal&lt;/b&gt; &amp; lainnya'
