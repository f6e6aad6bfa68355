"""The MkDocs config Warta generates for a shard, compared with a golden file.

Regenerate on purpose (then review the diff): see tests/golden.py.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.golden import assert_golden
from tests.site.conftest import NOW
from warta.site.config import read_base_config
from warta.site.shard import generate

GOLDEN = Path(__file__).parent / "golden" / "dinas-contoh.mkdocs.yml"


def test_generated_config_matches_golden(site_repo: Path, tmp_path: Path) -> None:
    generate(site_repo, "dinas-contoh", NOW, tmp_path / "project", tmp_path / "cache")
    actual = (tmp_path / "project" / "mkdocs.yml").read_text(encoding="utf-8")
    assert_golden(actual, GOLDEN)
    config = yaml.safe_load(actual)
    assert config["plugins"] == [] and config["hooks"] == []
    assert config["theme"]["language"] == "id" and config["theme"]["font"] is False


def test_generated_pages_set_title_in_front_matter(site_repo: Path, tmp_path: Path) -> None:
    generate(site_repo, "dinas-contoh", NOW, tmp_path / "project", tmp_path / "cache")
    pages = list((tmp_path / "project" / "docs").rglob("*.md"))
    assert len(pages) > 5
    for page in pages:
        head = page.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        assert head.startswith("---\n") and yaml.safe_load(head[4:]).get("title"), page


def test_untrusted_config_is_reduced_to_the_allowlist(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nhooks: [evil.py]\ndocs_dir: /etc\n"
        "theme: {name: readthedocs, custom_dir: /tmp, palette: {primary: red}}\n"
        "plugins: [search, tags, {macros: {module_name: evil}}]\n"
        "markdown_extensions:\n  - toc\n  - evil_ext\n"
        "  - pymdownx.superfences:\n      custom_fences:\n        - name: x\n"
        "          format: !!python/name:os.system\n",
        encoding="utf-8")
    base = read_base_config(tmp_path)
    assert base.plugins == ["tags"]
    assert base.markdown_extensions == ["toc", "pymdownx.superfences"]
    assert base.theme == {"palette": {"primary": "red"}}
    assert any("hooks" in note for note in base.ignored)
    assert any("macros" in note for note in base.ignored)
    assert any("evil_ext" in note for note in base.ignored)
