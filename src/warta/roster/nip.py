"""NIP (Nomor Induk Pegawai) structure: birth date, appointment month, sex, sequence."""

from __future__ import annotations

from datetime import date


def normalise_nip(printed: str) -> str:
    return "".join(printed.split())


def nip_problems(printed: str, today: date) -> list[tuple[str, str]]:
    """Every structural problem of a NIP as (code, Indonesian message); empty when valid."""
    nip = normalise_nip(printed)
    if not nip.isdigit() or len(nip) != 18:
        digits = sum(c.isdigit() for c in nip)
        return [("nip-format",
                 f"NIP `{printed}` harus 18 angka (tertulis {digits} angka). "
                 "Periksa kembali NIP pada SK atau data kepegawaian.")]
    problems: list[tuple[str, str]] = []
    birth: date | None
    try:
        birth = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        birth = None
        problems.append(("nip-birth-date",
                         f"NIP `{printed}`: 8 angka pertama `{nip[:8]}` bukan tanggal lahir "
                         "yang sah (TTTTBBHH)."))
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        problems.append(("nip-appointment",
                         f"NIP `{printed}`: bulan pengangkatan `{nip[12:14]}` tidak sah."))
    elif (year, month) > (today.year, today.month):
        problems.append(("nip-appointment",
                         f"NIP `{printed}`: tahun-bulan pengangkatan {year}-{month:02d} "
                         "ada di masa depan."))
    elif birth is not None and (year, month) < (birth.year + 18, birth.month):
        problems.append(("nip-appointment",
                         f"NIP `{printed}`: pengangkatan {year}-{month:02d} kurang dari 18 tahun "
                         f"setelah tanggal lahir {birth.isoformat()}."))
    if nip[14] not in "12":
        problems.append(("nip-sex",
                         f"NIP `{printed}`: angka ke-15 (jenis kelamin) harus 1 atau 2, "
                         f"tertulis {nip[14]}."))
    if nip[15:] == "000":
        problems.append(("nip-sequence",
                         f"NIP `{printed}`: nomor urut (3 angka terakhir) tidak boleh 000."))
    return problems
