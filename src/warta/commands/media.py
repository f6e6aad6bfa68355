"""`warta media add` and `warta media fix`: photos normalised on the way in."""

from __future__ import annotations

import sys
from pathlib import Path

from warta.errors import UsageError
from warta.media.add import add_photo, add_video, fix_photo, is_video
from warta.media.limits import MAX_LONG_SIDE, MAX_PHOTO_BYTES, MB
from warta.output import console
from warta.project import find_root
from warta.roster import load_roster


def _repo_rel(root: Path, path: Path) -> str:
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return absolute.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"`{path}` berada di luar repositori Warta ({root}).") from None


def add(file: Path, post: Path, alt: str | None, credit: str, root: Path | None = None) -> int:
    root = root or find_root()
    if not file.is_file():
        raise UsageError(f"Foto `{file}` tidak ditemukan. Periksa nama dan foldernya.")
    if is_video(file):
        return _add_video(root, file, post)
    if alt is None:
        if not sys.stdin.isatty():
            raise UsageError("Teks `alt` wajib diisi: tambahkan --alt \"apa yang terlihat di foto\", misalnya "
                             "--alt \"Gubernur meninjau posko banjir di Sawah Lebar\".")
        import typer

        alt = typer.prompt("Apa yang terlihat di foto ini? (teks alt untuk pembaca tunanetra)")
    province = load_roster(root).roster.province
    added = add_photo(root, province, _repo_rel(root, post), file, alt or "", credit)
    photo = added.photo
    where = (f"disimpan di penyimpanan media ({added.key}), dicatat di media.lock"
             if added.key else f"disimpan di {added.repo_path}")
    console.print(f"[green]✓[/] Foto {photo.width}×{photo.height}, {len(photo.data) / 1024:.0f} KB, tanpa "
                  f"data lokasi (EXIF/GPS), {where}.")
    console.print(f"Ditambahkan ke `media:` di {_repo_rel(root, post)}. Periksa dengan: "
                  f"[bold]warta check {_repo_rel(root, post)}[/]")
    return 0


def _add_video(root: Path, file: Path, post: Path) -> int:
    province = load_roster(root).roster.province
    added = add_video(root, province, _repo_rel(root, post), file)
    about = f"Video {added.seconds:.0f} detik, {added.size / MB:.1f} MB,"
    if added.key:
        console.print(f"[green]✓[/] {about} disimpan di penyimpanan media ({added.key}), dicatat di "
                      "media.lock; videonya tidak masuk git. YouTube/TikTok mengunggahnya dari sana.")
    else:
        console.print(f"[green]✓[/] {about} disimpan di {added.repo_path}. Penyimpanan media belum diatur "
                      "(`media_store` di roster/_province.yml), jadi video ini masuk git seperti biasa.")
    console.print(f"Ditulis di `video:` pada {_repo_rel(root, post)}. Periksa dengan: "
                  f"[bold]warta check {_repo_rel(root, post)}[/]")
    return 0


def fix(files: list[Path]) -> int:
    if not files:
        raise UsageError("Sebutkan foto yang diperbaiki, misalnya `warta media fix content/…/media/foto.jpg`.")
    for file in files:
        if not file.is_file() or file.is_symlink():
            raise UsageError(f"Foto `{file}` tidak ditemukan.")
        before, photo = fix_photo(file)
        console.print(f"[green]✓[/] {file}: {before / MB:.1f} MB → {len(photo.data) / MB:.2f} MB, "
                      f"{photo.width}×{photo.height} (batas {MAX_LONG_SIDE} px, "
                      f"{MAX_PHOTO_BYTES // MB} MB), tanpa EXIF/GPS.")
    return 0
