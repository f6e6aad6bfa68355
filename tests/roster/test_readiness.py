"""Readiness rows from plain data: the shipped roster, and each reason an agency is not ready."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from warta.roster import load_roster
from warta.roster.models import Delegate, Member, Person
from warta.roster.readiness import TokenState, agency_readiness, koordinator_step, roster_readiness

NOW = datetime(2026, 12, 2, 10, 0)
KEYS = {"agency", "ready", "kepala", "delegates", "team_with_github", "channels", "tokens", "last_post",
        "next_step", "peralatan"}


def test_shipped_roster_no_agency_is_ready_and_each_says_the_kepala_is_missing() -> None:
    roster = load_roster(PROJECT_ROOT).roster
    rows = roster_readiness(roster, NOW.astimezone(), {}, None)
    assert len(rows) == 41
    for row in rows:
        data = row.as_dict()
        assert set(data) == KEYS
        assert data["ready"] is False and data["kepala"] is None
        assert "Kepala belum diisi" in data["next_step"] and "admin tidak menyetujui" in data["next_step"]
        assert f"warta roster set-kepala --agency {row.agency}" in data["next_step"]
    assert koordinator_step(roster.province) is not None


def test_each_missing_piece_is_the_next_step(sample_repo: Path) -> None:
    roster = load_roster(sample_repo).roster
    now = NOW.astimezone()
    agency = roster.agencies["dinas-contoh"]
    tokens = {"instagram": TokenState("WARTA_TOKEN_DINAS_CONTOH_INSTAGRAM", True),
              "facebook": TokenState("WARTA_TOKEN_DINAS_CONTOH_FACEBOOK", False)}
    row = agency_readiness(agency, now, date(2026, 11, 20), tokens)
    assert not row.ready and "WARTA_TOKEN_DINAS_CONTOH_FACEBOOK" in row.next_step
    assert "WARTA_TOKEN_DINAS_CONTOH_INSTAGRAM" not in row.next_step
    assert row.as_dict()["tokens"]["facebook"] == {"env": "WARTA_TOKEN_DINAS_CONTOH_FACEBOOK", "present": False}

    all_tokens = {c: dataclasses.replace(t, present=True) for c, t in tokens.items()}
    row = agency_readiness(agency, now, date(2026, 11, 20), all_tokens)
    assert row.ready and row.next_step.startswith("Siap") and row.as_dict()["last_post"] == "2026-11-20"
    assert agency_readiness(agency, now, None, None).next_step.startswith("Siap. Belum ada berita")

    no_id = dataclasses.replace(agency, kepala=Person("Kepala Contoh", "kepala-contoh", None))
    row = agency_readiness(no_id, now, None, None)
    assert not row.ready and row.as_dict()["kepala"]["state"] == "tanpa-id"
    assert "Id GitHub @kepala-contoh belum tercatat" in row.next_step

    no_login = dataclasses.replace(agency, kepala=Person("Kepala Contoh", None, None))
    assert "belum punya login GitHub" in agency_readiness(no_login, now, None, None).next_step

    plt = Delegate("Plt", "plt-x", 55, role="Plt", start=date(2026, 12, 1), until=date(2026, 12, 31))
    vacant_with_plt = dataclasses.replace(agency, kepala=None, delegates=(plt,))
    row = agency_readiness(vacant_with_plt, now, None, None)
    assert row.ready and row.as_dict()["delegates"][0]["role"] == "Plt"
    expired = dataclasses.replace(plt, until=date(2026, 11, 30))
    row = agency_readiness(dataclasses.replace(vacant_with_plt, delegates=(expired,)), now, None, None)
    assert not row.ready and row.delegates == () and "Kepala belum diisi" in row.next_step

    writers = dataclasses.replace(agency, team=(Member("Ani", "Pranata Humas"),))
    row = agency_readiness(writers, now, None, None)
    assert not row.ready and "anggota Tim Publikasi dengan login GitHub" in row.next_step
