"""`warta build` as a library call: pick shards, reuse what is cached, build the rest in
parallel worker processes, then assemble the portal."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.errors import UsageError
from warta.roster import load_roster
from warta.roster.models import Roster
from warta.schema import suggest
from warta.site.assets import SHARED, place_shared, prune_shared
from warta.site.cache import (
    FileHasher,
    common_key,
    entry_dir,
    keep_unchanged_times,
    place,
    read_record,
    record_usable,
    shard_key,
)
from warta.site.config import read_base_config
from warta.site.kesiapan import kesiapan_page
from warta.site.pages import GeneratedPage, pages_key
from warta.site.portal import (
    assemble_portal,
    portal_key,
    read_portal_assets,
    read_portal_key,
    shard_records,
)
from warta.site.shard import ShardJob, ShardResult, build_shard, watch_parent

FRESH, CACHED, BUILT, FAILED = "tidak berubah", "dari cache", "dibangun", "gagal"


@dataclass
class BuildResult:
    out: Path
    status: dict[str, str] = field(default_factory=dict)  # slug -> one of the states above
    errors: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    portal_built: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, state: str) -> int:
        return sum(1 for s in self.status.values() if s == state)


def select_agencies(roster: Roster, wanted: list[str] | None) -> list[str]:
    if not roster.agencies:
        raise UsageError("Roster belum berisi perangkat daerah (roster/<slug>.yml).")
    if not wanted:
        return roster.slugs()
    unknown = [s for s in wanted if s not in roster.agencies]
    if unknown:
        slug = unknown[0]
        raise UsageError(f"Perangkat daerah `{slug}` tidak ada di roster."
                         f"{suggest(slug, roster.slugs())}")
    return list(dict.fromkeys(wanted))


def agency_copies(links: Mapping[str, Mapping[str, str]],
                  slugs: list[str]) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Each agency's posts' copies on the networks, from {post id: {channel: permalink}}."""
    out: dict[str, tuple[tuple[str, str, str], ...]] = {}
    for slug in slugs:
        out[slug] = tuple(sorted((post_id, channel, url) for post_id, by_channel in links.items()
                                 if post_id.startswith(f"content/{slug}/") or not post_id.startswith("content/")
                                 for channel, url in by_channel.items()))
    return out


def copies_key(key: str, copies: tuple[tuple[str, str, str], ...],
               approvals: dict[str, Any] | None = None) -> str:
    """A shard's cache key changes when a copy or an approval of one of its posts is recorded."""
    if not copies and not approvals:
        return key
    extra = json.dumps(copies).encode() + (json.dumps(approvals, sort_keys=True).encode() if approvals else b"")
    return hashlib.sha256(key.encode() + extra).hexdigest()[:32]


def _content_size(root: Path, slug: str) -> int:
    folder = root / "content" / slug
    return sum(len(files) for _, _, files in os.walk(folder)) if folder.is_dir() else 0


def build_site(root: Path, out: Path, *, agencies: list[str] | None = None,
               jobs: int | None = None, now: datetime, cache_dir: Path | None = None,
               on_shard: Callable[[str, str], None] | None = None,
               on_start: Callable[[int], None] | None = None,
               links: Mapping[str, Mapping[str, str]] | None = None, pages: Sequence[GeneratedPage] = (),
               readiness: list[dict[str, Any]] | None = None,
               approvals: dict[str, list[dict[str, Any]]] | None = None) -> BuildResult:
    """Build the selected agency shards (all by default) into out/<slug>/ and the portal.

    What later stages recorded comes in as plain data from the command layer: `links`, each post's
    copies on the networks ({post id: {channel: permalink}}, from the dispatch ledger); `pages`, extra
    portal pages (the evaluation pages from the metrics store); `readiness`, the rows of `warta siap`
    for the portal's Kesiapan page; `approvals`, each post's approval records (Jejak publikasi)."""
    started = time.perf_counter()
    loaded = load_roster(root)
    roster = loaded.roster
    slugs = select_agencies(roster, agencies)
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    cache_dir = (cache_dir or root / ".warta" / "cache").resolve()
    report = BuildResult(out)
    ignored = read_base_config(root).ignored
    if ignored:
        report.notes.append("mkdocs.yml: diabaikan demi keamanan: " + ", ".join(ignored) + ".")
    hasher = FileHasher(cache_dir / "files.json")
    common = common_key(root, hasher)
    copies = agency_copies(links or {}, slugs)
    approved = {slug: {p: r for p, r in (approvals or {}).items() if p.startswith(f"content/{slug}/")}
                for slug in slugs}  # each post's approval records (plain data, see commands/)
    keys = {slug: copies_key(shard_key(root, slug, common, hasher), copies[slug], approved[slug])
            for slug in slugs}
    hasher.save()
    if on_start:
        on_start(len(slugs))

    def done(slug: str, state: str) -> None:
        report.status[slug] = state
        if on_shard:
            on_shard(slug, state)

    to_build: list[str] = []
    store = cache_dir / SHARED

    def usable(record: dict[str, Any] | None, slug: str) -> bool:
        return (record_usable(record, keys[slug], now) and record is not None
                and place_shared(out, store, list(record.get("assets", []))))

    for slug in slugs:
        if usable(read_record(out / slug), slug):
            done(slug, FRESH)
        elif usable(read_record(entry_dir(cache_dir, slug, keys[slug])), slug):
            place(entry_dir(cache_dir, slug, keys[slug]), out / slug)
            done(slug, CACHED)
        else:
            to_build.append(slug)
    if to_build:
        to_build.sort(key=lambda s: _content_size(root, s), reverse=True)
        workers = max(1, min(jobs or os.cpu_count() or 1, len(to_build)))
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=watch_parent) as pool:
            futures = [pool.submit(build_shard, ShardJob(str(root), slug, keys[slug],
                                                         str(cache_dir), now.isoformat(), copies[slug],
                                                         approved[slug]))
                       for slug in to_build]
            for future in as_completed(futures):
                result: ShardResult = future.result()
                if result.ok:
                    entry = entry_dir(cache_dir, result.slug, keys[result.slug])
                    keep_unchanged_times(out / result.slug, entry)
                    place(entry, out / result.slug)
                    place_shared(out, store, list((read_record(entry) or {}).get("assets", [])))
                    done(result.slug, BUILT)
                else:
                    report.errors[result.slug] = result.message
                    done(result.slug, FAILED)

    records = shard_records(out, roster)
    extra = list(pages)
    if readiness is not None:
        extra.append(kesiapan_page(readiness, {a.slug: a.name for a in roster}))
    key = pages_key(portal_key(root, common, records, roster), extra)
    if read_portal_key(out) != key or not place_shared(out, store, read_portal_assets(out)):
        assemble_portal(root, out, roster, records, key, extra, store)
        report.portal_built = True
    prune_shared(out, {name for record in shard_records(out, roster).values()
                       for name in record.get("assets", [])} | set(read_portal_assets(out)))
    report.seconds = time.perf_counter() - started
    return report
