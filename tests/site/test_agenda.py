"""The Agenda page and agenda.ics: public plan items only, valid iCalendar (parsed back)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar

from tests.conftest import write
from tests.content.test_plans import PLAN
from tests.site.conftest import NOW
from warta.site import build_site

INTERNAL = """\
  - waktu: 2026-11-26 15:00
    judul: Evaluasi Tertutup Anggaran Zebra
    jenis: konten
    tempat: Ruang Kepala Lantai Tujuh Rahasia
    publik: false
    status: diliput
"""


def _events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_public_items_reach_agenda_and_ics_and_internal_ones_nowhere(site_repo: Path, tmp_path: Path) -> None:
    write(site_repo, "content/dinas-contoh/_rencana/2026-11.yml", PLAN + INTERNAL)
    out = tmp_path / "site"
    assert build_site(site_repo, out, now=NOW, jobs=2).ok
    events = _events(out / "dinas-contoh/agenda.ics")
    assert [str(e["SUMMARY"]) for e in events] == ["Posyandu serentak"]
    event = events[0]
    assert event.decoded("DTSTART") == datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # 08:00 WIB
    assert event.decoded("DTEND") == datetime(2026, 11, 20, 4, 0, tzinfo=UTC)
    assert str(event["LOCATION"]) == "Kelurahan Pasar Baru" and str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]).endswith("/dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/")
    page = (out / "dinas-contoh/agenda/index.html").read_text(encoding="utf-8")
    assert "Posyandu serentak" in page and "Kelurahan Pasar Baru" in page and "agenda.ics" in page
    assert "../berita/2026/2026-11-20-posyandu-serentak/" in page
    home = (out / "dinas-contoh/index.html").read_text(encoding="utf-8")
    assert "agenda/" in home  # in the navigation
    # Internal items: not in any built file (pages, feeds, search index, manifests, ics).
    secrets = ("Rapat internal anggaran liputan", "Evaluasi Tertutup Anggaran Zebra",
               "Ruang Kepala Lantai Tujuh Rahasia")
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, (secret, path)
    # Plan files are data, never published as attachments.
    assert not list(out.rglob("*.yml"))
    # An agency without plans still gets a valid, empty calendar.
    assert _events(out / "badan-contoh/agenda.ics") == []


def test_shipped_sample_has_agenda_events_and_no_internal_item(shipped_site: Path) -> None:
    events = _events(shipped_site / "dinas-kesehatan/agenda.ics")
    assert "Peringatan Hari Kesehatan Nasional ke-62" in {str(e["SUMMARY"]) for e in events}
    internal = b"Ruang rapat Bidang P2P"  # a place of one of the shipped internal items
    assert not [p for p in shipped_site.rglob("*") if p.is_file() and internal in p.read_bytes()]


def test_nothing_in_the_plans_folder_is_published_or_read_as_a_post(site_repo: Path, tmp_path: Path) -> None:
    from datetime import date

    from tests.conftest import make_jpeg
    from warta.check import run_check

    folder = "content/dinas-contoh/_rencana"
    write(site_repo, f"{folder}/2026-11.yml", PLAN)
    make_jpeg(site_repo / f"{folder}/denah-internal.jpg")
    write(site_repo, f"{folder}/catatan-rahasia.md", "---\ntitle: Catatan Rapat Rahasia\ndate: 2026-11-20\n---\nx\n")
    found = {(f.file, f.code) for f in run_check(site_repo, today=date(2026, 11, 29))}
    assert {(f"{folder}/denah-internal.jpg", "content-file-type"),
            (f"{folder}/catatan-rahasia.md", "content-file-type")} <= found
    out = tmp_path / "site"
    assert build_site(site_repo, out, now=NOW, jobs=2).ok
    assert not list(out.rglob("denah-internal*")) and not list(out.rglob("catatan-rahasia*"))
    assert not [p for p in out.rglob("*.html") if b"Catatan Rapat Rahasia" in p.read_bytes()]


def test_dispatch_never_takes_a_file_in_the_plans_folder_for_a_post(sample_git_repo: Path) -> None:
    import git

    from tests.conftest import POST_A
    from warta.dispatch.gitrange import changed_posts, post_paths_at

    repo = git.Repo(sample_git_repo)
    base = repo.head.commit.hexsha
    write(sample_git_repo, "content/dinas-contoh/_rencana/catatan.md", POST_A)
    write(sample_git_repo, "content/dinas-contoh/_rencana/2026-11.yml", PLAN)
    repo.git.add(A=True)
    head = repo.index.commit("rencana").hexsha
    assert changed_posts(repo, base, head) == []
    assert not [p for p in post_paths_at(repo, head) if "_rencana" in p]
