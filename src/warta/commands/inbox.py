"""`warta inbox`: comments the agency has not answered yet, questions first (for staff only)."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.table import Table

from warta.errors import UsageError
from warta.output import console, print_json
from warta.project import find_root
from warta.timeutil import now_wib


def inbox_command(agency: str | None, store: Path | None, fmt: str = "text", limit: int = 50) -> int:
    from warta.metrics.inbox import format_age, unanswered
    from warta.metrics.store import DEFAULT_STORE, Store
    from warta.roster.load import load_roster

    root = find_root()
    roster = load_roster(root).roster
    if agency and roster.agency(agency) is None:
        raise UsageError(f"Perangkat daerah `{agency}` tidak ada di roster/. Contoh slug: "
                         f"{', '.join(roster.slugs()[:3])}.")
    items = unanswered(Store(store or root / DEFAULT_STORE).comments(), now_wib(), agency)
    if fmt == "json":
        print_json([{"agency": i.comment.agency, "network": i.comment.network, "post_id": i.comment.post_id,
                     "comment_id": i.comment.comment_id, "question": i.question, "age_hours": i.age_hours,
                     "sentiment": i.sentiment, "text": i.comment.text, "permalink": i.comment.permalink}
                    for i in items])
        return 0
    if not items:
        console.print("Tidak ada komentar yang menunggu jawaban.")
        return 0
    questions = sum(i.question for i in items)
    table = Table(title=f"{len(items)} komentar belum dijawab ({questions} pertanyaan)")
    for column in ("Umur", "Jenis", "Sentimen", "Jaringan", "Perangkat daerah", "Komentar"):
        table.add_column(column)
    for item in items[:limit]:
        table.add_row(format_age(item.age_hours), "Pertanyaan" if item.question else "Komentar", item.sentiment,
                      item.comment.network, item.comment.agency, escape(item.comment.text[:160]))
    console.print(table)
    if len(items) > limit:
        console.print(f"… dan {len(items) - limit} lagi (pakai --format json untuk semuanya).")
    return 0
