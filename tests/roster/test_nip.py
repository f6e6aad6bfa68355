from __future__ import annotations

from datetime import date

import pytest

from warta.roster.nip import nip_problems

TODAY = date(2026, 11, 29)


def codes(nip: str) -> list[str]:
    return [code for code, _ in nip_problems(nip, TODAY)]


@pytest.mark.parametrize("nip", ["19880620 200903 2 001", "198806202009032001", "19770821 199602 1 001"])
def test_valid_nip_has_no_problems(nip: str) -> None:
    assert codes(nip) == []


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        ("1984126 201503 1 001", ["nip-format"]),  # 17 digits (decree: Biro Umum)
        ("19880620 200903 2 0011", ["nip-format"]),
        ("19880620-200903-2-001", ["nip-format"]),
        ("19869608 201502 1 001", ["nip-birth-date"]),  # month 96 (decree: Badan Penghubung)
        ("19831008 210001 1 013", ["nip-appointment"]),  # appointed in 2100 (decree: Dikbud)
        ("19880620 200613 2 001", ["nip-appointment"]),  # month 13
        ("19880620 200512 2 001", ["nip-appointment"]),  # appointed at 17
        ("19880620 200903 3 001", ["nip-sex"]),
        ("19880620 200903 1 000", ["nip-sequence"]),
    ],
)
def test_each_defect_is_named(nip: str, expected: list[str]) -> None:
    assert codes(nip) == expected


def test_appointment_exactly_eighteen_years_after_birth_is_valid() -> None:
    assert codes("19880620 200606 1 001") == []
    assert codes("19880620 200605 1 001") == ["nip-appointment"]


def test_current_month_is_not_future() -> None:
    assert codes("19950101 202611 1 001") == []
    assert codes("19950101 202612 1 001") == ["nip-appointment"]
