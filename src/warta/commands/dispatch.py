"""`warta dispatch plan|run|due|confirm`: map options to warta.dispatch and print the result."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.markup import escape

from warta.commands import parse_now
from warta.dispatch import gitrange
from warta.dispatch.ledger import DEFAULT_LEDGER, Ledger, confirm
from warta.dispatch.model import NETWORK_LABELS, Key, Outcome
from warta.dispatch.plan import Plan, plan_due, plan_range
from warta.dispatch.run import GitMedia, RunConfig, execute, exit_code, record_links, summary_counts
from warta.errors import UsageError
from warta.output import console, err_console, print_json
from warta.project import find_root

LABELS = {"sent": ("green", "✓ terkirim"), "already": ("dim", "= sudah ada"),
          "reconciled": ("green", "✓ dicocokkan"), "failed": ("red", "✗ gagal"),
          "uncertain": ("yellow", "? tidak pasti"), "scheduled": ("cyan", "… terjadwal"),
          "dry-run": ("blue", "▷ uji coba")}
SUMMARY = {"sent": "terkirim", "already": "sudah ada", "reconciled": "dicocokkan", "failed": "gagal",
           "uncertain": "tidak pasti", "scheduled": "terjadwal", "dry-run": "uji coba"}


def _ledger(path: Path | None) -> Ledger:
    folder = path or DEFAULT_LEDGER
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"`--ledger {folder}` bukan folder.")
    return Ledger(folder)


def _fmt(fmt: str, allowed: tuple[str, ...] = ("text", "json")) -> str:
    if fmt not in allowed:
        raise UsageError(f"`--format {fmt}` tidak dikenal; pilih {' atau '.join(allowed)}.")
    return fmt


def _make_plan(before: str | None, after: str | None, now: datetime, ledger: Ledger) -> tuple[Path, Plan]:
    if not before or not after:
        raise UsageError("Isi `--before SHA` dan `--after SHA` (commit sebelum dan sesudah push).")
    root = find_root()
    return root, plan_range(root, before, after, now, ledger)


def plan_command(before: str | None, after: str | None, *, now: str | None, ledger: Path | None,
                 dry_run: bool = False, fmt: str = "json") -> int:
    """Print the plan: a JSON list of items (text with `--format text`); never sends."""
    fmt = _fmt(fmt)
    _, plan = _make_plan(before, after, parse_now(now), _ledger(ledger))
    for note in plan.notes:
        err_console.print(escape(note))
    if fmt == "json":
        print_json([item.as_json() for item in plan.items])
    else:
        for item in plan.items:
            console.print(f"{item.status:9} {item.network:9} {escape(item.key.agency)}  {escape(item.post.path)}"
                          f"  ({item.due_at.isoformat()})")
        console.print(f"{len(plan.due)} siap dikirim, {len(plan.scheduled)} terjadwal.")
    return 0


def _execute(root: Path, plan: Plan, ledger: Ledger, dry_run: bool, fmt: str) -> int:
    repo = gitrange.open_repo(root)
    if not dry_run:
        record_links(plan.links, ledger)
    outcomes = execute(plan.items, RunConfig(ledger=ledger, dry_run=dry_run), GitMedia(root, repo, plan.after))
    covered = {o.item.key for o in outcomes}
    leftovers = [] if dry_run else [(k, s) for k, s in ledger.uncertain() if k not in covered]
    code = max(exit_code(outcomes), 1 if leftovers else 0)
    if fmt == "json":
        print_json({"mode": plan.mode, "before": plan.before, "after": plan.after, "dry_run": dry_run,
                    "outcomes": [o.as_json() for o in outcomes],
                    "uncertain_in_ledger": [_leftover_json(k, s.last) for k, s in leftovers],
                    "notes": plan.notes, "exit_code": code})
        return code
    for note in plan.notes:
        console.print(f"[dim]{escape(note)}[/]")
    for outcome in outcomes:
        _print_outcome(outcome)
    for key, state in leftovers:
        console.print(f"[yellow]? tidak pasti[/] {NETWORK_LABELS.get(key.channel, key.channel)} "
                      f"{escape(key.agency)}  {escape(key.post_id)}\n    Tercatat di ledger sebagai percobaan "
                      f"tanpa hasil ({escape(str((state.last or {}).get('at')))}); berita ini tidak ada di rencana "
                      "kali ini. Periksa akunnya lalu jalankan `warta dispatch confirm`.")
    counts = summary_counts(outcomes)
    if leftovers:
        counts["uncertain"] = counts.get("uncertain", 0) + len(leftovers)
    parts = [f"{n} {SUMMARY[s]}" for s, n in counts.items()]
    console.print("Ringkasan: " + (", ".join(parts) if parts else "tidak ada yang perlu dikirim") + ".")
    if code:
        console.print("[red]Ada kiriman yang gagal atau tidak pasti; `warta dispatch due` akan mencoba lagi "
                      "yang bisa dicoba ulang.[/]")
    return code


def _leftover_json(key: Key, last: dict[str, Any] | None) -> dict[str, Any]:
    return {"agency": key.agency, "post_id": key.post_id, "channel": key.channel,
            "since": (last or {}).get("at")}


def _print_outcome(outcome: Outcome) -> None:
    item = outcome.item
    colour, label = LABELS.get(outcome.status, ("white", outcome.status))
    line = f"[{colour}]{label:13}[/] {item.network:9} {escape(item.key.agency)}  {escape(item.post.path)}"
    if outcome.permalink:
        line += f"  {escape(outcome.permalink)}"
    console.print(line)
    if outcome.message:
        console.print(f"    {escape(outcome.message)}")
    for call in outcome.requests:
        console.print(f"    {call['method']} {call['url']}", markup=False)
        for name, value in call["headers"].items():
            console.print(f"      {name}: {value}", markup=False)
        for part in ("json", "form"):
            if part in call:
                body = json.dumps(call[part], ensure_ascii=False, indent=2).replace("\n", "\n      ")
                console.print(f"      {part}: {body}", markup=False)
        for part in ("body", "files"):
            if part in call:
                console.print(f"      {part}: {call[part]}", markup=False)


def run_command(before: str | None, after: str | None, *, now: str | None, ledger: Path | None,
                dry_run: bool = False, fmt: str = "text") -> int:
    """Send what the plan for before..after lists as due."""
    fmt = _fmt(fmt)
    book = _ledger(ledger)
    root, plan = _make_plan(before, after, parse_now(now), book)
    return _execute(root, plan, book, dry_run, fmt)


def due_command(*, now: str | None, ledger: Path | None, dry_run: bool = False, fmt: str = "text") -> int:
    """Send scheduled items whose time has come and retry failed ones (posts at HEAD)."""
    fmt = _fmt(fmt)
    book = _ledger(ledger)
    root = find_root()
    return _execute(root, plan_due(root, parse_now(now), book), book, dry_run, fmt)


def confirm_command(*, agency: str, post_id: str, channel: str, sent: bool, not_sent: bool, skip: bool,
                    permalink: str | None, ledger: Path | None, by: str = "", kind: str = "") -> int:
    """Record a person's answer for an uncertain item."""
    if sum((sent, not_sent, skip)) != 1:
        raise UsageError("Pilih tepat satu: `--sent`, `--not-sent` atau `--skip`.")
    if channel not in NETWORK_LABELS:
        raise UsageError(f"Kanal `{channel}` tidak dikenal; pilih {', '.join(NETWORK_LABELS)}.")
    if kind and kind != "dicabut" and not kind.startswith("ralat:"):
        raise UsageError(f"`--kind {kind}` tidak dikenal; tulis `ralat:<tanggal>` atau `dicabut` seperti "
                         "di keluaran dispatch.")
    if sent and permalink and not permalink.startswith("https://"):
        raise UsageError("`--permalink` harus alamat https://.")
    confirm(_ledger(ledger).root, Key(agency, post_id, channel, kind), sent=sent, permalink=permalink, by=by,
            skip=skip)
    console.print("Tercatat di ledger.")
    return 0


HEALTH = {"ok": ("green", "✓ sehat"), "warning": ("yellow", "! perhatian"), "broken": ("red", "✗ bermasalah")}


def health_command(*, fmt: str = "text", issue: bool = False) -> int:
    """Token health per agency × configured network; exit 1 when one is broken. With `issue`, the
    repository's one "Token media sosial bermasalah" issue is opened, updated or closed to match."""
    import os

    from warta.dispatch.health import exit_code as health_exit
    from warta.dispatch.health import health
    from warta.roster.load import load_roster
    from warta.timeutil import now_wib

    fmt = _fmt(fmt)
    if issue and not os.environ.get("GITHUB_REPOSITORY"):
        raise UsageError("`--issue` butuh GITHUB_REPOSITORY (owner/nama) dan token GitHub yang boleh menulis isu.")
    rows = health(load_roster(find_root()).roster, env=os.environ, now=now_wib())
    if issue:
        _health_issue(rows)
    if fmt == "json":
        print_json([row.as_json() for row in rows])
        return health_exit(rows)
    for row in rows:
        colour, label = HEALTH.get(row.status, ("white", row.status))
        line = f"[{colour}]{label:13}[/] {NETWORK_LABELS.get(row.channel, row.channel):9} {escape(row.agency)}"
        if row.expires_at:
            line += f"  (berlaku hingga {row.expires_at})"
        console.print(line)
        if row.problem:
            console.print(f"    {escape(row.problem)}")
    broken = sum(r.broken for r in rows)
    console.print(f"{len(rows)} akun diperiksa, {broken} bermasalah." if rows else
                  "Tidak ada akun media sosial di roster.")
    return health_exit(rows)


def _health_issue(rows: list[Any]) -> None:
    import os

    from warta.dispatch.health import ISSUE_TITLE, issue_body
    from warta.gate.github import GitHubError, open_repository, sync_issue, token_from_env

    repo_name = os.environ["GITHUB_REPOSITORY"]
    try:
        repo = open_repository(repo_name, token_from_env(), os.environ.get("GITHUB_API_URL") or "https://api.github.com")
        done = sync_issue(repo, ISSUE_TITLE, issue_body(rows),
                          closed_note="Semua token media sosial sehat pada pemeriksaan terakhir.")
    except GitHubError as exc:
        err_console.print(f"[yellow]Isu \"{ISSUE_TITLE}\" tidak diperbarui: {escape(str(exc))}[/]")
        return
    err_console.print(f"Isu \"{ISSUE_TITLE}\": {done}.")
