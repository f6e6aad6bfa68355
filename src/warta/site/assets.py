"""One copy of the theme for the whole site: content-hashed files under `/assets/` at the root.

Every MkDocs build (each agency shard and the portal) writes Material's assets and Warta's
scripts and stylesheet into its own folder. After the build they are moved into one shared,
content-addressed store (`.warta/cache/assets/`), the pages' references are rewritten to the
shared copy at the site root (relative URLs, so the site still works under a path prefix and
on an agency's own host name where `/assets/` is aliased), and what the site never loads is
dropped: source maps, and Material's lunr search (Warta searches with Pagefind).

Names: Material's bundles already carry a content hash (`bundle.a5f9d56c.min.js`) and keep
it; every other file gets one (`warta.css` -> `warta/warta.3f2a…css`), so a changed file
always has a new URL and the web server may cache `/assets/` for a year.
"""

from __future__ import annotations

import functools
import hashlib
import os
import posixpath
import re
import shutil
from pathlib import Path

from warta.site.engine import SCRIPTS

SHARED = "assets"
OWN_FILES = ("warta.css", *SCRIPTS)  # Warta's files at the top of every MkDocs build
_MATERIAL_HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
_REF = re.compile(r'\b(src|href)="([^"]*)"')


def unused_theme_file(rel: str) -> bool:
    """Files no page loads: source maps, lunr and its search worker (no `search` plugin)."""
    return (rel.endswith(".map") or rel.startswith("assets/javascripts/lunr/")
            or rel.startswith("assets/javascripts/workers/"))


def shared_name(rel: str, data: bytes) -> str:
    """The file's path under the site root, with a content hash in its name."""
    if rel.startswith("assets/") and _MATERIAL_HASHED.search(rel):
        return rel
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem, dot, suffix = rel.rpartition(".")
    if not dot or "/" in suffix:
        stem, suffix = rel, ""
    hashed = f"{stem}.{digest}.{suffix}" if suffix else f"{stem}.{digest}"
    return hashed if hashed.startswith("assets/") else f"{SHARED}/warta/{hashed}"


def _store(store: Path, name: str, source: Path) -> None:
    """Content-addressed: the same name always holds the same bytes, so a file that is
    there is kept, and concurrent workers write through a rename."""
    target = store / name
    if target.is_file():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def share_assets(site: Path, store: Path, *, at: str, site_path: str,
                 root_path: str) -> list[str]:
    """Move the theme files out of `site` into `store`, rewrite the pages' references.

    `at` is the path of `site` under the site root ("" for the portal, "<slug>" for a
    shard); `site_path` and `root_path` are their URL paths (for the absolute
    references MkDocs writes into 404.html). Returns the shared names the pages use."""
    moved: dict[str, str] = {}
    theme = site / SHARED
    candidates = [p for p in sorted(theme.rglob("*")) if p.is_file()] if theme.is_dir() else []
    candidates += [site / name for name in OWN_FILES if (site / name).is_file()]
    for path in candidates:
        rel = path.relative_to(site).as_posix()
        if not unused_theme_file(rel):
            name = shared_name(rel, path.read_bytes())
            _store(store, name, path)
            moved[rel] = name
        path.unlink()
    if theme.is_dir():
        shutil.rmtree(theme)
    used: set[str] = set()
    for page in site.rglob("*.html"):
        page_dir = page.parent.relative_to(site).as_posix()
        page_dir = "" if page_dir == "." else page_dir
        text = page.read_text(encoding="utf-8")
        new = _REF.sub(functools.partial(_rewrite, moved=moved, used=used, page_dir=page_dir, at=at,
                                         site_path=site_path, root_path=root_path), text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return sorted(used)


def _rewrite(match: re.Match[str], *, moved: dict[str, str], used: set[str], page_dir: str,
             at: str, site_path: str, root_path: str) -> str:
    attr, url = match.group(1), match.group(2)
    path, sep, tail = url.partition("?")
    if path.startswith("/"):
        if not path.startswith(site_path):
            return match.group(0)
        rel, absolute = path[len(site_path):], True
    elif "://" in path or path.startswith(("#", "data:", "mailto:")):
        return match.group(0)
    else:
        rel, absolute = posixpath.normpath(posixpath.join(page_dir, path)), False
    name = moved.get(rel)
    if name is None:
        return match.group(0)
    used.add(name)
    target = root_path + name if absolute else posixpath.relpath(name, posixpath.join(at, page_dir) or ".")
    return f'{attr}="{target}{sep}{tail}"'


def place_shared(out: Path, store: Path, names: list[str]) -> bool:
    """Put the named shared files into out/ (hard links where possible); False if one of
    them is in neither place (the shard must then be built again)."""
    for name in names:
        target = out / name
        if target.is_file():
            continue
        source = store / name
        if not source.is_file():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
    return True


def prune_shared(out: Path, keep: set[str]) -> None:
    """Remove shared files no shard or portal page refers to any more."""
    folder = out / SHARED
    for path in sorted(folder.rglob("*"), reverse=True) if folder.is_dir() else []:
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
