from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from rich.markup import escape

from warta.commands import parse_now
from warta.errors import UsageError, WartaError
from warta.output import err_console
from warta.project import find_root
from warta.site.pages import GeneratedPage

PR_EVENTS = "github/pull-requests.jsonl"  # JSON Lines, so the branch sync merges it like the rest


def ledger_links(ledger_dir: Path) -> dict[str, dict[str, str]]:
    """Each post's copies on the networks, from the dispatch ledger (empty without one)."""
    if not ledger_dir.is_dir():
        return {}
    from warta.dispatch.ledger import permalinks

    return permalinks(ledger_dir)


def evaluation_pages(root: Path, store_dir: Path, ledger_dir: Path, now: datetime,
                     approvals: list[dict[str, Any]] | None = None) -> list[GeneratedPage]:
    """The evaluation pages (Pedoman XI, Keputusan KETIGA: /evaluasi/, /kinerja/<slug>/) as portal pages,
    from git, the ledger and, when there is one, the metrics store (aggregates only: never a commenter's
    name or words); built on every run."""
    from warta.metrics.dashboard import build_dashboard
    from warta.site.text import esc

    events = store_dir / PR_EVENTS  # written by the metrics workflow (`gh pr list --json ...`)
    dashboard = build_dashboard(root, store_dir, ledger_dir, now,
                                pr_events=events if events.is_file() else None, approvals=approvals)
    pages = [GeneratedPage("evaluasi.md", {"title": "Evaluasi Perangkat Daerah", "description": esc(
                               "Pemantauan dan evaluasi publikasi seluruh perangkat daerah (Pedoman XI).")},
                           body=dashboard.province_page(), body_from_warta=True)]
    for agency in dashboard.roster:
        meta = {"title": esc(f"Kinerja {agency.name}"), "description": esc(f"Kinerja publikasi {agency.name}.")}
        pages.append(GeneratedPage(f"kinerja/{agency.slug}.md", meta,
                                   body=dashboard.agency_page(agency.slug), body_from_warta=True))
    return pages


def admin_tree(out: Path, admin_out: Path | None) -> Path:
    """The editor's own output tree (default `<out>-admin`), never inside the public site."""
    target = (admin_out if admin_out is not None else out.with_name(out.name + "-admin")).absolute()
    site = out.absolute()
    if target == site or target.is_relative_to(site) or site.is_relative_to(target):
        raise UsageError(f"`--admin-out {target}` tidak boleh berada di dalam (atau berisi) folder situs "
                         f"`{site}`: editor web harus di host tersendiri. Pakai mis. `--admin-out site-admin`.")
    return target


def _write_admin(root: Path, target: Path) -> None:
    """The web editor in its own tree; a missing npm only costs the editor, never the site."""
    from warta.admin import write_admin

    try:
        write_admin(root, target)
    except (WartaError, OSError) as exc:
        message = exc.message if isinstance(exc, WartaError) else str(exc)
        err_console.print(f"[yellow]Catatan:[/] editor web tidak ditulis: {escape(message)}")


def build(agencies: list[str], *, out: Path, jobs: int | None, now: str | None,
          root: Path | None = None, ledger: Path | None = None, metrics: Path | None = None,
          admin: bool = True, admin_out: Path | None = None) -> int:
    from warta.commands.progress import ShardProgress
    from warta.site import build_site

    if jobs is not None and jobs < 1:
        raise UsageError("`--jobs` harus 1 atau lebih.")
    root = root or find_root()
    target = out if out.is_absolute() else Path.cwd() / out
    editor = admin_tree(target, admin_out) if admin else None

    from warta.commands.siap import readiness

    when = parse_now(now)
    rows = [row.as_dict() for row in readiness(root, when)]  # the portal's Kesiapan page, always
    from warta.commands.approvals import read_approvals

    ledger_dir = ledger or root / ".warta" / "ledger"
    approvals = read_approvals(ledger_dir)
    unique = {str(r.get("pr")): r for found in approvals.values() for r in found}
    pages = evaluation_pages(root, metrics or root / ".warta" / "metrics", ledger_dir, when,
                             approvals=list(unique.values()))
    with ShardProgress(err_console) as progress:
        report = build_site(root, target, agencies=agencies or None, jobs=jobs, now=when,
                            on_shard=progress.shard, on_start=progress.start, links=ledger_links(ledger_dir),
                            pages=pages, readiness=rows, approvals=approvals)
    if editor is not None:
        _write_admin(root, editor)
    for note in report.notes:
        err_console.print(f"[yellow]Catatan:[/] {escape(note)}")
    for slug, message in sorted(report.errors.items()):
        err_console.print(f"[red]Gagal membangun {slug}:[/] {escape(message)}")
    summary = ", ".join(f"{n} {state}" for state in ("dibangun", "dari cache", "tidak berubah",
                                                      "gagal") if (n := report.count(state)))
    portal = "portal disusun ulang" if report.portal_built else "portal tidak berubah"
    err_console.print(f"Situs di {report.out}: {summary}; {portal} ({report.seconds:.1f} dtk).")
    return 0 if report.ok else 1
