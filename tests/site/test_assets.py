"""One copy of the theme: shared, content-hashed assets at the site root (issue #13)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import write
from warta.site import build_site
from warta.site.assets import shared_name
from warta.timeutil import now_wib


def test_shipped_site_has_one_theme_copy_and_no_maps(shipped_site: Path) -> None:
    files = [p for p in shipped_site.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 25 * 1024 * 1024
    bundles = [p for p in files if re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", p.name)]
    assert [p.relative_to(shipped_site).as_posix() for p in bundles] == [
        f"assets/javascripts/{bundles[0].name}"]
    assert not [p for p in files if p.suffix == ".map" or "lunr" in p.parts]
    assert not [p for p in shipped_site.glob("*/assets")]
    assert not [p for p in files if p.name.startswith(("pagefind-component-ui", "pagefind-modular-ui"))]
    # Every page's theme reference resolves to a file in the shared tree.
    for page in [shipped_site / "index.html", *shipped_site.glob("*/berita/*/*/index.html")][:20]:
        for ref in re.findall(r'(?:src|href)="([^"]*assets/[^"]*)"', page.read_text(encoding="utf-8")):
            assert (page.parent / ref).resolve().is_file(), (page, ref)


def test_hashed_names_change_with_content() -> None:
    assert shared_name("assets/javascripts/bundle.a5f9d56c.min.js", b"x") == \
        "assets/javascripts/bundle.a5f9d56c.min.js"
    one, two = shared_name("warta.css", b"a"), shared_name("warta.css", b"b")
    assert one.startswith("assets/warta/warta.") and one.endswith(".css") and one != two


def test_changed_stylesheet_gets_new_url_and_old_one_is_pruned(site_repo: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert build_site(site_repo, out, now=now_wib(), cache_dir=cache).ok
    before = {p.relative_to(out).as_posix() for p in (out / "assets" / "warta").glob("warta.*.css")}
    css = site_repo / "site_templates" / "assets" / "warta.css"
    write(site_repo, "site_templates/assets/warta.css", css.read_text(encoding="utf-8") + "\n/* v2 */\n")
    assert build_site(site_repo, out, now=now_wib(), cache_dir=cache).ok
    after = {p.relative_to(out).as_posix() for p in (out / "assets" / "warta").glob("warta.*.css")}
    assert len(before) == len(after) == 1 and before != after
    page = (out / "index.html").read_text(encoding="utf-8")
    assert next(iter(after)) in page
