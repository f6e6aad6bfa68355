"""The one place that talks to MkDocs: write a generated project, then build it.

The engine is MkDocs 1.6 by default; `WARTA_SITE_ENGINE=properdocs` builds the same projects
with ProperDocs, the maintained fork of MkDocs 1.x (docs/engine.md)."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from warta.errors import WartaError
from warta.site.config import dump_config
from warta.site.pages import GeneratedPage
from warta.site.sanitize import sanitise_body_html

# Copied into every project's docs/: the scripts that replace Material's inline ones and the
# search page's (every public page's CSP allows script files from the site only). They are
# Warta's code, shipped in the package, not part of the customisable site_templates/.
STATIC = Path(__file__).parent / "static"
SCRIPTS = ("warta-md.js", "warta-content.js", "warta-palette.js", "warta-cari.js")

# Every public page's Content-Security-Policy (a <meta>: GitHub Pages sets no headers).
# Scripts only from files on the site itself: no inline script, no `on…=` handlers, no
# `javascript:` URLs, whatever reaches a page. Pagefind needs WebAssembly; styles may be
# inline (Material and Pagefind UI set style attributes). Images and video may be hotlinked.
CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "media-src 'self' https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
_HEAD = re.compile(r"<head[^>]*>", re.I)


def with_csp(html: str) -> str:
    """The page with the CSP <meta> as the first element of <head>, before any script."""
    match = _HEAD.search(html)
    if match is None:
        return html
    return html[:match.end()] + CSP_META + html[match.end():]


def write_project(project_dir: Path, config: dict[str, Any], pages: Iterable[GeneratedPage],
                  files: Mapping[str, bytes], template_dir: Path, cache_dir: Path) -> None:
    """mkdocs.yml, docs/ and the theme overrides of one generated project."""
    docs = project_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (project_dir / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    # The overrides folder is a link to one copy per template version: every shard's theme
    # then resolves to the same folders, and the worker's environment is reused.
    os.symlink(stable_overrides(template_dir, cache_dir), project_dir / "overrides",
               target_is_directory=True)
    shutil.copy2(template_dir / "assets" / "warta.css", docs / "warta.css")
    for script in SCRIPTS:
        shutil.copy2(STATIC / script, docs / script)
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
    pre-rendered HTML around its Markdown and its extra metadata on the page.

    `html` is exactly what MkDocs rendered from the page's Markdown body (an author's post,
    for posts); Warta's own HTML is in `before`/`after`. So the sanitizer runs on `html` only."""
    from mkdocs.plugins import BasePlugin

    by_path = {page.path: page for page in pages}

    class PageParts(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_page_content(self, html: str, page: Any, **_: Any) -> str:
            generated = by_path.get(page.file.src_uri)
            if generated is None:  # not a page Warta wrote: nothing about it is trusted
                return sanitise_body_html(html)
            page.meta.update(generated.meta)
            body = html if generated.body_from_warta else sanitise_body_html(html)
            return generated.before + body + generated.after

        def on_post_page(self, output: str, **_: Any) -> str:
            return with_csp(output)

        def on_post_template(self, output_content: str, template_name: str, **_: Any) -> str:
            return with_csp(output_content) if template_name.endswith(".html") else output_content

    return PageParts()


class _ThemeLoader(jinja2.FileSystemLoader):
    """Material's and the overrides' template folders, listed once per process (MkDocs lists
    them, thousands of icon files included, on every build), without the files no page
    loads: they are never copied into a shard (see warta.site.assets)."""

    _listed: list[str] | None = None

    def list_templates(self) -> list[str]:
        if self._listed is None:
            from warta.site.assets import unused_theme_file

            # Dot folders (Material's ~14,000 icons) are included by name, never copied.
            self._listed = [name for name in super().list_templates()
                            if not name.startswith(".") and not unused_theme_file(name)]
        return self._listed


# One theme environment per worker process and theme: a worker builds many shards, and
# Jinja compiles Material's templates once per environment (its template cache), not once
# per shard. The key holds the folders, links resolved (the overrides folder is named by
# its content hash, see stable_overrides) and the language.
_ENVS: dict[tuple[tuple[str, ...], str], jinja2.Environment] = {}


def _sandboxed_theme_env(theme: Any) -> jinja2.Environment:
    """MkDocs' own `Theme.get_env`, with Jinja's sandbox: the theme overrides come from
    site_templates/overrides/ in the repository, which a pull request can change."""
    from mkdocs import localization
    from mkdocs.utils import templates

    dirs = [os.path.realpath(d) for d in theme.dirs]
    key = (tuple(dirs), str(theme.locale))
    env = _ENVS.get(key)
    if env is None:
        env = SandboxedEnvironment(loader=_ThemeLoader(dirs), auto_reload=False, cache_size=-1)
        env.filters["url"] = templates.url_filter
        env.filters["script_tag"] = templates.script_tag_filter
        localization.install_translations(env, theme.locale, dirs)
        _ENVS[key] = env
    return env


ENGINE_VARIABLE = "WARTA_SITE_ENGINE"
ENGINES = ("mkdocs", "properdocs")


def select_engine() -> str:
    """The engine named by WARTA_SITE_ENGINE, made the one every `mkdocs.*` import resolves to.

    For ProperDocs, `properdocs.replacement` redirects `mkdocs` and its submodules (the ones
    Material imports too) to `properdocs`; it must run before the first such import, so every
    build path calls this first (each shard's worker process too)."""
    name = os.environ.get(ENGINE_VARIABLE, "").strip() or "mkdocs"
    if name not in ENGINES:
        raise WartaError(f"{ENGINE_VARIABLE}={name} tidak dikenal; pilihan: {', '.join(ENGINES)}.")
    if name == "properdocs":
        try:
            import properdocs.replacement  # noqa: F401 - imported for its effect
        except ImportError:
            raise WartaError(f"{ENGINE_VARIABLE}=properdocs, tetapi ProperDocs belum terpasang: "
                             "pip install properdocs (lihat docs/engine.md).") from None
    return name


def stable_overrides(template_dir: Path, cache_dir: Path) -> Path:
    """site_templates/overrides/ copied once to a folder named by its content hash, so every
    shard built from the same templates names the same theme folder (and shares its env)."""
    source = template_dir / "overrides"
    digest = hashlib.sha256()
    for path in sorted(source.rglob("*")) if source.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(source).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    target = cache_dir / "overrides" / digest.hexdigest()[:16]
    if not target.is_dir():
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        if source.is_dir():
            shutil.copytree(source, tmp)
        else:
            tmp.mkdir(parents=True)
        try:
            os.replace(tmp, target)
        except OSError:  # another worker got there first: same content
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def run_mkdocs(project_dir: Path, site_dir: Path, pages: Iterable[GeneratedPage] = ()) -> None:
    """Build the project with MkDocs (or ProperDocs, `select_engine`) into site_dir, which it empties first."""
    select_engine()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("mkdocs", "material"):
        logging.getLogger(name).setLevel(logging.ERROR)
    config = load_config(config_file=str(project_dir / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins["warta-page-parts"] = _page_parts_plugin(pages)
    theme = config.theme
    theme.get_env = functools.partial(_sandboxed_theme_env, theme)  # type: ignore[method-assign]
    try:
        build(config)
    except jinja2.exceptions.SecurityError as exc:
        raise WartaError(f"site_templates/overrides/: templat tema mencoba hal yang tidak diizinkan "
                         f"({exc}). Templat hanya boleh menampilkan data; hapus bagian itu.") from None
    except jinja2.TemplateError as exc:
        raise WartaError(f"site_templates/overrides/: templat tema gagal dirender: {exc}.") from None
