"""One post's page: the article, its public record ("Jejak publikasi"), corrections,
share links, related posts and previous/next; or only the notice when it is withdrawn."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from warta.channels.networks import NETWORK_LABELS
from warta.content.models import MediaItem, Post
from warta.formatting import tanggal
from warta.site.images import ResponsiveImage
from warta.site.news import article_ld, card, json_ld, related, share_links
from warta.site.pages import Listing, relative, root_of, without_nip
from warta.site.text import esc, plain_excerpt, reading_minutes, slugify
from warta.timeutil import WIB

if TYPE_CHECKING:
    from warta.site.project import _Builder

BODY_MARK = "<!--warta:body-->"  # where the author's Markdown goes in post.md.j2
ImageLookup = Callable[[MediaItem], ResponsiveImage | None]


def waktu(when: datetime) -> str:
    """`20 November 2026, 09.15 WIB`."""
    local = when.astimezone(WIB)
    return f"{tanggal(local)}, {local.hour:02d}.{local.minute:02d} WIB"


def _when(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def image_view(image: ResponsiveImage, item: MediaItem, root: str) -> dict[str, Any]:
    default = image.default()
    return {"src": f"{root}_media/{default.name}",
            "srcset": ", ".join(f"{root}_media/{v.name} {v.width}w" for v in image.variants),
            "width": default.width, "height": default.height,
            "alt": item.alt, "credit": item.credit}


def post_listing(post: Post, url: str, image_for: ImageLookup) -> tuple[Listing, list[Any]]:
    """The post as lists show it, and its readable images (item, responsive image)."""
    images = [(item, img) for item in post.media if (img := image_for(item)) is not None]
    first = images[0][1] if images else None
    default = first.default() if first else None
    listing = Listing(post.title, url, post.goes_live.isoformat(), tanggal(post.goes_live),
                      post.summary or plain_excerpt(post.body), post.category,
                      reading_minutes(post.body),
                      f"_media/{default.name}" if default else "", {"tags": list(post.tags)},
                      tuple((f"_media/{v.name}", v.width) for v in first.variants if v.width <= 960)
                      if first else (),
                      default.width if default else 0, default.height if default else 0)
    return listing, images


def public_record(b: _Builder, post: Post, approvals: Sequence[Mapping[str, Any]],
                  copies: Mapping[str, str]) -> dict[str, Any]:
    """Who wrote, who approved and when, the merged PR, the copies, the corrections. Only what
    was recorded: a post without an approval record says so."""
    member = b.agency.member(post.author) if post.author else None
    rows = []
    for record in sorted(approvals, key=lambda r: str(r.get("merged_at") or "")):
        merged = _when(record.get("merged_at"))
        url = str(record.get("url") or "")
        rows.append({
            "pr": record.get("pr"), "url": url if url.startswith("https://") else "",
            "merged_text": waktu(merged) if merged else "",
            "approvers": [{"name": without_nip(str(a.get("name") or a.get("login") or "")),
                           "role": without_nip(str(a.get("role") or "")),
                           "at_text": waktu(at) if (at := _when(a.get("at"))) else ""}
                          for a in record.get("approvers") or [] if isinstance(a, Mapping)]})
    return {"author": without_nip(member.name if member and member.name else post.author),
            "jabatan": without_nip(member.jabatan) if member else "",
            "approvals": rows, "published_text": waktu(post.goes_live),
            "copies": [{"label": label, "url": copies[channel]} for channel, label in NETWORK_LABELS.items()
                       if copies.get(channel, "").startswith("https://")],
            "ralat": [{"date_iso": d.isoformat(), "date_text": waktu(d), "note": note}
                      for d, note in post.ralat]}


def render_post(b: _Builder, post: Post, listing: Listing, images: list[Any], *,
                listings: Sequence[Listing], index: int,
                approvals: Sequence[Mapping[str, Any]], copies: Mapping[str, str]) -> None:
    url = listing.url
    root = root_of(url)
    absolute = b.base_url + url
    category_url = f"{root}berita/kategori/{slugify(post.category)}/" if post.category else ""
    crumbs = [{"name": b.agency.label, "url": root or "./"}, {"name": "Berita", "url": f"{root}berita/"}]
    if post.category:
        crumbs.append({"name": post.category, "url": category_url})
    view: dict[str, Any] = {
        "title": post.title, "date_iso": listing.date_iso, "date_text": listing.date_text,
        "author": post.author, "summary": post.summary, "category": post.category,
        "category_url": category_url, "reading": listing.reading,
        "images": [image_view(img, item, root) for item, img in images],
        "video_url": b.video_href(post.video or ""), "breadcrumb": crumbs,
        "share": share_links(absolute, post.title), "copy_url": absolute,
        "tags": [{"name": t, "url": f"{root}tag/{slugify(t)}/"} for t in post.tags],
        "record": public_record(b, post, approvals, copies),
        "withdrawn": {"date_text": waktu(post.dicabut[0]), "reason": post.dicabut[1]}
        if post.dicabut else None,
        "related": [card(r.as_dict(), "", url) for r in related(listing, listings)],
        "newer": None, "older": None}
    if post.dicabut is None and index >= 0:
        if index > 0:
            view["newer"] = {"title": listings[index - 1].title, "url": relative(url, listings[index - 1].url)}
        if index + 1 < len(listings):
            view["older"] = {"title": listings[index + 1].title, "url": relative(url, listings[index + 1].url)}
    first = images[0] if images and post.dicabut is None else None
    summary = f"Berita ini telah dicabut. {post.dicabut[1]}" if post.dicabut else listing.summary
    modified = max([post.goes_live, *(d for d, _ in post.ralat)])
    og = {"type": "article", "site_name": esc(b.agency.name), "title": esc(post.title),
          "description": esc(summary), "url": esc(absolute),
          "image": esc(b.base_url + "_media/" + first[1].largest.name) if first else "",
          "image_width": first[1].largest.width if first else 0,
          "image_height": first[1].largest.height if first else 0,
          "image_alt": esc(first[0].alt) if first else "",
          "published": post.goes_live.isoformat()}
    ld = json_ld(article_ld(title=post.title, url=absolute, published=post.goes_live.isoformat(),
                            modified=modified.isoformat(), description=summary,
                            author=view["record"]["author"], agency=b.agency, agency_url=b.base_url,
                            image=b.base_url + "_media/" + first[1].largest.name if first else ""))
    before, _, after = b.render("post.md.j2", post=view, body=Markup(BODY_MARK),
                                root=root).partition(BODY_MARK)
    meta: dict[str, Any] = {"description": esc(summary), "warta_og": og, "warta_feed": f"{root}feed.xml",
                            "warta_jsonld": ld}
    if post.dicabut is None:
        meta["warta_post"] = True
    b.page(url[:-1] + ".md", post.title, before, body="" if post.dicabut else post.body,
           after=after, **meta)
