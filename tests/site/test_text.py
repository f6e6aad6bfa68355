"""Pure helpers of the site: Indonesian dates, reading time, slugs, links, NIP scrubbing."""

from __future__ import annotations

from datetime import UTC, datetime

from warta.formatting import angka, persen, tanggal, tanggal_jam
from warta.site.pages import relative, root_of, url_of, without_nip
from warta.site.text import plain_excerpt, reading_minutes, slugify


def test_tanggal_is_indonesian_and_in_wib() -> None:
    assert tanggal(datetime(2026, 8, 16, 20, 0, tzinfo=UTC)) == "17 Agustus 2026"
    assert tanggal_jam(datetime(2026, 8, 16, 20, 5, tzinfo=UTC)) == "17 Agustus 2026 pukul 03.05 WIB"


def test_numbers_and_percentages_are_indonesian() -> None:
    """One format (Babel, id_ID): dots group thousands, a comma before the decimals, no trailing zeros."""
    assert (angka(1234567), angka(1234.56), angka(6.0), angka(0.25, 2)) == ("1.234.567", "1.234,6", "6", "0,25")
    assert (angka(1234.5, 0), persen(12.5), persen(100)) == ("1.234", "12,5%", "100%")


def test_reading_minutes_and_excerpt() -> None:
    assert reading_minutes("kata " * 10) == 1
    assert reading_minutes("kata " * 1000) == 5
    assert plain_excerpt("## Judul\n\n**Tebal** dan [tautan](http://x).", 100) == \
        "Judul Tebal dan tautan ."


def test_slugify() -> None:
    assert slugify("Kesehatan Ibu & Anak") == "kesehatan-ibu-anak"
    assert slugify("Pariwisata—Bengkulu") == "pariwisata-bengkulu"
    assert slugify("!!!") == "lainnya"


def test_urls() -> None:
    assert url_of("index.md") == "" and url_of("tim.md") == "tim/"
    assert url_of("berita/halaman/2/index.md") == "berita/halaman/2/"
    assert root_of("berita/2026/x/") == "../../../"
    assert relative("berita/", "berita/halaman/2/") == "halaman/2/"
    assert relative("tag/a/", "berita/2026/x/") == "../../berita/2026/x/"


def test_without_nip() -> None:
    assert without_nip("Pranata Humas 19910315 201503 2 004") == "Pranata Humas"
    assert without_nip("Ani 199103152015032004") == "Ani"
    assert without_nip(None) == ""
