"""The editor preview's caption port (static/captions.js) against render_caption, in node."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from tests.admin.conftest import require_tool
from tests.conftest import POST_A, write
from warta.admin.page import STATIC, preview_data
from warta.channels.captions import render_caption
from warta.content.load import load_post
from warta.content.models import Post
from warta.roster import load_roster
from warta.roster.models import SOCIAL_CHANNELS
from warta.timeutil import WIB

SITE = "https://warta.example.go.id/"
RUNNER = """
const C = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = cases.map(c => C.renderCaption(c.post, c.channel, c.site, c.limits));
process.stdout.write(JSON.stringify(out));
"""


def _posts(sample_repo: Path) -> list[Post]:
    roster = load_roster(sample_repo).roster
    rel = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
    write(sample_repo, rel, POST_A)
    base, _ = load_post(sample_repo, rel, roster)
    assert base is not None
    long_words = " ".join(["Pelayanan kesehatan gratis untuk warga lanjut usia"] * 12)
    return [
        base,
        replace(base, title="Gubernur 🎉 resmikan jembatan 👍🏽 di Kaur — 橋", tags=("Sekolah Rakyat", "covid-19",
                "ÄÖ wisata", "#ok", "😀"), date=datetime(2026, 1, 1, 0, 30, tzinfo=WIB),
                path="content/dinas-contoh/2026/2026-01-01-jembatan.md"),
        replace(base, title=long_words[:200], summary=long_words, tags=("kesehatan", "lansia")),
        replace(base, title=("Judul " + "sangat panjang " * 30).strip(), summary=long_words * 5,
                captions={"instagram": "Teks khusus Instagram www.bengkuluprov.go.id 🙂"}),
        replace(base, title="<Video> " + "x" * 120, summary=("Deskripsi <b>tebal</b> " * 3).strip(),
                captions={"tiktok": "", "youtube": ""}, video="https://youtu.be/abc"),
        replace(base, title="Spasi", summary="", tags=()),  # the editor sends "  Spasi  "
    ]


def _js_post(post: Post) -> dict[str, object]:
    title = "  Spasi  " if post.title == "Spasi" else post.title  # Warta strips on load; so must JS
    return {"agency": post.agency, "slug": post.slug, "title": title,
            "date": post.date.astimezone(WIB).strftime("%Y-%m-%d %H:%M"), "summary": post.summary,
            "tags": list(post.tags), "captions": post.captions, "video": post.video}


def test_js_captions_match_render_caption(sample_repo: Path) -> None:
    node = require_tool("node", "the editor preview's captions are checked in node")
    limits = preview_data(load_roster(sample_repo).roster)["limits"]
    posts = _posts(sample_repo)
    cases = [{"post": _js_post(p), "channel": ch, "site": SITE, "limits": limits}
             for p in posts for ch in SOCIAL_CHANNELS]
    result = subprocess.run([node, "-e", RUNNER, str(STATIC / "captions.js")], input=json.dumps(cases),
                            capture_output=True, text=True, check=True, timeout=30)
    got = json.loads(result.stdout)
    assert len(got) == len(cases)
    for case, post, js in zip(cases, [p for p in posts for _ in SOCIAL_CHANNELS], got, strict=True):
        py = render_caption(post, str(case["channel"]), SITE)
        expected = {"text": py.text, "title": py.title, "link": py.link, "overridden": py.overridden,
                    "cut": py.cut, "length": py.length, "limit": py.limit}
        assert {k: js[k] for k in expected} == expected, (case["channel"], post.title)


def test_js_formats_dates_in_indonesian() -> None:
    node = require_tool("node", "the editor preview runs in node for this test")
    script = (f"const C = require({json.dumps(str(STATIC / 'captions.js'))});"
              "console.log(JSON.stringify([C.formatDateId('2026-11-20 09:00'),"
              " C.formatDateId('2026-12-31T20:00:00Z'), C.slugify('Rapat Koordinasi: Dinas Kesehatan & RSUD!'),"
              " C.slugFromPath('2026/2026-11-20-posyandu-serentak')]))")
    out = json.loads(subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout)
    assert out == ["Jumat, 20 November 2026, 09.00 WIB", "Jumat, 1 Januari 2027, 03.00 WIB",
                   "rapat-koordinasi-dinas-kesehatan-rsud", "posyandu-serentak"]


def test_js_slugs_equal_python_slugs() -> None:
    """The editor names files as `warta new` does: the two slug functions cannot drift."""
    from warta.content.scaffold import slugify

    node = require_tool("node", "the editor preview runs in node for this test")
    titles = ["Rapat—Koordinasi: Stunting 2027!", "Café Kopi Bengkulu", "kata " * 30, "日本",
              "Hari Guru Nasional 2026, Apresiasi untuk Para Pendidik", "  BPBD & RSUD: siaga!  "]
    script = (f"const C = require({json.dumps(str(STATIC / 'captions.js'))});"
              f"console.log(JSON.stringify({json.dumps(titles)}.map((t) => C.slugify(t))))")
    out = json.loads(subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout)
    assert out == [slugify(t) for t in titles]
