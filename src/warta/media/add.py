"""`warta media add` and `warta media fix`: the library side (the command module stays thin)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from warta.check.media import MediaError, is_video_container, video_duration
from warta.content.files import regular_file_inside
from warta.errors import UsageError, WartaError
from warta.media.frontmatter import add_media_item, set_video
from warta.media.limits import VIDEO_SUFFIXES
from warta.media.lock import LockEntry, LockError, load_lock, write_lock
from warta.media.normalize import Photo, normalize_photo
from warta.media.store import MediaStore, object_key, store_config
from warta.roster.models import Province


@dataclass(frozen=True)
class Added:
    repo_path: str  # content/<agency>/…/media/<name>
    photo: Photo
    key: str | None  # object key when stored outside git


@dataclass(frozen=True)
class AddedVideo:
    repo_path: str  # content/<agency>/…/media/<name>.mp4 (in git only without a store)
    size: int
    seconds: float
    key: str | None  # object key when stored outside git


VIDEO_TYPES = {".mp4": "video/mp4", ".m4v": "video/x-m4v", ".mov": "video/quicktime"}


def _slugify(stem: str, fallback: str = "foto") -> str:
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or fallback


def _free_name(root: Path, folder: str, stem: str, suffix: str, taken: set[str]) -> str:
    for number in range(1, 1000):
        name = f"{stem}{'' if number == 1 else f'-{number}'}{suffix}"
        rel = f"{folder}/{name}"
        if rel not in taken and not (root / rel).exists():
            return rel
    raise WartaError(f"Terlalu banyak foto bernama `{stem}` di {folder}.")


def read_photo(source: Path, keep_format: bool = False) -> Photo:
    try:
        return normalize_photo(source, keep_format=keep_format)
    except MediaError as exc:
        raise UsageError(f"`{source}` tidak dapat dibaca sebagai foto ({exc}). Ekspor ulang sebagai JPEG "
                         "dari galeri ponsel atau aplikasi foto, lalu ulangi.") from None


def _post(root: Path, post_rel: str) -> Path:
    parts = post_rel.split("/")
    if len(parts) < 3 or parts[0] != "content" or not post_rel.endswith(".md"):
        raise UsageError(f"`{post_rel}` bukan berkas berita. Tulis jalurnya, misalnya "
                         "content/dinas-kesehatan/2026/2026-11-20-judul.md.")
    post = regular_file_inside(root, post_rel)
    if post is None:
        raise UsageError(f"Berita `{post_rel}` tidak ditemukan. Buat dulu dengan `warta new`.")
    return post


def _lock(root: Path, agency: str) -> dict[str, LockEntry]:
    try:
        return load_lock(root, agency)
    except LockError as exc:
        raise WartaError(exc.message) from None


def is_video(source: Path) -> bool:
    """A video by its name or by its first box (an MP4 named .jpg is still a video)."""
    return source.suffix.lower() in VIDEO_SUFFIXES or is_video_container(source)


def add_video(root: Path, province: Province, post_rel: str, source: Path) -> AddedVideo:
    """Check `source` is an MP4/MOV with a readable duration, upload it to the store (with a
    media.lock line) or, without a store, copy it into git as before; set the post's `video:`."""
    post = _post(root, post_rel)
    if not is_video_container(source):
        raise UsageError(f"`{source}` bukan berkas video MP4/MOV (isinya tidak diawali kotak `ftyp`). "
                         "Ekspor ulang videonya sebagai MP4 (H.264) dari kamera atau aplikasi penyunting.")
    try:
        seconds = round(video_duration(source), 3)
    except MediaError as exc:
        raise UsageError(f"Durasi video `{source}` tidak dapat dibaca ({exc}). Ekspor ulang videonya sebagai "
                         "MP4 (H.264) dari kamera atau aplikasi penyunting.") from None
    agency = post_rel.split("/")[1]
    suffix = source.suffix.lower() if source.suffix.lower() in VIDEO_TYPES else ".mp4"
    config = store_config(province.media_store)
    lock = _lock(root, agency) if config is not None else {}
    folder = str(PurePosixPath(post_rel).parent / "media")
    repo_path = _free_name(root, folder, _slugify(source.stem, "video"), suffix,
                           {f"content/{agency}/{name}" for name in lock})
    text = post.read_bytes().decode("utf-8")  # bytes: CRLF and BOM stay as they are
    try:
        edited = set_video(text, PurePosixPath(repo_path).relative_to(PurePosixPath(post_rel).parent).as_posix())
    except ValueError:
        raise UsageError(f"{post_rel} sudah punya `video:` (atau front matter-nya rusak). Satu berita memuat "
                         "satu video; hapus baris `video:` lama bila ingin menggantinya, lalu ulangi.") from None
    # Read whole: a phone video of a few hundred MB fits in memory, and the sha256 must be of
    # exactly the bytes that are sent.
    data = source.read_bytes()
    key = None
    if config is not None:
        sha256 = hashlib.sha256(data).hexdigest()
        key = object_key(agency, sha256, suffix)
        MediaStore(config).put(key, data, VIDEO_TYPES[suffix])  # before the lock names it
        file = repo_path.split("/", 2)[2]
        lock[file] = LockEntry(file=file, key=key, sha256=sha256, size=len(data), width=0, height=0,
                               content_type=VIDEO_TYPES[suffix], duration=seconds)
        write_lock(root, agency, lock)
    else:
        target = root / repo_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    post.write_bytes(edited.encode("utf-8"))
    return AddedVideo(repo_path, len(data), seconds, key)


def add_photo(root: Path, province: Province, post_rel: str, source: Path, alt: str,
              credit: str = "") -> Added:
    """Normalise `source`, store it (in git, or in the store with a media.lock line) and list it
    under the post's `media:`."""
    parts = post_rel.split("/")
    post = _post(root, post_rel)
    if not alt.strip():
        raise UsageError("Teks `alt` wajib diisi: tulis apa yang terlihat di foto (--alt \"…\").")
    agency = parts[1]
    photo = read_photo(source)
    folder = str(PurePosixPath(post_rel).parent / "media")
    config = store_config(province.media_store)
    lock = _lock(root, agency) if config is not None else {}
    taken = {f"content/{agency}/{name}" for name in lock}
    repo_path = _free_name(root, folder, _slugify(source.stem), photo.suffix, taken)
    text = post.read_bytes().decode("utf-8")  # bytes: CRLF and BOM stay as they are
    try:
        edited = add_media_item(text, PurePosixPath(repo_path).relative_to(PurePosixPath(post_rel).parent)
                                .as_posix(), alt.strip(), credit.strip())
    except ValueError:
        raise UsageError(f"Bagian `media:` di {post_rel} tidak dapat ditambah otomatis (harus berupa "
                         "daftar `- file:`). Perbaiki lalu ulangi.") from None
    key = None
    if config is not None:
        key = object_key(agency, photo.sha256, photo.suffix)
        MediaStore(config).put(key, photo.data, photo.content_type)  # before the lock names it
        file = repo_path.split("/", 2)[2]
        lock[file] = LockEntry(file=file, key=key, sha256=photo.sha256, size=len(photo.data),
                               width=photo.width, height=photo.height, content_type=photo.content_type)
        write_lock(root, agency, lock)
    else:
        target = root / repo_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(photo.data)
    post.write_bytes(edited.encode("utf-8"))
    return Added(repo_path, photo, key)


def fix_photo(path: Path) -> tuple[int, Photo]:
    """Re-encode a photo in place within the limits, keeping its name and format."""
    before = path.stat().st_size
    photo = read_photo(path, keep_format=True)
    path.write_bytes(photo.data)
    return before, photo
