"""The author's Markdown body cannot carry script into the published page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write
from tests.site.conftest import NOW
from warta.site import build_site
from warta.site.sanitize import neutralise_html


@pytest.mark.parametrize(("body", "gone"), [
    ("Halo <script>alert(1)</script>", "<script"),
    ('<img src=x onerror="alert(1)">', "<img src=x"),
    ("[klik](javascript:alert(1))", "javascript:"),
    ("[klik](  JavaScript:alert(document.cookie) )", "javascript:"),
    ("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html"),
    ("[r]: javascript:alert(2)\n\n[klik][r]", "javascript:"),
    ('Paragraf\n{: onclick="alert(1)" }', "onclick"),
    ('Paragraf\n{: style="position:fixed" }', "style="),
    ("<iframe srcdoc='x'></iframe>", "<iframe"),
])
def test_hostile_markdown_is_neutralised(body: str, gone: str) -> None:
    assert gone.lower() not in neutralise_html(body).lower()


@pytest.mark.parametrize("body", [
    "Teks biasa dengan **tebal** dan [tautan](https://bengkuluprov.go.id/).",
    "Kode `<b>tetap</b>` di dalam backtick.",
    "```html\n<script>contoh kode</script>\n```\n",
    "Lihat <https://bengkuluprov.go.id/> atau <mailto:ppid@bengkuluprov.go.id>.",
    "Paragraf dengan kelas\n{: .penting }",
])
def test_ordinary_markdown_is_untouched(body: str) -> None:
    assert neutralise_html(body) == body


def test_hostile_body_is_shown_as_text_on_the_built_page(site_repo: Path, tmp_path: Path) -> None:
    write(site_repo, "content/dinas-contoh/2026/2026-11-24-isi-berbahaya.md", """\
        ---
        title: Isi Berbahaya di Badan Berita
        date: 2026-11-24 09:00
        author: Ani Lestari
        ---
        Sebelum <script>alert("isi")</script> sesudah [klik](javascript:alert(1)).

        ```
        <b>contoh kode</b>
        ```
        """)
    out = tmp_path / "site"
    assert build_site(site_repo, out, now=NOW, jobs=1).ok
    html = (out / "dinas-contoh/berita/2026/2026-11-24-isi-berbahaya/index.html").read_text(encoding="utf-8")
    assert '<script>alert("isi")' not in html
    assert "&lt;script&gt;alert" in html or "&lt;script>alert" in html
    assert "javascript:alert" not in html
    assert "&lt;b&gt;contoh kode&lt;/b&gt;" in html
