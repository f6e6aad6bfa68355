"""Evaluation-page sections for plans vs realisation (Pedoman VII.1) and equipment (Pedoman IX)."""

from __future__ import annotations

from warta.metrics.monthly import PlanProgress
from warta.metrics.render import markdown_cell as _cell
from warta.roster.models import Agency, Roster

NOT_FILLED = "belum diisi"




def _ratio(p: PlanProgress) -> str:
    return f"{p.realised}/{p.planned}" if p.planned else "—"


def agency_plans_section(progress: list[PlanProgress]) -> list[str]:
    """The agency's months: planned, realised, cancelled, published posts."""
    shown = [p for p in progress if p.planned or p.cancelled or p.published]
    out = ["## Rencana dan realisasi (Pedoman VII.1)", ""]
    if not shown:
        return [*out, "Belum ada rencana atau berita dalam periode ini.", ""]
    out += ["| Bulan | Rencana | Terealisasi | Batal | Berita terbit |", "| --- | ---: | ---: | ---: | ---: |"]
    out += [f"| {p.month} | {p.planned} | {p.realised} | {p.cancelled} | {p.published} |" for p in shown]
    return [*out, ""]


def equipment_section(agency: Agency) -> list[str]:
    out = ["## Peralatan (Pedoman IX)", ""]
    gaps = agency.equipment_gaps()
    if gaps is None:
        return [*out, f"Peralatan {NOT_FILLED} di roster/{agency.slug}.yml (bukan berarti kurang).", ""]
    if not gaps:
        return [*out, "Lengkap: semua butir daftar minimum Pedoman IX dalam kondisi baik.", ""]
    return [*out, "Kekurangan:", "", *[f"- {_cell(g)}" for g in gaps], ""]


def province_plans_section(roster: Roster, progress: dict[str, list[PlanProgress]], months: list[str],
                           limit: int = 6) -> list[str]:
    """Every agency × the latest months: realised/planned (published posts)."""
    recent = months[-limit:]
    out = ["## Rencana dan realisasi", "",
           "Butir rencana terealisasi / direncanakan (tanpa yang batal), dan berita terbit, per bulan.", "",
           "| Perangkat daerah | " + " | ".join(recent) + " |", "| --- |" + " ---: |" * len(recent)]
    for agency in roster:
        by_month = {p.month: p for p in progress.get(agency.slug, [])}
        cells = [f"{_ratio(by_month[m])} ({by_month[m].published} terbit)" if m in by_month else "—" for m in recent]
        out.append(f"| {_cell(agency.name)} | " + " | ".join(cells) + " |")
    out += ["", "## Peralatan (Pedoman IX)", "", "| Perangkat daerah | Kekurangan |", "| --- | --- |"]
    for agency in roster:
        gaps = agency.equipment_gaps()
        text = NOT_FILLED if gaps is None else "; ".join(gaps) or "lengkap"
        out.append(f"| {_cell(agency.name)} | {_cell(text)} |")
    return [*out, ""]
