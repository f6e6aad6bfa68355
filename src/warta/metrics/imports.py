"""`warta metrics import FILE --network NAME`: the CSV exports staff already download.

Each layout names the columns it reads (case-insensitive); a file is recognised by its
`signature` columns. Values become cumulative post snapshots (source `import:<layout>`)
matched to the ledger's copies by network post id or permalink; website counter files
become daily website snapshots.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from warta.errors import UsageError
from warta.metrics.model import PublishedCopy, Snapshot


@dataclass(frozen=True)
class Layout:
    name: str
    network: str
    title: str
    signature: tuple[str, ...]
    id_columns: tuple[str, ...]  # network post id, or permalink
    values: dict[str, tuple[str, ...]]  # canonical field → candidate columns (first present wins)
    skip_first_column: tuple[str, ...] = ()  # e.g. YouTube Studio's "Total" row
    kind: str = "post"
    extra: dict[str, str] = field(default_factory=dict)


LAYOUTS: tuple[Layout, ...] = (
    Layout("meta-facebook", "facebook", "Meta Business Suite, Facebook: Insights → Konten → Ekspor",
           ("Post ID", "Page ID", "Permalink", "Reach"), ("Post ID", "Permalink"),
           {"views": ("Views", "Impressions"), "reach": ("Reach",), "likes": ("Reactions",),
            "comments": ("Comments",), "shares": ("Shares",), "clicks": ("Total clicks", "Link clicks")}),
    Layout("meta-instagram", "instagram", "Meta Business Suite, Instagram: Insights → Konten → Ekspor",
           ("Post ID", "Account username", "Permalink"), ("Post ID", "Permalink"),
           {"views": ("Views", "Impressions"), "reach": ("Reach",), "likes": ("Likes",),
            "comments": ("Comments",), "shares": ("Shares",), "saves": ("Saves",),
            "new_followers": ("Follows",)}),
    Layout("youtube-studio", "youtube", "YouTube Studio: Analytics → Mode lanjutan → Ekspor (Table data.csv)",
           ("Content", "Video title", "Views"), ("Content",),
           {"views": ("Views",), "likes": ("Likes",), "comments": ("Comments added",),
            "shares": ("Shares",), "new_followers": ("Subscribers gained",),
            "lost_followers": ("Subscribers lost",)}, skip_first_column=("Total",)),
    Layout("x-analytics", "x", "X Analytics: Konten → Ekspor data (account_analytics_content)",
           ("Post id", "Impressions", "Reposts"), ("Post id", "Post Link"),
           {"views": ("Impressions",), "likes": ("Likes",), "shares": ("Reposts",), "comments": ("Replies",),
            "saves": ("Bookmarks",), "clicks": ("URL Clicks",), "new_followers": ("New follows",)}),
    Layout("x-tweet-activity", "x", "X/Twitter Analytics lama: tweet_activity_metrics",
           ("Tweet id", "impressions", "engagements"), ("Tweet id", "Tweet permalink"),
           {"views": ("impressions",), "likes": ("likes",), "shares": ("retweets",), "comments": ("replies",),
            "clicks": ("url clicks",), "new_followers": ("follows",)}),
    Layout("tiktok-studio", "tiktok", "TikTok Studio: Analitik → Konten → Unduh data",
           ("Video link", "Total views"), ("Video link",),
           {"views": ("Total views",), "likes": ("Total likes",), "comments": ("Total comments",),
            "shares": ("Total shares",), "saves": ("Total favorites", "Add to Favorites"),
            "new_followers": ("New followers",)}),
    Layout("website", "website", "Penghitung situs Warta (CSV harian per halaman)",
           ("tanggal", "perangkat_daerah", "halaman", "kunjungan"), ("halaman",),
           {"visits": ("kunjungan",), "visitors": ("pengunjung",), "returning_visitors": ("pengunjung_kembali",),
            "downloads": ("unduhan",), "links_in": ("tautan_masuk",)}, kind="website"),
)
NETWORK_NAMES = sorted({lay.network for lay in LAYOUTS})


@dataclass
class ImportResult:
    layout: str
    rows: int = 0
    snapshots: list[Snapshot] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def _norm(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").strip().lower().split())


def detect(headers: list[str], network: str, file: str) -> Layout:
    have = {_norm(h) for h in headers}
    candidates = [lay for lay in LAYOUTS if lay.network == network]
    if not candidates:
        raise UsageError(f"Jaringan `{network}` tidak dikenal untuk impor. Pilih salah satu: "
                         f"{', '.join(NETWORK_NAMES)}.")
    for layout in candidates:
        if all(_norm(s) in have for s in layout.signature):
            return layout
    expected = "; ".join(f"{lay.title}: kolom {', '.join(lay.signature)}" for lay in candidates)
    raise UsageError(f"{file}:1: susunan kolom tidak dikenali untuk {network}. Kolom di berkas: "
                     f"{', '.join(h.strip() for h in headers[:12]) or '(kosong)'}. Yang dikenali: {expected}.")


def _number(text: str) -> int | None:
    cleaned = text.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if cleaned in ("", "-", "--"):
        return 0
    if cleaned.endswith("%"):
        return None
    try:
        return int(float(cleaned))
    except ValueError:
        return None


def read_csv(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: berkas tidak dapat dibaca ({exc.strerror}).") from None
    text = raw.decode("utf-8-sig", errors="replace")
    dialect = csv.excel_tab if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = list(reader)
    if not rows:
        raise UsageError(f"{path}:1: berkas kosong.")
    headers = rows[0]
    keyed = [(number, {_norm(h): (row[i] if i < len(row) else "") for i, h in enumerate(headers)})
             for number, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    return headers, keyed


def import_csv(path: Path, network: str, copies: list[PublishedCopy], *, day: str, at: str) -> ImportResult:
    """Parse an export; every bad cell is reported with its line before anything is stored."""
    headers, rows = read_csv(path)
    layout = detect(headers, network, str(path))
    result = ImportResult(layout.name)
    index: dict[str, PublishedCopy] = {}
    for known in copies:
        if known.channel == network:
            index[known.network_post_id] = known
            index[known.network_post_id.split("_")[-1]] = known
            if known.permalink:
                index[known.permalink.rstrip("/")] = known
    problems: list[str] = []
    for line, row in rows:
        first = row.get(_norm(headers[0]), "").strip()
        if layout.skip_first_column and first in layout.skip_first_column:
            continue
        values: dict[str, int] = {}
        raw: dict[str, str] = {}
        for name, columns in layout.values.items():
            column = next((c for c in columns if _norm(c) in row), None)
            if column is None:
                continue
            number = _number(row[_norm(column)])
            if number is None:
                problems.append(f"{path}:{line}: kolom `{column}` berisi `{row[_norm(column)]}`, bukan angka.")
                continue
            values[name], raw[column] = number, row[_norm(column)]
        result.rows += 1
        if layout.kind == "website":
            agency = row.get("perangkat_daerah", "").strip()
            page = row.get("halaman", "").strip()
            when = row.get("tanggal", "").strip()
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", when) or not agency:
                problems.append(f"{path}:{line}: `tanggal` harus YYYY-MM-DD dan `perangkat_daerah` diisi.")
                continue
            result.snapshots.append(Snapshot("website", "website", agency, page, page, when, at,
                                             f"import:{layout.name}", values, raw))
            continue
        ids = [row.get(_norm(c), "").strip() for c in layout.id_columns]
        ids += [i.rstrip("/").rsplit("/", 1)[-1] for i in ids if "/" in i]
        copy = next((index[i.rstrip("/")] for i in ids if i and i.rstrip("/") in index), None)
        if copy is None:
            result.unmatched.append(next((i for i in ids if i), f"baris {line}"))
            continue
        result.snapshots.append(Snapshot("post", network, copy.agency, copy.post_id, copy.network_post_id, day, at,
                                         f"import:{layout.name}", values, raw))
    if problems:
        more = f" (dan {len(problems) - 10} lagi)" if len(problems) > 10 else ""
        raise UsageError("Berkas impor tidak valid; tidak ada yang disimpan.\n" + "\n".join(problems[:10]) + more)
    return result


def today_stamp(now: datetime) -> tuple[str, str]:
    from warta.timeutil import WIB

    return now.astimezone(WIB).date().isoformat(), now.isoformat(timespec="seconds")
