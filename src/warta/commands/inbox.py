"""`warta inbox`: comments the agency has not answered yet, questions first (for staff only)."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.table import Table

from warta.errors import UsageError
from warta.output import console, err_console, print_json
from warta.project import find_root
from warta.timeutil import now_wib

UNAVAILABLE = "(teks tidak tersedia)"


def inbox_command(agency: str | None, store: Path | None, fmt: str = "text", limit: int = 50) -> int:
    from warta.metrics.classifier import accuracy_note
    from warta.metrics.collect import comment_texts
    from warta.metrics.inbox import InboxItem, format_age, unanswered
    from warta.metrics.store import DEFAULT_STORE, Store
    from warta.roster.load import load_roster

    root = find_root()
    roster = load_roster(root).roster
    if agency and roster.agency(agency) is None:
        raise UsageError(f"Perangkat daerah `{agency}` tidak ada di roster/. Contoh slug: "
                         f"{', '.join(roster.slugs()[:3])}.")
    items = unanswered(Store(store or root / DEFAULT_STORE).comments(), now_wib(), agency)
    shown = items if fmt == "json" else items[:limit]
    # The store keeps no comment text (it lives on a public branch): read it from the network now.
    texts = comment_texts([i.comment for i in shown])

    def text_of(item: InboxItem) -> str:
        return texts.get((item.comment.network, item.comment.comment_id)) or UNAVAILABLE

    if fmt == "json":
        print_json([{"agency": i.comment.agency, "network": i.comment.network, "post_id": i.comment.post_id,
                     "comment_id": i.comment.comment_id, "question": i.question, "age_hours": i.age_hours,
                     "sentiment": i.sentiment, "text": text_of(i), "permalink": i.comment.permalink,
                     "sumber": i.comment.source}
                    for i in items])
        return 0
    if not items:
        console.print("Tidak ada komentar yang menunggu jawaban.")
        return 0
    questions = sum(i.question for i in items)
    table = Table(title=f"{len(items)} komentar belum dijawab ({questions} pertanyaan)")
    for column in ("Umur", "Jenis", "Sentimen", "Sumber", "Jaringan", "Perangkat daerah", "ID", "Komentar"):
        table.add_column(column)
    for item in shown:
        table.add_row(format_age(item.age_hours), "Pertanyaan" if item.question else "Komentar", item.sentiment,
                      item.comment.source, item.comment.network, item.comment.agency, item.comment.comment_id,
                      escape(text_of(item)[:160]))
    console.print(table)
    console.print(f"Sentimen: {accuracy_note()}. Balas dengan `warta inbox reply ID --text \"…\"`.")
    if len(items) > limit:
        console.print(f"… dan {len(items) - limit} lagi (pakai --format json untuk semuanya).")
    return 0


def reply_command(comment_id: str, text: str, network: str | None, by: str | None, store: Path | None) -> int:
    """Answer one comment through the network's API, exactly once (warta.metrics.reply)."""
    import os

    from warta.metrics.reply import ReplyConfig, default_by, find_comment, send_reply, store_dir
    from warta.metrics.store import Store
    from warta.roster.load import load_roster

    root = find_root()
    target = Store(store_dir(root, store))
    comment = find_comment(target.comments(), comment_id, network.lower() if network else None)
    outcome = send_reply(comment, text, ReplyConfig(store=target, province=load_roster(root).roster.province,
                                                    by=by or default_by(), env=os.environ, now=now_wib))
    link = f" {outcome.permalink}" if outcome.permalink else ""
    if outcome.status in ("sent", "already"):
        console.print(escape(outcome.message) + link)
        return 0
    err_console.print(f"[red]{escape(outcome.message)}[/]")
    return 1
