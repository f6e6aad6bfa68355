"""`warta rencana`: the plan items (Pedoman VII.1, VII.2) per agency and month."""

from __future__ import annotations

import re
from pathlib import Path

from rich.markup import escape

from warta.content.plans import load_plans
from warta.errors import UsageError
from warta.output import console, print_json
from warta.project import find_root
from warta.roster.load import load_roster
from warta.schema import suggest

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def parse_month(value: str | None, option: str = "--bulan") -> str | None:
    if value is not None and not MONTH.match(value):
        raise UsageError(f"`{option} {value}` bukan bulan (contoh: 2026-11).")
    return value


def rencana_command(agency: str | None, month: str | None, fmt: str, *, root: Path | None = None) -> int:
    month = parse_month(month)
    root = root or find_root()
    roster = load_roster(root).roster
    if agency is not None and roster.agency(agency) is None:
        raise UsageError(f"Perangkat daerah `{agency}` tidak ada di roster/.{suggest(agency, roster.slugs())}")
    plans, findings = load_plans(root, roster, [agency] if agency else None)
    items = sorted((i for i in plans if month is None or i.month == month),
                   key=lambda i: (i.agency, i.start, i.id))
    if fmt == "json":
        print_json([i.as_dict() for i in items])
        return 0
    if not items:
        console.print("Belum ada rencana" + (f" untuk {month}" if month else "") + ".")
    current = ""
    for item in items:
        if item.agency != current:
            current = item.agency
            console.print(f"\n[bold]{escape(roster.agencies[current].name if current in roster.agencies else current)}"
                          "[/]")
        where = f" · {escape(item.place)}" if item.place else ""
        team = f" · tim: {escape(', '.join(item.team))}" if item.team else ""
        shown = "publik" if item.public else "internal"
        console.print(f"  {item.start:%Y-%m-%d %H.%M} [{item.status}] {escape(item.title)} ({item.kind}, {shown})"
                      f"{where}{team} — id `{escape(item.id)}`" + (f" → {escape(item.post)}" if item.post else ""))
    if findings:
        console.print(f"\n[yellow]{len(findings)} masalah di berkas rencana; jalankan `warta check`.[/]")
    return 0
