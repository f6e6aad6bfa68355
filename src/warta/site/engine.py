"""The one place that talks to MkDocs: write a generated project, then build it."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from warta.site.config import dump_config
from warta.site.pages import GeneratedPage


def write_project(project_dir: Path, config: dict[str, Any], pages: Iterable[GeneratedPage],
                  files: Mapping[str, bytes], template_dir: Path) -> None:
    """mkdocs.yml, docs/ and the theme overrides of one generated project."""
    docs = project_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (project_dir / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    shutil.copytree(template_dir / "overrides", project_dir / "overrides", dirs_exist_ok=True)
    shutil.copy2(template_dir / "assets" / "warta.css", docs / "warta.css")
    made: set[Path] = set()
    for page in pages:
        target = docs / page.path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_text(page.text(), encoding="utf-8")
    for name, data in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(data)


def _page_parts_plugin(pages: Iterable[GeneratedPage]) -> Any:
    """Warta's own in-process plugin (never named in any mkdocs.yml): puts each page's
    pre-rendered HTML around its Markdown and its extra metadata on the page."""
    from mkdocs.plugins import BasePlugin

    by_path = {page.path: page for page in pages}

    class PageParts(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_page_content(self, html: str, page: Any, **_: Any) -> str:
            generated = by_path.get(page.file.src_uri)
            if generated is None:
                return html
            page.meta.update(generated.meta)
            return generated.before + html + generated.after

    return PageParts()


def run_mkdocs(project_dir: Path, site_dir: Path, pages: Iterable[GeneratedPage] = ()) -> None:
    """Build the project with MkDocs into site_dir (which MkDocs empties first)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("mkdocs", "material"):
        logging.getLogger(name).setLevel(logging.ERROR)
    config = load_config(config_file=str(project_dir / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins["warta-page-parts"] = _page_parts_plugin(pages)
    build(config)
