"""Which approvals a change needs: one per touched agency, the Media Center, the admins."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from warta.gate.models import ChangedFile
from warta.roster.models import Roster


@dataclass
class Scopes:
    """Touched agency folders (slug -> paths) and paths only a province admin may approve."""

    agencies: dict[str, list[str]] = field(default_factory=dict)
    outside_content: list[str] = field(default_factory=list)
    unknown_folders: list[str] = field(default_factory=list)
    media_center: list[str] = field(default_factory=list)

    @property
    def needs_admin(self) -> bool:
        return bool(self.outside_content or self.unknown_folders)


def is_plain_path(path: str) -> bool:
    """A normalised relative POSIX path: no `..`, `.`, leading `/`, backslash or NUL."""
    return bool(path) and not path.startswith("/") and "\\" not in path and "\0" not in path \
        and posixpath.normpath(path) == path and ".." not in path.split("/")


def agency_of(path: str, roster: Roster) -> str | None:
    """The roster agency whose content folder holds `path`, else None (an admin's matter)."""
    parts = path.split("/")
    if not is_plain_path(path) or len(parts) < 3 or parts[0] != "content":
        return None
    return parts[1] if roster.agency(parts[1]) is not None else None


def touched_scopes(files: tuple[ChangedFile, ...], roster: Roster,
                   media_center_posts: frozenset[str]) -> Scopes:
    """Classify every touched path (both sides of a rename) against the base roster."""
    scopes = Scopes()
    for changed in files:
        for path in changed.touched():
            slug = agency_of(path, roster)
            if slug is not None:
                scopes.agencies.setdefault(slug, []).append(path)
            elif is_plain_path(path) and path.split("/")[0] == "content" and path.count("/") >= 2:
                scopes.unknown_folders.append(path)
            else:
                scopes.outside_content.append(path)
    scopes.agencies = dict(sorted(scopes.agencies.items()))
    scopes.media_center = sorted(media_center_posts)
    return scopes
