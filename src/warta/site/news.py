"""The news layout's data: agency identity (logo or initials badge), cards with thumbnails,
share links, related posts, JSON-LD. Pure functions returning plain data for the templates."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from warta.roster.models import Agency
from warta.site.pages import Listing, relative, root_of

_STOP = {"dan", "dari", "di", "ke", "provinsi", "bengkulu", "daerah", "&"}


def initials(agency: Agency) -> str:
    """Two to four letters for the badge: a short name that is already an acronym, else the
    first letters of the name's significant words (`Dinas Kesehatan` -> `DK`)."""
    short = agency.short_name.strip()
    if short and " " not in short and short.isupper() and len(short) <= 5:
        return short
    words = [w for w in re.findall(r"[A-Za-z0-9]+", agency.name) if w.lower() not in _STOP]
    letters = "".join(w[0].upper() for w in words[:3])
    return letters or agency.slug[:2].upper()


def badge_hue(slug: str) -> int:
    """One of twelve colours (warta.css `.warta-hue-N`), stable per agency across builds."""
    return int(hashlib.sha256(slug.encode()).hexdigest()[:4], 16) % 12


def identity(agency: Agency) -> dict[str, Any]:
    """Name, kind, logo (an https:// URL from the roster) or the generated badge, contact."""
    contact = {k: v for k, v in agency.contact.items()
               if k not in ("logo", "maps_url") or v.startswith("https://")}
    email = contact.get("email", "")
    phone = contact.get("phone", "")
    return {"name": agency.name, "label": agency.label, "kind": agency.kind,
            "slug": agency.slug, "logo": contact.get("logo", ""), "initials": initials(agency),
            "hue": badge_hue(agency.slug), "address": contact.get("address", ""),
            "phone": phone, "phone_href": "tel:" + re.sub(r"[^0-9+]", "", phone) if phone else "",
            "email": email, "email_href": "mailto:" + email if "@" in email else "",
            "hours": contact.get("hours", ""), "maps_url": contact.get("maps_url", "")}


def card(listing: dict[str, Any], prefix: str = "", from_url: str | None = None) -> dict[str, Any]:
    """A listing as a card: URL and thumbnail relative to the page (`prefix` leads to the
    shard root from the page, e.g. `dinas-x/` on the portal; or give the page's `from_url`)."""
    thumbs = listing.get("thumbs") or []
    if from_url is not None:
        prefix = root_of(from_url)
    return {**listing,
            "url": relative(from_url, listing["url"]) if from_url is not None else prefix + listing["url"],
            "image": prefix + listing["image"] if listing.get("image") else "",
            "srcset": ", ".join(f"{prefix}{name} {width}w" for name, width in thumbs),
            "width": listing.get("width") or 0, "height": listing.get("height") or 0}


def share_links(url: str, title: str) -> list[dict[str, str]]:
    """Plain links to each network's share page: no third-party script on the site."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return [{"label": "WhatsApp", "url": f"https://wa.me/?text={t}%20{u}"},
            {"label": "Facebook", "url": f"https://www.facebook.com/sharer/sharer.php?u={u}"},
            {"label": "X", "url": f"https://x.com/intent/post?text={t}&url={u}"},
            {"label": "Telegram", "url": f"https://t.me/share/url?url={u}&text={t}"}]


def related(listing: Listing, listings: Sequence[Listing], limit: int = 3) -> list[Listing]:
    """Other posts sharing the most tags (then the same category), newest first among equals."""
    tags = set(listing.extra.get("tags") or ())
    scored = []
    for index, other in enumerate(listings):
        if other.url == listing.url:
            continue
        shared = len(tags & set(other.extra.get("tags") or ()))
        score = shared * 2 + (1 if listing.category and other.category == listing.category else 0)
        if score:
            scored.append((-score, index, other))
    return [other for _, _, other in sorted(scored, key=lambda s: (s[0], s[1]))[:limit]]


def json_ld(data: dict[str, Any]) -> Markup:
    """A JSON-LD block. `<`, `>` and `&` are written as JSON escapes, so no string can close
    the element or open a comment in it (the browser does not run it: it is data)."""
    text = (json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))
    return Markup(f'<script type="application/ld+json">{text}</script>')


def organization_ld(agency: Agency, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "GovernmentOrganization",
                            "name": agency.name, "url": url}
    info = identity(agency)
    if info["logo"]:
        data["logo"] = info["logo"]
    if info["address"]:
        data["address"] = info["address"]
    if info["phone"]:
        data["telephone"] = info["phone"]
    if info["email"]:
        data["email"] = info["email"]
    return data


def article_ld(*, title: str, url: str, published: str, modified: str, description: str,
               author: str, agency: Agency, agency_url: str, image: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title[:110],
        "mainEntityOfPage": url, "url": url, "datePublished": published, "dateModified": modified,
        "description": description, "inLanguage": "id",
        "publisher": {"@type": "GovernmentOrganization", "name": agency.name, "url": agency_url}}
    if author:
        data["author"] = {"@type": "Person", "name": author}
    if image:
        data["image"] = [image]
    return data
