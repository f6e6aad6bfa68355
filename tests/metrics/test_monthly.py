"""The monthly report for the Governor: every agency, every format, missing never scored."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import PROJECT_ROOT, write
from tests.content.test_plans import PLAN
from tests.metrics.conftest import NOW
from tests.metrics.fakes import FakeState
from tests.metrics.test_dashboard import collected
from tests.site.browser import CHROMIUM, CHROMIUM_ARGS, require_browser
from warta.metrics.monthly import MISSING, build_monthly
from warta.metrics.monthly_out import HEADERS, as_rows, render_html, write_monthly
from warta.roster import load_roster
from warta.roster.models import Roster

EQUIPMENT = "peralatan:\n  laptop: {kondisi: baik}\n  kamera: {kondisi: rusak}\n"


def test_rows_hold_plans_posts_measures_comments_and_gaps(sample_repo: Path, ledger_dir: Path, roster: Roster,
                                                          fake: FakeState, tmp_path: Path) -> None:
    store_dir = collected(sample_repo, ledger_dir, roster, fake, tmp_path)
    write(sample_repo, "content/dinas-contoh/_rencana/2026-11.yml", PLAN)
    roster_file = sample_repo / "roster/dinas-contoh.yml"
    roster_file.write_text(roster_file.read_text(encoding="utf-8") + EQUIPMENT, encoding="utf-8")
    report = build_monthly(sample_repo, store_dir, "2026-11", NOW)
    rows = {r["Perangkat daerah"]: r for r in as_rows(report)}
    contoh, badan = rows["Dinas Contoh"], rows["Badan Contoh"]
    assert (contoh["Rencana (butir)"], contoh["Terealisasi"], contoh["Berita terbit"]) == (2, 1, 1)
    assert contoh["Kanal dipakai (berita)"] == "instagram 1, website 1"
    assert contoh["Frekuensi dan Lalu-Lintas (Pedoman XI.2)"] == 9900 + 120
    assert contoh["Komentar warga"] and contoh["Komentar belum dijawab"] is not None
    assert "Kamera DSLR/mirrorless (foto HD, video 4K): rusak" in contoh["Kekurangan peralatan (Pedoman IX)"]
    # Badan Contoh has nothing collected: missing stays missing (None), never 0.
    assert badan["Frekuensi dan Lalu-Lintas (Pedoman XI.2)"] is None and badan["Komentar warga"] is None
    assert badan["Kekurangan peralatan (Pedoman IX)"] == "belum diisi"
    assert (badan["Rencana (butir)"], badan["Berita terbit"]) == (0, 0)

    path = write_monthly(report, "xlsx", tmp_path / "laporan.xlsx")
    sheet = load_workbook(path)["Ringkasan"]
    assert [c.value for c in sheet[4]] == HEADERS
    names = [sheet.cell(r, 2).value for r in range(5, sheet.max_row + 1)]
    assert names == ["Badan Contoh", "Dinas Contoh"]
    frek = HEADERS.index("Frekuensi dan Lalu-Lintas (Pedoman XI.2)") + 1
    assert sheet.cell(5, frek).value == MISSING and sheet.cell(6, frek).value == 10020
    csv_text = write_monthly(report, "csv", tmp_path / "laporan.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("No,Perangkat daerah,Rencana (butir)")
    assert MISSING in csv_text and "10020" in csv_text


def test_cli_writes_a_workbook_naming_all_41_agencies(tmp_path: Path) -> None:
    out = tmp_path / "laporan.xlsx"
    result = subprocess.run([sys.executable, "-m", "warta.cli", "metrics", "report", "--bulan", "2026-11",
                             "--format", "xlsx", "--out", str(out), "--store", str(tmp_path / "kosong"),
                             "--now", "2026-12-01T09:00:00+07:00"],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out)["Ringkasan"]
    names = {sheet.cell(r, 2).value for r in range(5, sheet.max_row + 1)}
    assert names == {a.name for a in load_roster(PROJECT_ROOT).roster} and len(names) == 41
    kesehatan = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 2).value == "Dinas Kesehatan")
    assert [sheet.cell(kesehatan, c).value for c in (3, 4, 6)] == [4, 2, 2]  # planned, realised, published
    bad = subprocess.run([sys.executable, "-m", "warta.cli", "metrics", "report", "--bulan", "11-2026"],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "--bulan" in bad.stderr


def test_html_prints_to_a4(tmp_path: Path) -> None:
    require_browser()
    from playwright.sync_api import sync_playwright

    report = build_monthly(PROJECT_ROOT, tmp_path / "kosong", "2026-11", NOW)
    html = tmp_path / "laporan.html"
    html.write_text(render_html(report), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(html.as_uri())
        overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        browser.close()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert boxes and all(abs(float(w) - 841.92) < 1 and abs(float(h) - 595.92) < 1 for w, h in boxes)
    assert 3 <= pages <= 12, pages  # 41 agencies in two tables and a list, every page A4 landscape
    assert not overflow


def test_evaluation_pages_show_planned_vs_realised_and_equipment(sample_repo: Path, ledger_dir: Path,
                                                                 tmp_path: Path) -> None:
    from warta.metrics.dashboard import build_dashboard

    write(sample_repo, "content/dinas-contoh/_rencana/2026-11.yml", PLAN)
    roster_file = sample_repo / "roster/dinas-contoh.yml"
    roster_file.write_text(roster_file.read_text(encoding="utf-8") + EQUIPMENT, encoding="utf-8")
    board = build_dashboard(sample_repo, tmp_path / "kosong", ledger_dir, NOW)
    province = board.province_page()
    assert "| Dinas Contoh |" in province and "1/2 (1 terbit)" in province
    assert "| Badan Contoh | belum diisi |" in province
    page = board.agency_page("dinas-contoh")
    assert "| 2026-11 | 2 | 1 | 0 | 1 |" in page
    assert "- Kamera DSLR/mirrorless (foto HD, video 4K): rusak" in page
    assert "Rapat internal" not in province + page  # plan titles never reach the public pages
    assert "belum diisi" in board.agency_page("badan-contoh")
