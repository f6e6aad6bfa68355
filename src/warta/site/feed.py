"""The RSS 2.0 feed of an agency, written with ElementTree (which escapes every string).

RSS `<description>` is HTML (readers render it), so the plain-text summary is HTML-escaped
before ElementTree escapes it again for XML: a summary like `<img onerror=…>` reads as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.utils import format_datetime
from html import escape
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

if TYPE_CHECKING:
    from warta.site.pages import Listing


def rss(title: str, base_url: str, description: str, items: Sequence[Listing]) -> bytes:
    root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = title
    ET.SubElement(channel, "link").text = base_url
    ET.SubElement(channel, "description").text = escape(description, quote=False)
    ET.SubElement(channel, "language").text = "id"
    for listing in items:
        item = ET.SubElement(channel, "item")
        link = base_url + listing.url
        ET.SubElement(item, "title").text = listing.title
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", isPermaLink="true").text = link
        ET.SubElement(item, "pubDate").text = format_datetime(
            datetime.fromisoformat(listing.date_iso))
        if listing.summary:
            ET.SubElement(item, "description").text = escape(listing.summary, quote=False)
        if listing.category:
            ET.SubElement(item, "category").text = listing.category
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
