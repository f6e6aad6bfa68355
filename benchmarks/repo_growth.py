"""Projected git repository growth per year: photos in git versus photos in an object store.

    .venv/bin/python benchmarks/repo_growth.py [--agencies 41] [--posts-per-week 4]
        [--photos-per-post 2]

Photos are already compressed (JPEG/WebP), so git's zlib and delta compression save next to
nothing on them: their bytes are counted as they are. Text (posts) is taken at ~25 MB a year
as the issue measured. A media.lock line is measured, not guessed: one real manifest entry
is written with the same code `warta media add` uses and compressed with zlib (as git
stores a blob), so the figure follows the manifest format if it changes.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta.media.lock import LockEntry, dump_lock  # noqa: E402

MB = 1024 * 1024
WEEKS = 52
TEXT_PER_YEAR = 25 * MB


def manifest_bytes_per_photo() -> tuple[int, int]:
    """(raw, zlib-compressed) bytes that one photo adds to content/<agency>/media.lock."""
    entry = LockEntry(file="2026/media/2026-11-20-rapat-koordinasi-siaga-banjir-1.jpg",
                      key="dinas-kesehatan/sha256/" + "ab" * 32 + ".jpg",
                      sha256="ab" * 32, size=987_654, width=2560, height=1920,
                      content_type="image/jpeg")
    raw = dump_lock([entry]).encode()
    # Each commit rewrites the lock file; git stores it as a delta against the previous
    # version, so the growth per photo is about one compressed line (plus commit overhead).
    return len(raw), len(zlib.compress(raw, 9))


def rows(photos: int) -> list[tuple[str, float, float]]:
    raw, packed = manifest_bytes_per_photo()
    lock_low, lock_high = photos * packed, photos * raw
    return [
        ("Sekarang: foto ponsel apa adanya di git (3–5 MB)", TEXT_PER_YEAR + photos * 3 * MB,
         TEXT_PER_YEAR + photos * 5 * MB),
        ("Dinormalkan (≤ 2560 px, ≤ 1 MB) tetap di git", TEXT_PER_YEAR + photos * 0.3 * MB,
         TEXT_PER_YEAR + photos * 1 * MB),
        ("Baru: foto di object store, media.lock di git", TEXT_PER_YEAR + lock_low,
         TEXT_PER_YEAR + lock_high),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=41)
    parser.add_argument("--posts-per-week", type=int, default=4)
    parser.add_argument("--photos-per-post", type=int, default=2)
    args = parser.parse_args(argv)
    posts = args.agencies * args.posts_per_week * WEEKS
    photos = posts * args.photos_per_post
    raw, packed = manifest_bytes_per_photo()
    print(f"{args.agencies} PD × {args.posts_per_week} berita/minggu × {WEEKS} minggu = {posts} berita, "
          f"{photos} foto per tahun; teks ~{TEXT_PER_YEAR // MB} MB/tahun; "
          f"satu baris media.lock = {raw} B ({packed} B setelah zlib)")
    print()
    header = f"| {'alur':<50} | {'git / tahun (rendah)':>20} | {'git / tahun (tinggi)':>20} |"
    print(header)
    print(f"|{'-' * 52}|{'-' * 21}:|{'-' * 21}:|")
    for label, low, high in rows(photos):
        print(f"| {label:<50} | {_size(low):>20} | {_size(high):>20} |")
    return 0


def _size(value: float) -> str:
    return f"{value / 1024 / MB:.1f} GB" if value >= 1024 * MB else f"{value / MB:.0f} MB"


if __name__ == "__main__":
    raise SystemExit(main())
