"""Generate one agency's MkDocs project (pages, feed, nav) from its roster entry and posts."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from warta.channels.networks import LABELS
from warta.content.files import VIDEO_SUFFIXES
from warta.content.models import MediaItem, Post
from warta.content.plans import PlanItem
from warta.content.urls import post_url_path
from warta.errors import WartaError
from warta.roster.models import Agency, Province
from warta.site.agenda import agenda_ics, agenda_view, realising_posts
from warta.site.feed import rss
from warta.site.images import ResponsiveImage
from warta.site.news import card, identity, json_ld, organization_ld
from warta.site.pages import GeneratedPage, Listing, relative, url_of, without_nip
from warta.site.postpage import post_listing, render_post
from warta.site.text import esc, slugify

PAGE_SIZE = 12
SHARE_JS = Path(__file__).parent / "static" / "warta-share.js"  # "Salin tautan" on post pages
LATEST = 10
ImageLookup = Callable[[MediaItem], ResponsiveImage | None]

SOCIAL = {  # channel -> (settings key, URL pattern of the agency's account)
    "instagram": ("username", "https://www.instagram.com/{}/"),
    "facebook": ("page_id", "https://www.facebook.com/{}"),
    "x": ("handle", "https://x.com/{}"),
    "youtube": ("channel_id", "https://www.youtube.com/channel/{}"),
    "tiktok": ("handle", "https://www.tiktok.com/@{}"),
}


def template_env(template_dir: Path) -> jinja2.Environment:
    """site_templates/ comes from pull requests, so it is code: it runs in Jinja's sandbox
    (no `__class__`, no `cycler.__init__.__globals__`, no mutating the data it is given)."""
    return ImmutableSandboxedEnvironment(loader=jinja2.FileSystemLoader(str(template_dir)),
                                         autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                         keep_trailing_newline=True, undefined=jinja2.StrictUndefined)


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; a template error is a WartaError naming the file, never a traceback."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.exceptions.SecurityError as exc:
        raise WartaError(f"site_templates/{name}: templat mencoba hal yang tidak diizinkan ({exc}). "
                         "Templat hanya boleh menampilkan data; hapus bagian itu.") from None
    except jinja2.TemplateSyntaxError as exc:
        raise WartaError(f"site_templates/{exc.name or name}:{exc.lineno}: "
                         f"templat tidak valid: {exc.message}.") from None
    except jinja2.TemplateError as exc:
        raise WartaError(f"site_templates/{name}: templat gagal dirender: {exc}.") from None


def video_href(video: str) -> str:
    """The post's video link: an http(s) URL, or a video file beside the post; else none."""
    from urllib.parse import urlsplit

    value = video.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return value
    if (not parts.scheme and not parts.netloc and not value.startswith(("/", "\\"))
            and ".." not in value.split("/") and PurePosixPath(parts.path).suffix.lower() in VIDEO_SUFFIXES):
        return "../" + value  # attachments keep their place beside the post (see shard.py)
    return ""


def shard_url(province: Province, slug: str) -> str:
    return province.site_url.rstrip("/") + f"/{slug}/"


def socials(agency: Agency) -> list[dict[str, str]]:
    out = []
    for channel, (key, pattern) in SOCIAL.items():
        label = LABELS[channel]
        settings = agency.channels.get(channel)
        if not isinstance(settings, dict):
            continue
        handle = str(settings.get(key) or settings.get("username") or "").lstrip("@")
        if handle:
            out.append({"label": label, "handle": handle, "url": pattern.format(handle)})
    return out


def post_url(post: Post) -> str:
    """The post's URL relative to its agency shard (one definition: warta.content.urls)."""
    return post_url_path(post).removeprefix(f"{post.agency}/")


@dataclass
class AgencyProject:
    pages: list[GeneratedPage]
    files: dict[str, bytes]  # other docs files, e.g. feed.xml
    listings: list[Listing]  # newest first
    nav: list[dict[str, str]]


class _Builder:
    def __init__(self, agency: Agency, province: Province, env: jinja2.Environment) -> None:
        self.agency, self.province, self.env = agency, province, env
        self.base_url = shard_url(province, agency.slug)
        self.pages: list[GeneratedPage] = []
        self.identity = identity(agency)
        # Rendered once; it links only outward (phone, e-mail, map, networks), so it is the
        # same on every page. MkDocs' theme templates print it as it is: it is already escaped.
        self.footer = render_template(env, "footer.html.j2", agency=agency, province=province,
                                      identity=self.identity, socials=socials(agency))

    def render(self, template: str, **context: Any) -> str:
        return render_template(self.env, template, agency=self.agency, province=self.province,
                               identity=self.identity, **context)

    def page(self, doc_path: str, title: str, html: str, body: str = "", after: str = "",
             **meta: Any) -> None:
        meta.setdefault("description", esc(f"{title} — {self.agency.name}"))
        self.pages.append(GeneratedPage(doc_path, {"title": esc(title), "warta_footer": self.footer,
                                                   **meta}, body, html, after))

    def items(self, listings: Sequence[Listing], from_url: str,
              summaries: bool = True) -> list[dict[str, Any]]:
        return [{**card(item.as_dict(), "", from_url),
                 "summary": item.summary if summaries else ""} for item in listings]

    def video_href(self, video: str) -> str:
        return video_href(video)


def _relinked(from_url: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "url": relative(from_url, row["url"])} for row in rows]


def _paginated(b: _Builder, listings: list[Listing], years: list[dict[str, Any]],
               categories: list[dict[str, Any]]) -> None:
    chunks = [listings[i:i + PAGE_SIZE] for i in range(0, len(listings), PAGE_SIZE)] or [[]]
    urls = ["berita/"] + [f"berita/halaman/{n}/" for n in range(2, len(chunks) + 1)]
    for number, (chunk, url) in enumerate(zip(chunks, urls, strict=True), start=1):
        pager = None
        if len(chunks) > 1:
            pager = {"number": number, "total": len(chunks),
                     "prev": relative(url, urls[number - 2]) if number > 1 else "",
                     "next": relative(url, urls[number]) if number < len(chunks) else ""}
        title = "Berita" if number == 1 else f"Berita — halaman {number}"
        b.page(url + "index.md", title,
               b.render("list.md.j2", heading=title, intro="", items=b.items(chunk, url),
                        pager=pager, years=_relinked(url, years) if number == 1 else [],
                        categories_nav=_relinked(url, categories),
                        categories=_relinked(url, categories) if number == 1 else []))


def _grouped(b: _Builder, groups: dict[tuple[str, str], list[Listing]], prefix: str,
             heading: str) -> list[dict[str, Any]]:
    index = []
    for (key, name), listings in sorted(groups.items()):
        url = f"{prefix}{key}/"
        title = f"{heading}: {name}"
        b.page(url + "index.md", title,
               b.render("list.md.j2", heading=title, intro="", pager=None, years=[],
                        categories=[], categories_nav=[], items=b.items(listings, url, summaries=False)),
               description=esc(f"{heading} {name}: {len(listings)} berita dari {b.agency.name}."))
        index.append({"name": name, "url": url, "count": len(listings)})
    return index


def agency_project(agency: Agency, province: Province, posts: Sequence[Post],
                   env: jinja2.Environment, image_for: ImageLookup,
                   copies: dict[str, dict[str, str]] | None = None,
                   agenda: Sequence[PlanItem] = (),
                   approvals: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> AgencyProject:
    """All pages of one agency site; `posts` are the published ones, newest first;
    `copies` are each post's copies on the networks (from the dispatch ledger); `agenda`
    the public plan items only (warta.content.plans.public_items); `approvals` each post's
    approval records by path (from the ledger's approvals/), as plain data."""
    b = _Builder(agency, province, env)
    made = [(post, *post_listing(post, post_url(post), image_for)) for post in posts]
    live = [(post, listing) for post, listing, _ in made if post.dicabut is None]
    listings = [listing for _, listing in live]
    position = {id(listing): i for i, listing in enumerate(listings)}
    for post, listing, images in made:
        render_post(b, post, listing, images, listings=listings, index=position.get(id(listing), -1),
                    approvals=(approvals or {}).get(post.path, ()),
                    copies=(copies or {}).get(post.id, {}))
    posts = [post for post, _ in live]
    by_year: dict[tuple[str, str], list[Listing]] = defaultdict(list)
    by_category: dict[tuple[str, str], list[Listing]] = defaultdict(list)
    by_tag: dict[tuple[str, str], list[Listing]] = defaultdict(list)
    for post, listing in zip(posts, listings, strict=True):
        year = str(post.goes_live.year)
        by_year[(year, year)].append(listing)
        if post.category:
            by_category[(slugify(post.category), post.category)].append(listing)
        for tag in dict.fromkeys(post.tags):
            by_tag[(slugify(tag), tag)].append(listing)
    years = _grouped(b, by_year, "berita/arsip/", "Arsip")
    years.sort(key=lambda y: y["name"], reverse=True)
    categories = _grouped(b, by_category, "berita/kategori/", "Kategori")
    tags = _grouped(b, by_tag, "tag/", "Tag")
    _paginated(b, listings, years, categories)
    b.page("tag/index.md", "Tag", b.render("tags.md.j2", tags=[
        {**t, "url": relative("tag/", t["url"])} for t in tags]),
           description=esc(f"Semua tag berita {agency.name}."))
    members = [{"name": without_nip(m.name), "jabatan": without_nip(m.jabatan)}
               for m in agency.team if m.name]
    kepala = without_nip(agency.kepala.name) if agency.kepala and agency.kepala.name else ""
    b.page("tim.md", "Tim Publikasi", b.render("team.md.j2", members=members, kepala=kepala),
           description=esc(f"Tim Publikasi dan Informasi {agency.name}."))
    latest = b.items(listings[:LATEST + 1], "")
    b.page("index.md", agency.name,
           b.render("home.md.j2", socials=socials(agency), portal="../",
                    lead=latest[0] if latest else None, latest=latest[1:],
                    categories=categories),
           description=esc(agency.description or agency.name), warta_feed="feed.xml",
           warta_jsonld=json_ld(organization_ld(agency, b.base_url)))
    feed = rss(agency.name, b.base_url, agency.description or agency.name, listings[:20])
    realised = {item_id: post_url(post) for item_id, post in realising_posts(agenda, posts).items()}
    b.page("agenda.md", "Agenda", b.render(
        "agenda.md.j2", ics="../agenda.ics",
        months=agenda_view(agenda, {k: relative("agenda/", v) for k, v in realised.items()})))
    ics = agenda_ics(agency.name, b.base_url, agency.slug, agenda, realised)
    nav = [{"Beranda": "index.md"}, {"Berita": "berita/index.md"}, {"Agenda": "agenda.md"},
           {"Tag": "tag/index.md"}, {"Tim Publikasi": "tim.md"}]
    return AgencyProject(b.pages, {"feed.xml": feed, "agenda.ics": ics, "warta-share.js": SHARE_JS.read_bytes()},
                         listings, nav)


def manifest(agency: Agency, project: AgencyProject) -> dict[str, Any]:
    """What the portal needs from a shard, without reading its pages again."""
    return {"slug": agency.slug, "name": agency.name, "kind": agency.kind,
            "posts": len(project.listings),
            "latest": [item.as_dict() for item in project.listings[:LATEST]],
            "urls": sorted({url_of(p.path) for p in project.pages})}


def dump_manifest(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)
