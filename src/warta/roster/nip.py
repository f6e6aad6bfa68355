"""NIP (Nomor Induk Pegawai) structure: birth date, appointment month, sex, sequence."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

from warta.roster.models import NipRecord


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


# --- what the public repository keeps instead of the NIP ------------------------------------

KEY_ENV = "WARTA_NIP_KEY"
MIN_KEY_LENGTH = 32
# A NIP has only ~10^10 plausible values, so a plain hash is reversed by trying them all; a
# keyed hash (HMAC-SHA256, key held by Diskominfotik) is not, yet equal NIPs still hash equal.
PROBLEM_MESSAGES = {
    "nip-format": "bukan 18 angka",
    "nip-birth-date": "8 angka pertama bukan tanggal lahir yang sah (TTTTBBHH)",
    "nip-appointment": "tahun-bulan pengangkatan (angka ke-9 sampai 14) tidak sah: bulan di luar 01–12, "
                       "di masa depan, atau kurang dari 18 tahun setelah lahir",
    "nip-sex": "angka ke-15 (jenis kelamin) bukan 1 atau 2",
    "nip-sequence": "nomor urut (3 angka terakhir) 000",
}


def mask_nip(printed: str) -> str:
    """First 4 and last 4 characters: enough for staff to recognise a NIP, not to publish it."""
    nip = normalise_nip(printed)
    return f"{nip[:4]}…{nip[-4:]}" if len(nip) > 8 else "…"


def nip_hmac(key: bytes, printed: str) -> str:
    return hmac.new(key, normalise_nip(printed).encode(), hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """A short fingerprint of the key, so records made with different keys are noticed."""
    return hmac.new(key, b"warta-nip-key-id", hashlib.sha256).hexdigest()[:8]


def nip_record(printed: str, key: bytes, today: date) -> NipRecord:
    """What roster/<agency>.yml keeps for a NIP: keyed hash, masked form, decree-check facts."""
    return NipRecord(nip_hmac(key, printed), mask_nip(printed),
                     tuple(dict.fromkeys(code for code, _ in nip_problems(printed, today))), key_id(key))


def record_problems(record: NipRecord) -> list[tuple[str, str]]:
    """The stored decree-check facts as (code, Indonesian message), like `nip_problems`."""
    return [(code, f"NIP {record.masked}: {PROBLEM_MESSAGES[code]}. Periksa NIP pada SK atau data "
                   "kepegawaian, lalu impor ulang dengan `warta roster import-nip`.")
            for code in record.problems if code in PROBLEM_MESSAGES]
