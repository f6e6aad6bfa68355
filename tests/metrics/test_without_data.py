"""The evaluation from git alone: an agency without any data is shown as missing, never scored."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.conftest import POST_A, write
from warta.metrics.dashboard import build_dashboard
from warta.timeutil import WIB

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=WIB)


def test_agency_without_data_gets_no_score_and_says_so(sample_repo: Path, tmp_path: Path) -> None:
    write(sample_repo, "roster/badan-ketiga.yml", (sample_repo / "roster/badan-contoh.yml").read_text()
          .replace("badan-contoh", "badan-ketiga").replace("Badan Contoh", "Badan Ketiga"))
    write(sample_repo, "content/badan-contoh/2026/2026-10-02-rapat.md",
          POST_A.replace("Ani Lestari", "Citra Dewi").replace("2026-11-20", "2026-10-02")
          .replace("[website, instagram]", "[website]").replace("media:\n", "unused:\n"))
    dashboard = build_dashboard(sample_repo, tmp_path / "no-store", tmp_path / "no-ledger", NOW)
    scores = {r.slug: r.score for r in dashboard.rows}
    assert scores["badan-ketiga"] is None  # no post, no send, no measure: not 41.2
    assert scores["dinas-contoh"] is not None and scores["badan-contoh"] is not None
    assert dashboard.rows[-1].slug == "badan-ketiga"
    page = dashboard.agency_page("badan-ketiga")
    assert "Belum dinilai" in page and "Peringkat" not in page
    assert "Unggahan per bulan: belum ada data" in page
    assert "2026-11: 1" in dashboard.agency_page("dinas-contoh")
