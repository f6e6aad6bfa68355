"""`peralatan` (Pedoman IX) in the roster: validated with lines; gaps shown, never invented."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from warta.check import run_check
from warta.roster import load_roster
from warta.roster.readiness import agency_readiness
from warta.timeutil import WIB

EQUIPMENT = """\
peralatan:
  laptop: {kondisi: baik, jumlah: 1}
  kamera: {kondisi: rusak, jumlah: 1, catatan: lensa pecah}
  handphone: {kondisi: bagus}
  internet_kantor: {kondisi: baik}
  lainnya:
    - {nama: Tripod, kondisi: baik, jumlah: -1}
"""


def test_equipment_is_validated_with_file_and_line(sample_repo: Path) -> None:
    rel = "roster/dinas-contoh.yml"
    path = sample_repo / rel
    base = path.read_text(encoding="utf-8")
    path.write_text(base + EQUIPMENT + "  kamera_video: {kondisi: baik}\n", encoding="utf-8")
    offset = base.count("\n")
    found = {(f.line - offset, f.code, str(f.severity)) for f in run_check(sample_repo, today=date(2026, 11, 29))
             if f.file == rel and f.line > offset}
    assert found == {
        (4, "peralatan-condition", "error"),  # bagus → baik?
        (7, "peralatan-count", "error"),
        (8, "roster-unknown-key", "error"),
        (1, "peralatan-item-missing", "warning"),  # internet_lapangan not recorded
    }


def test_gaps_per_agency_and_unknown_is_never_a_gap(sample_repo: Path) -> None:
    path = sample_repo / "roster/dinas-contoh.yml"
    path.write_text(path.read_text(encoding="utf-8") + EQUIPMENT.replace("bagus", "baik"), encoding="utf-8")
    roster = load_roster(sample_repo).roster
    now = datetime(2026, 12, 1, 9, 0, tzinfo=WIB)
    row = agency_readiness(roster.agencies["dinas-contoh"], now, None, None)
    assert row.as_dict()["peralatan"] == {"kekurangan": [
        "Kamera DSLR/mirrorless (foto HD, video 4K): rusak",
        "Internet di luar kantor (liputan, siaran langsung): belum dicatat"]}
    unknown = agency_readiness(roster.agencies["badan-contoh"], now, None, None)
    assert unknown.as_dict()["peralatan"] is None and unknown.equipment_text == "belum diisi"


def test_shipped_sample_agencies_have_equipment_and_the_others_are_unknown() -> None:
    roster = load_roster(PROJECT_ROOT).roster
    filled = {a.slug for a in roster if a.peralatan is not None}
    assert filled == {p.name for p in (PROJECT_ROOT / "content").iterdir() if p.is_dir()}
    assert roster.agencies["bpbd"].equipment_gaps() == [
        "Laptop untuk penyuntingan (Core i5 atau setara): kurang",
        "Kamera DSLR/mirrorless (foto HD, video 4K): rusak"]
    assert roster.agencies["bappeda"].equipment_gaps() is None
