"""The MkDocs configuration Warta generates for each shard from the repository's mkdocs.yml.

The repository's file is read with a safe YAML loader and reduced to an allowlist, so a
pull request cannot make the build run code: `hooks:`, unknown plugins, unknown Markdown
extensions and Python-object YAML tags are dropped (and reported as notes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from warta.errors import WartaError

# Material's built-in plugins that execute no repository code and stay cheap per page.
ALLOWED_PLUGINS = frozenset({"tags"})
ALLOWED_MARKDOWN_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "sane_lists", "pymdownx.betterem", "pymdownx.caret", "pymdownx.details",
    "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.mark",
    "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist",
    "pymdownx.tilde",
})
# Options that can name Python callables are never passed through.
FORBIDDEN_EXTENSION_OPTIONS = frozenset({"custom_fences", "slugify", "emoji_index",
                                         "emoji_generator", "format", "validator"})
ALLOWED_THEME_KEYS = frozenset({"palette", "features", "icon", "logo", "favicon"})
DEFAULT_EXTENSIONS: list[Any] = ["toc", "tables", "attr_list", "md_in_html"]


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading; a tag such as `!!python/name:` becomes None instead of an object."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)  # type: ignore[no-untyped-call]
_TolerantLoader.add_multi_constructor("!", _ignore_tag)  # type: ignore[no-untyped-call]
_TolerantLoader.add_multi_constructor("tag:", _ignore_tag)  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class BaseConfig:
    """The allowlisted part of mkdocs.yml, plus notes on what was dropped."""

    theme: dict[str, Any] = field(default_factory=dict)
    markdown_extensions: list[Any] = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    plugins: list[Any] = field(default_factory=list)
    copyright: str = ""
    ignored: tuple[str, ...] = ()


def _name_and_options(entry: Any) -> tuple[str, Any]:
    if isinstance(entry, str):
        return entry, None
    if isinstance(entry, dict) and len(entry) == 1:
        name, options = next(iter(entry.items()))
        return str(name), options
    return "", None


def _clean_options(options: Any) -> Any:
    if not isinstance(options, dict):
        return None
    return {k: v for k, v in options.items()
            if k not in FORBIDDEN_EXTENSION_OPTIONS and v is not None}


def read_base_config(root: Path) -> BaseConfig:
    """mkdocs.yml at the repository root, reduced to the allowlist (defaults if absent)."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return BaseConfig()
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        raise WartaError(f"mkdocs.yml tidak dapat dibaca: {exc}. Perbaiki format YAML-nya.") from None
    if not isinstance(data, dict):
        return BaseConfig()
    ignored = [f"`{key}`" for key in data
               if key not in {"site_name", "theme", "markdown_extensions", "plugins",
                              "copyright", "extra_css"}]
    theme_data: dict[str, Any] = data["theme"] if isinstance(data.get("theme"), dict) else {}
    theme = {k: v for k, v in theme_data.items() if k in ALLOWED_THEME_KEYS and v is not None}
    extensions: list[Any] = []
    for entry in data.get("markdown_extensions") or []:
        name, options = _name_and_options(entry)
        if name not in ALLOWED_MARKDOWN_EXTENSIONS:
            ignored.append(f"markdown_extensions `{name or entry}`")
            continue
        cleaned = _clean_options(options)
        extensions.append({name: cleaned} if cleaned else name)
    plugins: list[Any] = []
    for entry in data.get("plugins") or []:
        name, options = _name_and_options(entry)
        if name in ALLOWED_PLUGINS:
            cleaned = _clean_options(options)
            plugins.append({name: cleaned} if cleaned else name)
        else:
            ignored.append(f"plugins `{name or entry}`")
    copyright_text = data.get("copyright")
    return BaseConfig(theme=theme, markdown_extensions=extensions or list(DEFAULT_EXTENSIONS),
                      plugins=plugins,
                      copyright=copyright_text if isinstance(copyright_text, str) else "",
                      ignored=tuple(ignored))


def shard_config(base: BaseConfig, *, site_name: str, site_url: str,
                 nav: list[dict[str, str]]) -> dict[str, Any]:
    """The config of one generated MkDocs project; paths are relative to its folder."""
    from warta.site.text import esc

    theme: dict[str, Any] = {"name": "material", "custom_dir": "overrides", "language": "id",
                             "font": False, **base.theme}
    return {
        # MkDocs renders theme templates without autoescaping, so names are escaped here.
        "site_name": esc(site_name),
        "site_url": site_url,
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": theme,
        "markdown_extensions": base.markdown_extensions,
        "plugins": base.plugins,  # an explicit list: MkDocs would otherwise add `search`
        "hooks": [],
        "extra_css": ["warta.css"],
        "copyright": esc(base.copyright),
        "nav": nav,
        "not_in_nav": "/berita/\n/tag/\n",
        "validation": {"nav": {"omitted_files": "ignore", "not_found": "ignore",
                               "absolute_links": "ignore"},
                       "links": {"not_found": "warn", "absolute_links": "ignore",
                                 "unrecognized_links": "ignore", "anchors": "ignore"}},
        "strict": False,
    }


def dump_config(config: dict[str, Any]) -> str:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
