"""The province portal at `/`: agencies by kind, latest posts, search, sitemap."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from warta.errors import WartaError
from warta.roster.models import KINDS, Roster
from warta.site.assets import place_shared, share_assets
from warta.site.cache import RECORD, read_record
from warta.site.config import read_base_config, shard_config
from warta.site.engine import run_mkdocs, write_project
from warta.site.news import card, identity
from warta.site.pages import GeneratedPage
from warta.site.project import render_template, template_env
from warta.site.text import esc

PORTAL_RECORD = "_warta/portal.json"
LATEST = 10  # the portal stays light on a slow connection; each agency lists all its posts


def shard_records(out: Path, roster: Roster) -> dict[str, dict[str, Any]]:
    """The manifests of the shards present in the output, for agencies in the roster."""
    records = {}
    for slug in roster.slugs():
        record = read_record(out / slug)
        if record is not None:
            records[slug] = record
    return records


def _groups(roster: Roster, records: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    kinds = list(KINDS) + sorted({a.kind for a in roster} - set(KINDS))
    groups = []
    for kind in kinds:
        members = [{**identity(a), "url": f"{a.slug}/",
                    "count": records[a.slug]["posts"] if a.slug in records else None}
                   for a in sorted(roster, key=lambda a: a.name) if a.kind == kind]
        if members:
            groups.append({"kind": kind, "agencies": members})
    return groups


def _latest(roster: Roster, records: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for slug, record in records.items():
        agency = roster.agency(slug)
        for item in record.get("latest", []):
            rows.append({**card(item, f"{slug}/"), "agency_name": agency.label if agency else slug})
    rows.sort(key=lambda r: r["date_iso"], reverse=True)
    return rows[:LATEST]


def portal_key(root: Path, common: str, records: dict[str, dict[str, Any]],
               roster: Roster) -> str:
    parts = [common] + [f"{slug}:{records[slug].get('key')}" for slug in sorted(records)]
    parts += [f"{a.slug}:{a.name}:{a.kind}" for a in roster]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def sitemap(base_url: str, records: dict[str, dict[str, Any]]) -> bytes:
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    urlset = ET.Element("urlset", xmlns=ns)
    for url in ["", "cari/"] + [f"{slug}/{u}" for slug in sorted(records)
                                for u in records[slug].get("urls", [])]:
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = base_url + url
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)


def assemble_portal(root: Path, out: Path, roster: Roster, records: dict[str, dict[str, Any]],
                    key: str, extra: list[GeneratedPage] | None, store: Path) -> None:
    """Build the portal pages with MkDocs and lay them over `out` beside the shards."""
    province = roster.province
    template_dir = root / "site_templates"
    env = template_env(template_dir)
    home = render_template(
        env, "portal_home.md.j2", province=province, groups=_groups(roster, records), latest=_latest(roster, records))
    bundles = [slug for slug in sorted(records) if (out / slug / "pagefind").is_dir()]
    bundles_json = json.dumps(bundles)  # an attribute value: the template escapes it
    search = render_template(
        env, "portal_search.md.j2", primary=bundles[0] if bundles else "", bundles_json=bundles_json)
    pages = [GeneratedPage("index.md", {"title": esc(province.site_title),
                                        "description": esc(province.site_description
                                                           or province.site_title)},
                           before=home),
             GeneratedPage("cari.md", {"title": "Cari berita", "description": esc(
                 f"Cari berita di seluruh situs perangkat daerah {province.site_title}.")}, before=search)]
    nav: list[dict[str, Any]] = [{"Beranda": "index.md"}, {"Cari": "cari.md"}]
    for page in extra or []:
        pages.append(page)
        if "/" not in page.path:  # top-level extra pages (the evaluation) get a menu entry
            nav.append({str(page.meta["title"]): page.path})
    base_url = province.site_url.rstrip("/") + "/"
    config = shard_config(read_base_config(root), site_name=province.site_title,
                          site_url=base_url, nav=nav)
    previous = _previous_files(out)
    with tempfile.TemporaryDirectory(prefix="warta-portal-") as tmp:
        project, site = Path(tmp) / "project", Path(tmp) / "site"
        write_project(project, config, pages, {}, template_dir, store.parent)
        run_mkdocs(project, site, pages)
        root_path = urlsplit(base_url).path
        shared = share_assets(site, store, at="",
                              site_path=root_path, root_path=root_path)
        if not place_shared(out, store, shared):
            raise WartaError("Berkas tema bersama hilang dari cache; jalankan `warta build` lagi.")
        (site / "sitemap.xml.gz").unlink(missing_ok=True)
        (site / "sitemap.xml").write_bytes(sitemap(base_url, records))
        written = []
        for path in sorted(site.rglob("*")):
            if path.is_file():
                rel = path.relative_to(site)
                target = out / rel
                written.append(rel.as_posix())
                if target.is_file() and target.read_bytes() == path.read_bytes():
                    continue  # unchanged: keeps its time, so a deploy does not send it
                target.parent.mkdir(parents=True, exist_ok=True)
                target.unlink(missing_ok=True)
                shutil.copy2(path, target)
    for gone in sorted(set(previous) - set(written)):  # pages the portal no longer has
        if gone != RECORD:
            (out / gone).unlink(missing_ok=True)
    (out / PORTAL_RECORD).parent.mkdir(parents=True, exist_ok=True)
    (out / PORTAL_RECORD).write_text(json.dumps({"key": key, "files": written, "assets": shared}),
                                     encoding="utf-8")


def read_portal_key(out: Path) -> str | None:
    try:
        return str(json.loads((out / PORTAL_RECORD).read_text(encoding="utf-8"))["key"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_portal_assets(out: Path) -> list[str]:
    try:
        return [str(n) for n in json.loads((out / PORTAL_RECORD).read_text(encoding="utf-8"))["assets"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _previous_files(out: Path) -> list[str]:
    try:
        return [str(rel) for rel in json.loads((out / PORTAL_RECORD).read_text(encoding="utf-8"))["files"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []
