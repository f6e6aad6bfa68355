"""`warta check` tells the author about raw HTML and script in the body, and about files beside
posts that the site will not publish (issue #17, findings 1 and 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.test_quality import quality
from tests.conftest import POST_A, write
from tests.site.test_sanitize import BYPASSES

EXPECTED = {  # sample -> the error the author sees
    "backticks": "body-script", "entities": "body-script-url", "next-line": "body-script-url",
    "attr-quotes": "body-script", "raw-script": "body-script", "svg": "body-script-url",
    "ref-link": "body-script-url", "data-url": "body-script-url", "style": "body-script",
}


def with_body(body: str) -> str:
    return POST_A.replace("Posyandu serentak dilaksanakan di seluruh kelurahan.", body)


@pytest.mark.parametrize("name", BYPASSES)
def test_script_in_the_body_is_an_error(sample_repo: Path, name: str) -> None:
    assert (EXPECTED[name], "error") in quality(sample_repo, with_body(BYPASSES[name]))


def test_harmless_raw_html_is_a_warning_and_markdown_is_clean(sample_repo: Path) -> None:
    assert ("body-raw-html", "warning") in quality(sample_repo, with_body("Teks <b>tebal</b> di sini."))
    clean = with_body("Teks **tebal**, [tautan](https://bengkuluprov.go.id/), <https://bengkuluprov.go.id/>, "
                      "`<b>kode</b>` &amp; lainnya.\n{: .penting }\n\n```html\n<script>contoh</script>\n```\n")
    assert [c for c, _ in quality(sample_repo, clean) if c.startswith("body-")] == []


def test_files_the_site_will_not_publish_fail_the_check(sample_repo: Path) -> None:
    folder = "content/dinas-contoh/2026/"
    write(sample_repo, folder + "peta.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    write(sample_repo, folder + "halaman.html", "<script>alert(2)</script>")
    write(sample_repo, folder + "media/skrip.js", "alert(3)")
    write(sample_repo, folder + "laporan.pdf", "%PDF-1.4")
    write(sample_repo, "content/dinas-contoh/_rencana/2026-11.yml", "[]\n")
    result = subprocess.run([sys.executable, "-m", "warta.cli", "check", "--format", "json"], cwd=sample_repo,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    found = {f["file"]: f for f in json.loads(result.stdout) if f["code"] == "content-file-type"}
    assert sorted(found) == [folder + "halaman.html", folder + "media/skrip.js", folder + "peta.svg"]
    assert all(f["severity"] == "error" for f in found.values())
    assert "peta.svg" in found[folder + "peta.svg"]["message"] and "Hapus" in found[folder + "peta.svg"]["message"]
    assert "SVG → PNG" in found[folder + "peta.svg"]["message"]
