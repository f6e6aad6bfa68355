"""`warta metrics collect|import|report`: thin wrappers over warta.metrics."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from rich.markup import escape

from warta.commands import parse_now
from warta.errors import UsageError
from warta.output import console, err_console
from warta.project import find_root
from warta.timeutil import DateParseError, as_date, now_wib


def _dirs(root: Path, ledger: Path | None, store: Path | None) -> tuple[Path, Path]:
    from warta.dispatch.ledger import DEFAULT_LEDGER
    from warta.metrics.store import DEFAULT_STORE

    return (ledger or root / DEFAULT_LEDGER), (store or root / DEFAULT_STORE)


def collect_command(since: str | None, ledger: Path | None, store: Path | None, now: str | None = None) -> int:
    from warta.metrics.collect import collect
    from warta.metrics.ledger import published_copies
    from warta.metrics.store import Store
    from warta.roster.load import load_roster

    start: date | None = None
    if since:
        try:
            start = as_date(since)
        except DateParseError:
            raise UsageError(f"--since `{since}` bukan tanggal (contoh: 2026-11-01).") from None
    root = find_root()
    ledger_dir, store_dir = _dirs(root, ledger, store)
    copies = published_copies(ledger_dir)
    roster = load_roster(root).roster
    result = collect(copies, roster, Store(store_dir), now=parse_now(now), since=start)
    heard = _listen(copies, roster, Store(store_dir), parse_now(now))
    for line in result.skipped + heard.skipped:
        err_console.print(f"[yellow]Dilewati:[/] {escape(line)}")
    for line in result.problems + heard.problems:
        err_console.print(f"[red]Gagal:[/] {escape(line)}")
    console.print(f"{result.copies} salinan diperiksa: {result.snapshots} catatan angka, "
                  f"{result.comments} komentar dan {heard.items} sebutan/kata kunci disimpan di {store_dir}.")
    return 0 if result.ok and not heard.problems else 1


def _listen(copies: list[Any], roster: Any, store: Any, now: datetime) -> Any:
    """Mentions of the agency, its keywords and TikTok comments (warta.metrics.listening)."""
    from warta.metrics.listening import listen_all

    return listen_all(copies, roster, store, now=now)


def import_command(file: Path, network: str, ledger: Path | None, store: Path | None,
                   day: str | None = None) -> int:
    from warta.metrics.imports import import_csv, today_stamp
    from warta.metrics.ledger import published_copies
    from warta.metrics.store import Store

    root = find_root()
    ledger_dir, store_dir = _dirs(root, ledger, store)
    stamp_day, at = today_stamp(now_wib())
    if day:
        try:
            stamp_day = as_date(day).isoformat()
        except DateParseError:
            raise UsageError(f"--date `{day}` bukan tanggal (contoh: 2026-11-30).") from None
    if network.lower() == "access-log":
        return _import_access_log(root, file, store_dir, at)
    result = import_csv(file, network.lower(), published_copies(ledger_dir), day=stamp_day, at=at)
    saved = Store(store_dir).append_snapshots(result.snapshots)
    console.print(f"{file}: susunan `{result.layout}`, {result.rows} baris, {saved} disimpan.")
    if result.unmatched:
        sample = ", ".join(result.unmatched[:5])
        err_console.print(f"[yellow]{len(result.unmatched)} baris tidak cocok dengan kiriman di ledger[/] "
                          f"(contoh: {escape(sample)}); baris itu tidak disimpan.")
    return 0


def _import_access_log(root: Path, file: Path, store_dir: Path, at: str) -> int:
    """The web server's access log: per-page daily counts, nobody's address kept."""
    from urllib.parse import urlsplit

    from warta.metrics.accesslog import parse_access_log
    from warta.metrics.store import Store
    from warta.roster.load import load_roster

    roster = load_roster(root).roster
    try:
        with file.open(encoding="utf-8", errors="replace") as handle:
            result = parse_access_log(handle, agencies=set(roster.slugs()), at=at, name=str(file),
                                      site_host=urlsplit(roster.province.site_url).hostname or "")
    except OSError as exc:
        raise UsageError(f"Berkas `{file}` tidak dapat dibaca: {exc.strerror}.") from None
    if result.problems and not result.snapshots:
        raise UsageError("Berkas bukan log akses server web:\n" + "\n".join(result.problems))
    saved = Store(store_dir).append_snapshots(result.snapshots)
    console.print(f"{file}: {result.lines} baris log, {result.skipped} dilewati (bot, aset, galat), "
                  f"{saved} angka harian per halaman disimpan.")
    return 0


def report_command(out: Path, ledger: Path | None, store: Path | None, pr_events: Path | None,
                   now: str | None = None) -> int:
    from warta.metrics.dashboard import build_dashboard, write_dashboard

    root = find_root()
    ledger_dir, store_dir = _dirs(root, ledger, store)
    dashboard = build_dashboard(root, store_dir, ledger_dir, parse_now(now), pr_events=pr_events,
                                cache=store_dir.parent / "metrics-cache.sqlite" if store_dir.is_dir() else ":memory:")
    written = write_dashboard(dashboard, out)
    console.print(f"{len(written)} berkas dasbor ditulis ke {out} ({len(dashboard.rows)} perangkat daerah).")
    return 0


def sentiment_command(file: Path | None) -> int:
    """One label per input line (stdin without FILE), so anyone can evaluate the labels on their own data."""
    import sys

    from warta.metrics.sentiment import classify

    if file is None:
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or "bukan teks UTF-8"
            raise UsageError(f"Berkas `{file}` tidak dapat dibaca: {reason}.") from None
    sys.stdout.write("".join(classify(line).label + "\n" for line in lines))
    return 0


def monthly_command(month: str | None, fmt: str | None, out: Path, store: Path | None,
                    pr_events: Path | None, now: str | None = None) -> int:
    """`warta metrics report --bulan YYYY-MM --format xlsx|csv|html`: every roster agency, one file."""
    from warta.commands.rencana import parse_month
    from warta.metrics.monthly import build_monthly
    from warta.metrics.monthly_out import FORMATS, write_monthly

    if month is None:
        raise UsageError("`--format` berlaku untuk laporan bulanan: tambahkan `--bulan TTTT-BB` (contoh: 2026-11).")
    month = parse_month(month)
    assert month is not None
    fmt = (fmt or "xlsx").lower()
    if fmt not in FORMATS:
        raise UsageError(f"`--format {fmt}` tidak dikenal. Pilihan: {', '.join(FORMATS)}.")
    root = find_root()
    _, store_dir = _dirs(root, None, store)
    target = out if out.suffix.lower() == f".{fmt}" else out / f"laporan-bulanan-{month}.{fmt}"
    report = build_monthly(root, store_dir, month, parse_now(now), pr_events=pr_events)
    write_monthly(report, fmt, target)
    console.print(f"Laporan {month} ({len(report.rows)} perangkat daerah) ditulis ke {target}.")
    return 0
