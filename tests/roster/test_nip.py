from __future__ import annotations

from datetime import date

import pytest

from warta.roster.nip import nip_problems

TODAY = date(2026, 11, 29)


def codes(nip: str) -> list[str]:
    return [code for code, _ in nip_problems(nip, TODAY)]


@pytest.mark.parametrize("nip", ["19910315 201503 2 004", "199103152015032004", "19750412 199903 1 002"])
def test_valid_nip_has_no_problems(nip: str) -> None:
    assert codes(nip) == []


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        ("1990126 201503 1 002", ["nip-format"]),  # 17 digits, as in the decree
        ("19910315 201503 2 0041", ["nip-format"]),
        ("19910315-201503-2-004", ["nip-format"]),
        ("19899612 201502 1 003", ["nip-birth-date"]),  # month 96, as in the decree
        ("19840506 210001 1 007", ["nip-appointment"]),  # appointed in 2100, as in the decree
        ("19910315 200913 2 004", ["nip-appointment"]),  # month 13
        ("19910315 200812 2 004", ["nip-appointment"]),  # appointed at 17
        ("19910315 201503 3 004", ["nip-sex"]),
        ("19910315 201503 1 000", ["nip-sequence"]),
    ],
)
def test_each_defect_is_named(nip: str, expected: list[str]) -> None:
    assert codes(nip) == expected


def test_appointment_exactly_eighteen_years_after_birth_is_valid() -> None:
    assert codes("19910315 200903 1 001") == []
    assert codes("19910315 200902 1 001") == ["nip-appointment"]


def test_current_month_is_not_future() -> None:
    assert codes("19950101 202611 1 001") == []
    assert codes("19950101 202612 1 001") == ["nip-appointment"]
