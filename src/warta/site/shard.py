"""Build one agency's site in a worker process: generate, MkDocs, Pagefind, cache entry."""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warta.content import load_posts
from warta.content.files import PLANS_DIR, is_publishable_attachment, regular_file_inside
from warta.content.models import MediaItem, Post
from warta.content.plans import load_plans, public_items
from warta.errors import WartaError
from warta.media.resolve import MediaSource
from warta.roster import load_roster
from warta.roster.load import LoadedRoster
from warta.site.assets import SHARED, share_assets
from warta.site.cache import RECORD, entry_dir, prune
from warta.site.config import read_base_config, shard_config
from warta.site.engine import run_mkdocs, write_project
from warta.site.images import ResponsiveImage, is_image, responsive_image, without_metadata
from warta.site.pages import GeneratedPage
from warta.site.project import agency_project, manifest, shard_url, template_env
from warta.site.search import index_shard


@dataclass(frozen=True)
class ShardJob:
    root: str
    slug: str
    key: str
    cache_dir: str
    now: str  # ISO 8601, aware
    copies: tuple[tuple[str, str, str], ...] = ()  # (post id, channel, permalink) from the ledger
    approvals: dict[str, Any] | None = None  # post path -> approval records (warta gate record)


@dataclass(frozen=True)
class ShardResult:
    slug: str
    ok: bool
    seconds: float
    message: str = ""


def watch_parent() -> None:
    """Pool initializer: a worker whose `warta build` was killed exits instead of lingering."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


_ROSTERS: dict[tuple[str, tuple[tuple[str, int, int], ...]], LoadedRoster] = {}


def _roster(root: Path) -> LoadedRoster:
    """The roster, read once per worker process while its files stay the same (a worker
    builds many shards; each read parses every roster file)."""
    files = sorted((root / "roster").glob("*.yml"))
    key = (str(root), tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    if key not in _ROSTERS:
        _ROSTERS.clear()
        _ROSTERS[key] = load_roster(root)
    return _ROSTERS[key]


def publication_window(posts: list[Post], now: datetime) -> tuple[str | None, str | None]:
    """While `now` stays in [from, until) the same posts are published."""
    live = [p.goes_live for p in posts if not p.draft and p.goes_live <= now]
    waiting = [p.goes_live for p in posts if not p.draft and p.goes_live > now]
    return (max(live).isoformat() if live else None,
            min(waiting).isoformat() if waiting else None)


def generate(root: Path, slug: str, now: datetime, project_dir: Path, cache_dir: Path,
             copies: tuple[tuple[str, str, str], ...] = (),
             approvals: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[GeneratedPage]]:
    """Write the agency's MkDocs project; returns its manifest (with the window) and pages."""
    loaded = _roster(root)
    agency = loaded.roster.agency(slug)
    if agency is None:
        raise WartaError(f"Perangkat daerah `{slug}` tidak ada di roster.")
    province = loaded.roster.province
    posts, _ = load_posts(root, loaded.roster, [root / "content" / slug])
    mine = posts.for_agency(slug)
    published = mine.published(now).newest_first()
    media_out = project_dir / "docs" / "_media"
    media_cache = cache_dir / "media"

    # Only a regular file inside the agency's folder (no symlink on the way), or the object
    # media.lock names in the province's store, fetched and verified against its sha256.
    source_of = MediaSource(root, slug, province, cache_dir / "media-store")

    def image_for(item: MediaItem) -> ResponsiveImage | None:
        if not item.path.startswith(f"content/{slug}/") or not is_image(item.path):
            return None
        source = source_of.local(item.path)
        return responsive_image(source, media_out, media_cache) if source is not None else None

    template_dir = root / "site_templates"
    links: dict[str, dict[str, str]] = {}
    for post_id, channel, url in copies:
        links.setdefault(post_id, {})[channel] = url
    plans, _ = load_plans(root, loaded.roster, [slug])  # `warta check` reports their problems
    project = agency_project(agency, province, published, template_env(template_dir), image_for, links,
                             agenda=public_items(plans), approvals=approvals)
    config = shard_config(read_base_config(root), site_name=agency.name,
                          site_url=shard_url(province, slug), nav=project.nav)
    write_project(project_dir, config, project.pages, project.files, template_dir, cache_dir)
    _link_attachments(root, slug, project_dir / "docs" / "berita", media_cache)
    _link_stored(source_of, published, project_dir / "docs" / "berita")
    valid_from, valid_until = publication_window(list(mine), now)
    record = {**manifest(agency, project), "valid_from": valid_from, "valid_until": valid_until,
              "root_path": urlsplit(province.site_url.rstrip("/") + "/").path}
    return record, project.pages


def _link_attachments(root: Path, slug: str, berita: Path, media_cache: Path) -> None:
    """Files beside the posts keep their relative paths (the body and the networks link to
    them); photos are published without their EXIF metadata. Only the allowlisted types are
    published (an .html or .svg could carry script onto the public origin; `warta check`
    reports the rest), and only regular files inside the agency's folder (no symlink)."""
    content = root / "content" / slug
    for dirpath, dirnames, filenames in os.walk(content):  # never descends a symlinked folder
        # `_rencana/` holds plan data (internal items too): never published as files.
        top = dirpath == str(content)
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and not (top and d == PLANS_DIR)]
        for name in filenames:
            rel = Path(dirpath, name).relative_to(root).as_posix()
            if name.startswith(".") or not is_publishable_attachment(rel):
                continue
            source = regular_file_inside(root, rel)
            if source is None:
                continue
            target = berita / source.relative_to(content)
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix.lower() in (".jpg", ".jpeg", ".png"):
                source = without_metadata(source, media_cache)
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)


def _link_stored(source_of: MediaSource, published: list[Post], berita: Path) -> None:
    """Photos and videos of published posts kept in the store are published at the same
    relative path as a file in git would be (Facebook and Instagram fetch them by URL); the
    photos carry no EXIF already."""
    prefix = f"content/{source_of.slug}/"
    for post in published:
        paths = [item.path for item in post.media]
        if post.video and not re.match(r"^https?://", post.video):
            paths.append(posixpath.normpath(posixpath.join(posixpath.dirname(post.path), post.video)))
        for path in paths:
            if source_of.entry(path) is None or (source_of.root / path).exists():
                continue
            source = source_of.local(path)
            target = berita / path[len(prefix):]
            if source is None or target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def build_shard(job: ShardJob) -> ShardResult:
    """Entry point of a worker process; never raises for a problem in the content."""
    started = time.perf_counter()
    root, cache_dir = Path(job.root), Path(job.cache_dir)
    work = cache_dir / "shards" / job.slug / f".tmp-{os.getpid()}-{time.time_ns()}"
    try:
        record, pages = generate(root, job.slug, datetime.fromisoformat(job.now),
                                 work / "project", cache_dir, job.copies, job.approvals)
        site = work / "site" / job.slug
        run_mkdocs(work / "project", site, pages)
        root_path = record["root_path"]
        record["assets"] = share_assets(site, cache_dir / SHARED, at=job.slug, root_path=root_path,
                                        site_path=f"{root_path}{job.slug}/")
        if record["posts"]:  # posts are all that search shows; an empty shard adds no bundle
            index_shard(work / "site", job.slug)
        record["key"] = job.key
        (site / RECORD).parent.mkdir(parents=True, exist_ok=True)
        (site / RECORD).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        final = entry_dir(cache_dir, job.slug, job.key)
        if final.exists():
            shutil.rmtree(final)
        os.replace(site, final)
        prune(cache_dir, job.slug, job.key)
        return ShardResult(job.slug, True, time.perf_counter() - started)
    except WartaError as exc:
        return ShardResult(job.slug, False, time.perf_counter() - started, exc.message)
    except Exception as exc:  # noqa: BLE001 - one shard's bug must not stop the others
        return ShardResult(job.slug, False, time.perf_counter() - started,
                           f"kesalahan tak terduga: {exc!r}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
