from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.markup import escape

from warta.errors import UsageError
from warta.output import err_console
from warta.project import find_root
from warta.timeutil import WIB, now_wib


def parse_now(value: str | None) -> datetime:
    if not value:
        return now_wib()
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"`--now {value}` bukan waktu ISO 8601, misalnya "
                         "2026-11-20T09:00:00+07:00.") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=WIB)


def build(agencies: list[str], *, out: Path, jobs: int | None, now: str | None,
          root: Path | None = None) -> int:
    from warta.site import build_site
    from warta.site.build import FAILED

    if jobs is not None and jobs < 1:
        raise UsageError("`--jobs` harus 1 atau lebih.")
    root = root or find_root()
    target = out if out.is_absolute() else Path.cwd() / out

    def progress(slug: str, state: str) -> None:
        if state == FAILED:
            err_console.print(f"  [red]{slug}: {state}[/]")

    report = build_site(root, target, agencies=agencies or None, jobs=jobs,
                        now=parse_now(now), on_shard=progress)
    for note in report.notes:
        err_console.print(f"[yellow]Catatan:[/] {escape(note)}")
    for slug, message in sorted(report.errors.items()):
        err_console.print(f"[red]Gagal membangun {slug}:[/] {escape(message)}")
    summary = ", ".join(f"{n} {state}" for state in ("dibangun", "dari cache", "tidak berubah",
                                                      "gagal") if (n := report.count(state)))
    portal = "portal disusun ulang" if report.portal_built else "portal tidak berubah"
    err_console.print(f"Situs di {report.out}: {summary}; {portal} ({report.seconds:.1f} dtk).")
    return 0 if report.ok else 1
