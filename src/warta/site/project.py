"""Generate one agency's MkDocs project (pages, feed, nav) from its roster entry and posts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from warta.channels.networks import LABELS, NETWORK_LABELS
from warta.content.files import VIDEO_SUFFIXES
from warta.content.models import MediaItem, Post
from warta.content.plans import PlanItem
from warta.content.urls import post_url_path
from warta.errors import WartaError
from warta.formatting import tanggal
from warta.roster.models import Agency, Province
from warta.site.agenda import agenda_ics, agenda_view, realising_posts
from warta.site.feed import rss
from warta.site.images import ResponsiveImage
from warta.site.pages import GeneratedPage, Listing, relative, root_of, url_of, without_nip
from warta.site.text import esc, plain_excerpt, reading_minutes, slugify

BODY_MARK = "<!--warta:body-->"  # where the author's Markdown goes in post.md.j2
PAGE_SIZE = 10
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

    def render(self, template: str, **context: Any) -> str:
        return render_template(self.env, template, agency=self.agency, province=self.province,
                               **context)

    def page(self, doc_path: str, title: str, html: str, body: str = "", after: str = "",
             **meta: Any) -> None:
        self.pages.append(GeneratedPage(doc_path, {"title": esc(title), **meta}, body,
                                        html, after))

    def items(self, listings: Sequence[Listing], from_url: str,
              summaries: bool = True) -> list[dict[str, Any]]:
        return [{**item.as_dict(), "url": relative(from_url, item.url),
                 "summary": item.summary if summaries else ""} for item in listings]


def _image_view(image: ResponsiveImage, item: MediaItem, root: str) -> dict[str, Any]:
    default = image.default()
    return {"src": f"{root}_media/{default.name}",
            "srcset": ", ".join(f"{root}_media/{v.name} {v.width}w" for v in image.variants),
            "width": default.width, "height": default.height,
            "alt": item.alt, "credit": item.credit}


def _post_page(b: _Builder, post: Post, image_for: ImageLookup, copies: dict[str, str]) -> Listing:
    url = post_url(post)
    root = root_of(url)
    images = [(item, img) for item in post.media if (img := image_for(item)) is not None]
    views = [_image_view(img, item, root) for item, img in images]
    summary = post.summary or plain_excerpt(post.body)
    category_url = f"{root}berita/kategori/{slugify(post.category)}/" if post.category else ""
    video = video_href(post.video or "")
    date_iso, date_text = post.goes_live.isoformat(), tanggal(post.goes_live)
    reading = reading_minutes(post.body)
    view = {"title": post.title, "date_iso": date_iso, "date_text": date_text,
            "author": post.author, "summary": post.summary, "category": post.category,
            "category_url": category_url, "reading": reading, "images": views,
            "video_url": video,
            "copies": [{"label": label, "url": copies[channel]} for channel, label in NETWORK_LABELS.items()
                       if copies.get(channel, "").startswith("https://")],
            "tags": [{"name": t, "url": f"{root}tag/{slugify(t)}/"} for t in post.tags]}
    first = images[0] if images else None
    og = {"type": "article", "site_name": esc(b.agency.name), "title": esc(post.title),
          "description": esc(summary), "url": esc(b.base_url + url),
          "image": esc(b.base_url + "_media/" + first[1].largest.name) if first else "",
          "image_alt": esc(first[0].alt) if first else "",
          "published": post.goes_live.isoformat()}
    before, _, after = b.render("post.md.j2", post=view, body=Markup(BODY_MARK),
                                root=root).partition(BODY_MARK)
    b.page(url[:-1] + ".md", post.title, before, body=post.body, after=after,
           description=esc(summary), warta_post=True, warta_og=og,
           warta_feed=f"{root}feed.xml")
    return Listing(post.title, url, date_iso, date_text, summary, post.category, reading,
                   f"_media/{first[1].default().name}" if first else "",
                   {"tags": list(post.tags)})


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
                        categories=_relinked(url, categories) if number == 1 else []))


def _grouped(b: _Builder, groups: dict[tuple[str, str], list[Listing]], prefix: str,
             heading: str) -> list[dict[str, Any]]:
    index = []
    for (key, name), listings in sorted(groups.items()):
        url = f"{prefix}{key}/"
        title = f"{heading}: {name}"
        b.page(url + "index.md", title,
               b.render("list.md.j2", heading=title, intro="", pager=None, years=[],
                        categories=[], items=b.items(listings, url, summaries=False)))
        index.append({"name": name, "url": url, "count": len(listings)})
    return index


def agency_project(agency: Agency, province: Province, posts: Sequence[Post],
                   env: jinja2.Environment, image_for: ImageLookup,
                   copies: dict[str, dict[str, str]] | None = None,
                   agenda: Sequence[PlanItem] = ()) -> AgencyProject:
    """All pages of one agency site; `posts` are the published ones, newest first;
    `copies` are each post's copies on the networks (from the dispatch ledger); `agenda`
    the public plan items only (warta.content.plans.public_items)."""
    b = _Builder(agency, province, env)
    listings = [_post_page(b, post, image_for, (copies or {}).get(post.id, {})) for post in posts]
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
        {**t, "url": relative("tag/", t["url"])} for t in tags]))
    members = [{"name": without_nip(m.name), "jabatan": without_nip(m.jabatan)}
               for m in agency.team if m.name]
    kepala = without_nip(agency.kepala.name) if agency.kepala and agency.kepala.name else ""
    b.page("tim.md", "Tim Publikasi", b.render("team.md.j2", members=members, kepala=kepala))
    b.page("index.md", agency.name,
           b.render("home.md.j2", socials=socials(agency), portal="../",
                    latest=b.items(listings[:LATEST], "")),
           description=esc(agency.description or agency.name), warta_feed="feed.xml")
    feed = rss(agency.name, b.base_url, agency.description or agency.name, listings[:20])
    realised = {item_id: post_url(post) for item_id, post in realising_posts(agenda, posts).items()}
    b.page("agenda.md", "Agenda", b.render(
        "agenda.md.j2", ics="../agenda.ics",
        months=agenda_view(agenda, {k: relative("agenda/", v) for k, v in realised.items()})))
    ics = agenda_ics(agency.name, b.base_url, agency.slug, agenda, realised)
    nav = [{"Beranda": "index.md"}, {"Berita": "berita/index.md"}, {"Agenda": "agenda.md"},
           {"Tag": "tag/index.md"}, {"Tim Publikasi": "tim.md"}]
    return AgencyProject(b.pages, {"feed.xml": feed, "agenda.ics": ics}, listings, nav)


def manifest(agency: Agency, project: AgencyProject) -> dict[str, Any]:
    """What the portal needs from a shard, without reading its pages again."""
    return {"slug": agency.slug, "name": agency.name, "kind": agency.kind,
            "posts": len(project.listings),
            "latest": [item.as_dict() for item in project.listings[:LATEST]],
            "urls": sorted({url_of(p.path) for p in project.pages})}
