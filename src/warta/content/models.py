"""Posts: one Markdown file with front matter per post, in its agency's folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath


@dataclass(frozen=True)
class MediaItem:
    file: str  # as written in the front matter, relative to the post's folder
    path: str  # repository-relative POSIX path
    alt: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Post:
    path: str  # repository-relative POSIX path, e.g. content/dinas-kesehatan/2026/...md
    agency: str
    title: str
    date: datetime
    body: str
    author: str = ""
    summary: str = ""
    category: str = ""
    tags: tuple[str, ...] = ()
    channels: tuple[str, ...] = ("website",)
    publish_at: datetime | None = None
    media: tuple[MediaItem, ...] = ()
    video: str | None = None
    captions: dict[str, str] = field(default_factory=dict)
    media_center: bool = False
    draft: bool = False
    explicit_id: str | None = None
    tema: str = ""
    tujuan: str = ""
    rencana: str = ""  # id of the plan item it realises (content/<agency>/_rencana/)
    ralat: tuple[tuple[datetime, str], ...] = ()  # (date, note), oldest first
    dicabut: tuple[datetime, str] | None = None  # (date, reason) when withdrawn
    body_line: int = 1  # line of the body's first line in the file
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    @property
    def id(self) -> str:
        """Stable across edits; an explicit `id`, else the path at first publication."""
        return self.explicit_id or self.path

    @property
    def slug(self) -> str:
        """The file name without date prefix and extension."""
        stem = PurePosixPath(self.path).stem
        return stem[11:] if len(stem) > 11 and stem[10] == "-" else stem

    @property
    def goes_live(self) -> datetime:
        return self.publish_at or self.date

    def is_published(self, now: datetime) -> bool:
        return not self.draft and self.goes_live <= now

    def line(self, *path: str | int) -> int:
        """File line of the deepest key of `path` that the front matter has, e.g.
        `post.line("media", 0, "alt")`: that item's `alt:`, else the item, else `media:`; 1 when none."""
        keys = [str(part) for part in path]
        while keys:
            found = self.lines.get(".".join(keys))
            if found is not None:
                return found
            keys.pop()
        return 1


@dataclass(frozen=True)
class Posts:
    """A collection of posts with the queries the stages need."""

    items: tuple[Post, ...] = ()

    def __iter__(self) -> Iterator[Post]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def for_agency(self, slug: str) -> Posts:
        return Posts(tuple(p for p in self.items if p.agency == slug))

    def published(self, now: datetime) -> Posts:
        return Posts(tuple(p for p in self.items if p.is_published(now)))

    def due(self, now: datetime) -> Posts:
        """Scheduled posts whose time has come."""
        return Posts(tuple(p for p in self.items
                           if not p.draft and p.publish_at is not None and p.publish_at <= now))

    def newest_first(self) -> list[Post]:
        return sorted(self.items, key=lambda p: (p.goes_live, p.path), reverse=True)
