"""The author's Markdown body cannot carry script into the published page: the HTML MkDocs
renders from it passes nh3 with an allowlist (issue #17, finding 1)."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import markdown
import pytest

from tests.conftest import write
from tests.site.conftest import NOW
from warta.site import build_site
from warta.site.sanitize import sanitise_body_html

# Each sample defeated the old pre-Markdown filter (warta.site.sanitize.neutralise_html).
BYPASSES = {
    "backticks": "Lihat \\`<img src=x onerror=alert(1)>\\` di sini.",
    "entities": "[klik](jav&#x61;script:alert(1)) dan [dua](&#106;avascript:alert(2))",
    "next-line": "[klik](\njavascript:alert(1))",
    "attr-quotes": 'Paragraf\n{: title="}" onclick="alert(1)" }',
    "raw-script": 'Halo <script>alert(1)</script> <iframe srcdoc="x"></iframe>',
    "svg": "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg><svg onload=alert(1)>",
    "ref-link": "[klik][r]\n\n[r]: javascript:alert(1)",
    "data-url": "![x](data:text/html;base64,PHNjcmlwdD4=) [y](vbscript:msgbox(1))",
    "style": 'Teks\n{: style="position:fixed;top:0" }',
}
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "footnotes",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.tasklist",
              "pymdownx.tabbed"]
SCRIPTY = re.compile(r"<script|<iframe|<svg|\son[a-z]+\s*=|javascript:|vbscript:|data:text|style=\"position",
                     re.I)


def rendered(body: str) -> str:
    return markdown.markdown(body, extensions=EXTENSIONS)


def scripty(html: str) -> list[str]:
    """What could run or restyle the page, looking through entities as a browser does."""
    return SCRIPTY.findall(htmllib.unescape(html))


@pytest.mark.parametrize("name", BYPASSES)
def test_every_known_bypass_is_removed_from_the_rendered_html(name: str) -> None:
    raw = rendered(BYPASSES[name])
    assert scripty(raw), f"{name}: the sample no longer renders anything hostile; keep it honest"
    assert scripty(sanitise_body_html(raw)) == []


def test_an_author_cannot_shadow_materials_own_elements() -> None:
    clean = sanitise_body_html(rendered('Teks\n{: #__config }\n\nLagi\n{: #__search }\n\n'
                                        '=== "Satu"\n    isi\n\n=== "Dua"\n    isi\n'))
    assert "__config" not in clean and "__search" not in clean
    assert 'id="__tabbed_1_1"' in clean and 'name="__tabbed_1"' in clean and 'type="radio"' in clean


def test_ordinary_markdown_keeps_its_structure() -> None:
    body = """\
## Latar belakang {: #latar }

Teks **tebal**, *miring*, [tautan](https://bengkuluprov.go.id/), [berkas](laporan.pdf),
[surel](mailto:ppid@bengkuluprov.go.id) dan catatan kaki.[^1]

| Kiri | Tengah |
| :--- | :----: |
| a    | b      |

!!! note "Catatan"
    Isi catatan.

```python
print("halo")
```

- [x] selesai

![Foto kegiatan](foto.jpg){: .lebar }

Paragraf penting
{: .penting }

[^1]: Sumber: Diskominfotik.
"""
    clean = sanitise_body_html(rendered(body))
    for kept in ('<h2 id="latar">', '<a href="https://bengkuluprov.go.id/">', 'href="laporan.pdf"',
                 'href="mailto:ppid@bengkuluprov.go.id"', 'style="text-align:center"',
                 'class="admonition note"', 'class="highlight"', '<span class="nb">print</span>',
                 'type="checkbox"', 'class="footnote-ref"', 'id="fn:1"', 'alt="Foto kegiatan"',
                 'class="lebar"', '<p class="penting">'):
        assert kept in clean, kept


def test_hostile_bodies_never_reach_the_built_pages(site_repo: Path, tmp_path: Path) -> None:
    for number, (name, body) in enumerate(BYPASSES.items(), start=1):
        write(site_repo, f"content/dinas-contoh/2026/2026-11-{number:02d}-uji-{name}.md",
              f"---\ntitle: Uji penyaringan isi {name}\ndate: 2026-11-{number:02d} 09:00\n"
              f"author: Ani Lestari\n---\n{body}\n\nPenanda akhir {name}.\n")
    out = tmp_path / "site"
    assert build_site(site_repo, out, now=NOW, jobs=1).ok
    for number, name in enumerate(BYPASSES, start=1):
        page = out / f"dinas-contoh/berita/2026/2026-11-{number:02d}-uji-{name}/index.html"
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        assert f"Penanda akhir {name}." in article
        assert scripty(article) == [], name
