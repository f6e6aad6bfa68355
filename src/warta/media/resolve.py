"""Where the build finds a post's photo: the file in git, or the manifest's object in the store."""

from __future__ import annotations

from pathlib import Path

from warta.content.files import regular_file_inside
from warta.media.lock import LockEntry, LockError, load_lock, lock_rel
from warta.media.store import MediaStore, StoreError, fetch_original, store_config
from warta.roster.models import Province


class MediaSource:
    """Resolves repository paths of one agency's media to local files (fetched and verified)."""

    def __init__(self, root: Path, slug: str, province: Province, cache_dir: Path) -> None:
        self.root, self.slug, self.cache_dir = root, slug, cache_dir
        self.config = store_config(province.media_store)
        self._store: MediaStore | None = None
        self._lock: dict[str, LockEntry] | None = None

    def entry(self, repo_path: str) -> LockEntry | None:
        prefix = f"content/{self.slug}/"
        if self.config is None or not repo_path.startswith(prefix):
            return None
        if self._lock is None:
            try:
                self._lock = load_lock(self.root, self.slug)
            except LockError as exc:
                raise StoreError(f"{exc.rel} baris {exc.line}: {exc.message}") from None
        return self._lock.get(repo_path[len(prefix):])

    def local(self, repo_path: str) -> Path | None:
        """A regular file in the agency's folder, else the store's verified copy, else None."""
        on_disk = regular_file_inside(self.root, repo_path)
        if on_disk is not None:
            return on_disk
        entry = self.entry(repo_path)
        if entry is None or self.config is None:
            return None
        if self._store is None:
            self._store = MediaStore(self.config)
        return fetch_original(self._store, entry, self.cache_dir, lock_rel(self.slug))
