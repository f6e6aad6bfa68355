"""Website traffic from the web server's own access log, counted without keeping who visited.

Visitors are told apart by (address, browser) only in memory while the file is read; what is
stored are the day's counts per page: visits, visitors, returning visitors (seen on an earlier
day of the same log), downloads of attached files and arrivals from other sites (links in).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from warta.metrics.model import Snapshot
from warta.timeutil import WIB

LINE = re.compile(r'^(?P<ip>\S+) \S+ \S+ \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<target>\S+) [^"]*" '
                  r'(?P<status>\d{3}) \S+(?: "(?P<referer>[^"]*)" "(?P<agent>[^"]*)")?')
BOTS = re.compile(r"bot|crawl|spider|slurp|headless|monitor|curl|wget|python-requests", re.I)
ASSETS = re.compile(r"\.(css|js|mjs|map|json|xml|txt|ico|woff2?|ttf|svg|webp|png|gif|avif|wasm|pf_\w+)$|/pagefind/|"
                    r"/_media/|/assets/", re.I)
DOWNLOADS = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|jpe?g|mp4|mov|mp3|csv)$", re.I)


@dataclass
class _Page:
    visits: int = 0
    downloads: int = 0
    links_in: int = 0
    visitors: set[str] = field(default_factory=set)


@dataclass
class AccessLogResult:
    snapshots: list[Snapshot]
    lines: int
    skipped: int
    problems: list[str]


def _page(target: str) -> str:
    path = urlsplit(target).path or "/"
    path = re.sub(r"/index\.html$", "/", path)
    return path if path.endswith("/") or DOWNLOADS.search(path) else path + "/"


def parse_access_log(lines: Iterable[str], *, agencies: set[str], site_host: str, name: str,
                     at: str) -> AccessLogResult:
    """Daily per-page counts (WIB days) from Common/Combined Log Format lines."""
    pages: dict[tuple[str, str, str], _Page] = defaultdict(_Page)
    first_day: dict[str, str] = {}
    problems: list[str] = []
    count = skipped = 0
    for number, line in enumerate(lines, 1):
        count += 1
        match = LINE.match(line.strip())
        if match is None:
            if line.strip() and len(problems) < 10:
                problems.append(f"{name}:{number}: baris tidak berformat log akses (Common/Combined).")
            skipped += 1
            continue
        agent = match["agent"] or ""
        if match["method"] != "GET" or match["status"] not in ("200", "304") or BOTS.search(agent):
            skipped += 1
            continue
        try:
            when = datetime.strptime(match["when"], "%d/%b/%Y:%H:%M:%S %z").astimezone(WIB)
        except ValueError:
            skipped += 1
            continue
        page = _page(match["target"])
        download = bool(DOWNLOADS.search(page))
        if ASSETS.search(page) and not download:
            skipped += 1
            continue
        first = page.strip("/").split("/", 1)[0]
        agency = first if first in agencies else "portal"
        day = when.date().isoformat()
        entry = pages[(day, agency, page)]
        if download:
            entry.downloads += 1
            continue
        visitor = hashlib.sha256(f"{match['ip']}|{agent}".encode()).hexdigest()
        entry.visits += 1
        entry.visitors.add(visitor)
        first_day.setdefault(visitor, day)
        first_day[visitor] = min(first_day[visitor], day)
        referer = urlsplit(match["referer"] or "").hostname
        if referer and referer != site_host:
            entry.links_in += 1
    snapshots = []
    for (day, agency, page), entry in sorted(pages.items()):
        returning = sum(1 for v in entry.visitors if first_day[v] < day)
        values = {"visits": entry.visits, "visitors": len(entry.visitors), "returning_visitors": returning,
                  "downloads": entry.downloads, "links_in": entry.links_in}
        snapshots.append(Snapshot("website", "website", agency, page, page, day, at, "import:access-log",
                                  values, {"log": name}))
    return AccessLogResult(snapshots, count, skipped, problems)
