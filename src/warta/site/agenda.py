"""The public agenda of one agency: an "Agenda" page and `agenda.ics` (RFC 5545).

Only items the content stage hands over as public (`warta.content.plans.public_items`) get
here; internal items never reach the site. The iCalendar text is written by the maintained
`icalendar` library (folding, escaping and the VEVENT grammar are its job, not ours).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, timedelta
from typing import Any

from icalendar import Calendar, Event

from warta.content.models import Post
from warta.content.plans import PlanItem
from warta.formatting import bulan_tahun, tanggal

STATUS_LABELS = {"direncanakan": "Direncanakan", "diliput": "Sudah diliput", "terbit": "Sudah terbit",
                 "batal": "Batal"}
KIND_LABELS = {"liputan": "Liputan", "konten": "Konten", "siaran pers": "Siaran pers",
               "siaran langsung": "Siaran langsung"}
DEFAULT_LENGTH = timedelta(hours=1)


def realising_posts(items: Sequence[PlanItem], posts: Sequence[Post]) -> dict[str, Post]:
    """Plan item id -> the published post that realised it (named by the item or naming it)."""
    by_path = {p.path: p for p in posts}
    found = {p.rencana: p for p in posts if p.rencana}
    for item in items:
        if item.post and item.post in by_path:
            found[item.id] = by_path[item.post]
    return {i.id: found[i.id] for i in items if i.id in found}


def agenda_view(items: Sequence[PlanItem], post_urls: dict[str, str]) -> list[dict[str, Any]]:
    """Months (oldest first) with their public items, as plain strings for the template;
    `post_urls` maps an item id to the page link of the post that realised it."""
    months: dict[str, dict[str, Any]] = {}
    for item in items:
        key = item.start.strftime("%Y-%m")
        month = months.setdefault(key, {"name": bulan_tahun(item.start),
                                        "items": []})
        end = f"–{item.end:%H.%M}" if item.end and item.end.date() == item.start.date() else ""
        month["items"].append({
            "id": "rencana-" + item.id.replace("#", "-"), "title": item.title, "date": tanggal(item.start),
            "time": f"{item.start:%H.%M}{end} WIB", "place": item.place,
            "kind": KIND_LABELS.get(item.kind, item.kind), "tema": item.tema,
            "status": STATUS_LABELS.get(item.status, item.status), "cancelled": item.status == "batal",
            "post_url": post_urls.get(item.id, ""),
        })
    return [months[k] for k in sorted(months)]


def agenda_ics(calendar_name: str, base_url: str, slug: str, items: Sequence[PlanItem],
               post_urls: dict[str, str]) -> bytes:
    """The VCALENDAR of the public items; times in UTC (no VTIMEZONE needed); `post_urls`
    maps an item id to its post's URL relative to the shard root."""
    cal = Calendar()
    cal.add("prodid", "-//Warta//Agenda Perangkat Daerah Provinsi Bengkulu//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Agenda {calendar_name}")
    cal.add("x-wr-timezone", "Asia/Jakarta")
    for item in items:
        event = Event()
        start = item.start.astimezone(UTC)
        event.add("uid", f"{item.id}@{slug}.agenda.warta")
        # DTSTAMP is required; the item's own start keeps the file byte-identical between
        # builds (a build-time stamp would change every shard's cache key for nothing).
        event.add("dtstamp", start)
        event.add("dtstart", start)
        event.add("dtend", (item.end or item.start + DEFAULT_LENGTH).astimezone(UTC))
        event.add("summary", item.title)
        if item.place:
            event.add("location", item.place)
        description = [KIND_LABELS.get(item.kind, item.kind)]
        if item.tema:
            description.append(f"Tema: {item.tema}")
        event.add("description", ". ".join(description) + ".")
        event.add("categories", [KIND_LABELS.get(item.kind, item.kind)])
        event.add("status", "CANCELLED" if item.status == "batal" else "CONFIRMED")
        event.add("url", base_url + post_urls.get(item.id, "agenda/"))
        cal.add_component(event)
    return cal.to_ical()
