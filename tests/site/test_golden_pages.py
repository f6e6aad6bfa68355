"""Golden files for the rendered site: one post page, an agency's home, the portal's home and an
agency's RSS feed, from the sample repository at a fixed `--now`. Regenerate: tests/golden.py."""

from __future__ import annotations

import re
from pathlib import Path

from tests.golden import assert_golden
from tests.site.conftest import NOW
from warta.commands.build import evaluation_pages
from warta.site import build_site

GOLDEN = Path(__file__).parent / "golden"
PAGES = {
    "post.html": "dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html",
    "agency-home.html": "dinas-contoh/index.html",
    "portal-home.html": "index.html",
    "feed.xml": "dinas-contoh/feed.xml",
}
# What changes with the machine or the engine's release, not with Warta's output.
VOLATILE = (
    (re.compile(r'(<meta name="generator" content=")[^"]*"'), r'\1…"'),  # MkDocs / Material versions
    (re.compile(r"\.[0-9a-f]{8,}(\.min\.(?:css|js))"), r".…\1"),  # Material's hashed asset names
    (re.compile(r"(_media/)[0-9a-f]{12,}"), r"\1…"),  # content hashes of the encoded photos (Pillow's release)
    (re.compile(r'(<path d=")[^"]*"'), r'\1…"'),  # the theme's icon shapes (and no digit runs that look like NIKs)
    (re.compile(r"(<lastBuildDate>)[^<]*(</lastBuildDate>)"), r"\1…\2"),
)


def normalise(text: str, *roots: Path) -> str:
    for root in roots:
        text = text.replace(str(root), "<root>").replace(root.as_uri(), "<root>")
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def test_rendered_pages_match_golden(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    # as `warta build` does: the evaluation pages come from the command layer (no store, no ledger here)
    pages = evaluation_pages(site_repo, tmp_path / "metrics", tmp_path / "ledger", NOW)
    report = build_site(site_repo, out, now=NOW, jobs=1, cache_dir=tmp_path / "cache", pages=pages)
    assert report.ok, report.errors
    for name, rel in PAGES.items():
        assert_golden(normalise((out / rel).read_text(encoding="utf-8"), site_repo, tmp_path), GOLDEN / name)
