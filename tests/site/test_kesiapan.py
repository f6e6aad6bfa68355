"""The portal's Kesiapan page: always built by `warta build`, same rows as `warta siap`, no tokens."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write
from warta.commands.build import build
from warta.site.kesiapan import kesiapan_page


def test_build_always_writes_the_kesiapan_page_without_token_names(site_repo: Path, tmp_path: Path) -> None:
    text = (site_repo / "roster/badan-contoh.yml").read_text(encoding="utf-8")
    write(site_repo, "roster/badan-contoh.yml",
          text.replace("kepala: {name: Kepala Badan, github: kepala-badan, github_id: 2001}", "kepala: null"))
    out = tmp_path / "site"
    assert not (site_repo / ".warta/metrics").exists()  # no metrics store: the page is there anyway
    assert build(["badan-contoh"], out=out, jobs=1, now="2026-11-29T10:00:00+07:00", root=site_repo,
                 admin=False) == 0
    page = (out / "kesiapan/index.html").read_text(encoding="utf-8")
    assert "Kesiapan Perangkat Daerah" in page and "1 dari 2 perangkat daerah siap" in page
    badan = page[page.index("Badan Contoh"):]
    assert "belum diisi" in badan[:400] and "Kepala belum diisi" in badan
    assert "✓ Kepala Contoh" in page and "2026-11-23" in page  # the newest published post
    assert "--name \"…\" --github LOGIN</code>" in page and "&amp;quot;" not in page  # escaped once
    assert "WARTA_TOKEN" not in page and "token" not in page.lower().replace("tokens", "")
    assert 'href="kesiapan/"' in (out / "index.html").read_text(encoding="utf-8")


def test_rows_are_escaped_and_cannot_break_the_table() -> None:
    page = kesiapan_page([{"agency": "x", "ready": False, "kepala": None, "delegates": [],
                           "team_with_github": [], "channels": ["website"], "last_post": None,
                           "next_step": "a | b <script>alert(1)</script> `c <d>`"}], {"x": "<b>Dinas</b>"})
    assert "<script>" not in page.body and "<b>" not in page.body
    assert "a \\| b &lt;script&gt;alert(1)&lt;/script&gt; `c <d>`" in page.body
    assert "&lt;b&gt;Dinas&lt;/b&gt;" in page.body
