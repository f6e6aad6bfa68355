"""Write the monthly report as XLSX (openpyxl), CSV or printable HTML (A4 landscape).

All three come from one table (`table()`), so the formats never disagree. A missing figure
is the text "tidak ada data" in every format; a number is a number.
"""

from __future__ import annotations

import csv
from html import escape
from pathlib import Path
from typing import Any

from warta.metrics.measures import MEASURES
from warta.metrics.monthly import MISSING, MonthlyReport, MonthlyRow, month_name

FORMATS = ("xlsx", "csv", "html")
Cell = int | float | str | None

def _measure_header(label: str, pedoman: str) -> str:
    return f"{label} (Pedoman {pedoman.replace(' (', '.').rstrip(')')})"  # "XI (2)" -> "XI.2"


HEADERS = ["No", "Perangkat daerah", "Rencana (butir)", "Terealisasi", "Batal", "Berita terbit",
           "Kanal dipakai (berita)", "Kanal di roster", "Sampai disetujui (jam, median)",
           "Sampai terbit (jam, median)", *[_measure_header(m.label, m.pedoman) for m in MEASURES],
           "Komentar warga", "Komentar belum dijawab", "Kekurangan peralatan (Pedoman IX)", "Siap terbit",
           "Langkah berikut"]
NOTES = [
    ("Rencana", "Butir rencana bulan ini di content/<pd>/_rencana/<TTTT-BB>.yml, tanpa yang batal. "
                "Terealisasi: berstatus terbit, menyebut beritanya, atau disebut oleh berita (`rencana:`)."),
    ("Berita terbit", "Berita yang tayang di situs pada bulan ini (bukan draf, bukan terjadwal)."),
    ("Waktu persetujuan", "Median jam dari pull request dibuka sampai disetujui Kepala PD, dan sampai "
                          "digabung (terbit), untuk pull request yang dibuka bulan ini."),
    ("Lima ukuran Pedoman XI", "Dihitung dari angka jaringan dan situs yang terkumpul untuk bulan ini "
                               "(definisi: docs/metrics.md)."),
    ("Komentar", "Komentar warga di salinan berita di media sosial bulan ini; belum dijawab: belum ada "
                 "balasan akun perangkat daerah."),
    ("Peralatan", "Daftar minimum Pedoman IX di roster (`peralatan`). \"belum diisi\": roster belum "
                  "mencatatnya, bukan berarti kurang."),
    (MISSING, "Angka belum terkumpul. Tidak dihitung sebagai nol dan tidak dinilai."),
]


def _channels(row: MonthlyRow) -> str:
    return ", ".join(f"{c} {n}" for c, n in sorted(row.channel_posts.items())) or "—"


def _equipment(row: MonthlyRow) -> str:
    if row.equipment_gaps is None:
        return "belum diisi"
    return "; ".join(row.equipment_gaps) or "lengkap"


def table(report: MonthlyReport) -> list[list[Cell]]:
    """One list per agency, in HEADERS order; None is a missing figure."""
    out: list[list[Cell]] = []
    for number, row in enumerate(report.rows, start=1):
        measures: list[Cell] = [m.value for m in row.measures] if row.measures is not None \
            else [None] * len(MEASURES)
        out.append([
            number, row.name, row.progress.planned, row.progress.realised, row.progress.cancelled,
            row.progress.published, _channels(row), len(row.channels_enabled),
            row.lead_time.to_approval_hours if row.lead_time else None,
            row.lead_time.to_merge_hours if row.lead_time else None,
            *measures, row.public_comments, row.unanswered, _equipment(row),
            "ya" if row.ready else "belum", row.next_step])
    return out


def _shown(value: Cell) -> str:
    if value is None:
        return MISSING
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def write_csv(report: MonthlyReport, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel opens it as UTF-8
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for cells in table(report):
            writer.writerow([MISSING if v is None else f"{v:.1f}" if isinstance(v, float) else str(v)
                             for v in cells])


def write_xlsx(report: MonthlyReport, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Ringkasan"
    sheet["A1"] = report.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = (f"Diskominfotik Provinsi Bengkulu, untuk Gubernur Bengkulu (Keputusan KETIGA). Disusun "
                   f"{report.generated_at:%Y-%m-%d %H.%M} WIB; {len(report.rows)} perangkat daerah.")
    header_row = 4
    for column, name in enumerate(HEADERS, start=1):
        cell = sheet.cell(header_row, column, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    grey = Font(italic=True, color="808080")
    for offset, cells in enumerate(table(report), start=1):
        for column, value in enumerate(cells, start=1):
            cell = sheet.cell(header_row + offset, column, MISSING if value is None else value)
            if value is None:
                cell.font = grey
            elif isinstance(value, float):
                cell.number_format = "0.0"
            cell.alignment = Alignment(wrap_text=isinstance(value, str), vertical="top")
    widths = {1: 5, 2: 38, 7: 24, len(HEADERS) - 2: 40, len(HEADERS): 60}
    for column in range(1, len(HEADERS) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(column, 14)
    sheet.freeze_panes = sheet.cell(header_row + 1, 3)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(HEADERS))}{header_row + len(report.rows)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    notes = book.create_sheet("Keterangan")
    notes.append(["Istilah", "Arti"])
    for term, meaning in NOTES:
        notes.append([term, meaning])
    notes.column_dimensions["A"].width = 24
    notes.column_dimensions["B"].width = 110
    book.save(path)


PRINT_CSS = """
@page { size: A4 landscape; margin: 12mm 10mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; color: #000; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 2mm; } p { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #777; padding: 1mm 1.2mm; vertical-align: top; overflow-wrap: anywhere; }
th { background: #ddebf7; font-weight: bold; }
col.no { width: 2.8em; } col.name { width: 17em; }
thead { display: table-header-group; } tr { break-inside: avoid; }
td.n { text-align: right; } td.missing { color: #666; font-style: italic; }
section { break-before: page; }
@media screen { body { max-width: 100rem; margin: 1rem auto; padding: 0 1rem; } }
"""
# Two tables, each fits the width of an A4 landscape page: publishing, then listening and readiness.
PARTS = (("Publikasi", list(range(0, 10))),
         ("Lima ukuran Pedoman XI, komentar, peralatan dan kesiapan", [0, 1, *range(10, len(HEADERS) - 1)]))
# The long "Langkah berikut" texts print as a list after the tables, not as a narrow column.


def _html_table(cells: list[list[Cell]], columns: list[int]) -> str:
    head = "".join(f"<th>{escape(HEADERS[c])}</th>" for c in columns)
    body = []
    for row in cells:
        tds = []
        for c in columns:
            value = row[c]
            css = "missing" if value is None else "n" if isinstance(value, int | float) else ""
            attr = f' class="{css}"' if css else ""
            tds.append(f"<td{attr}>{escape(_shown(value))}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    cols = '<colgroup><col class="no"><col class="name">' + "<col>" * (len(columns) - 2) + "</colgroup>"
    return f"<table>{cols}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(report: MonthlyReport) -> str:
    cells = table(report)
    parts = []
    for index, (title, columns) in enumerate(PARTS):
        table_html = _html_table(cells, columns)
        parts.append(f"<h2>{escape(title)}</h2>{table_html}" if index == 0
                     else f"<section><h2>{escape(title)}</h2>{table_html}</section>")
    steps = "".join(f"<li><strong>{escape(r.name)}</strong>: {escape(r.next_step)}</li>"
                    for r in report.rows if not r.ready)
    if steps:
        parts.append(f"<h2>Langkah berikut (perangkat daerah yang belum siap)</h2><ul>{steps}</ul>")
    notes = "".join(f"<li><strong>{escape(t)}</strong>: {escape(m)}</li>" for t, m in NOTES)
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{escape(report.title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{PRINT_CSS}</style>'
            f"</head><body><h1>{escape(report.title)}</h1>"
            f"<p>Diskominfotik Provinsi Bengkulu untuk Gubernur Bengkulu (Keputusan KETIGA). "
            f"{len(report.rows)} perangkat daerah; bulan {escape(month_name(report.month))}; disusun "
            f"{report.generated_at:%Y-%m-%d %H.%M} WIB.</p>{''.join(parts)}"
            f"<h2>Keterangan</h2><ul>{notes}</ul></body></html>\n")


def write_monthly(report: MonthlyReport, fmt: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        write_xlsx(report, path)
    elif fmt == "csv":
        write_csv(report, path)
    else:
        path.write_text(render_html(report), encoding="utf-8")
    return path


def as_rows(report: MonthlyReport) -> list[dict[str, Any]]:
    """The same table as dicts keyed by header (for tests and JSON consumers)."""
    return [dict(zip(HEADERS, cells, strict=True)) for cells in table(report)]
