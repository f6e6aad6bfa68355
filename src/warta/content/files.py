"""Which files under content/ Warta reads and publishes: one rule for check, site, report and dispatch.

Everything under `content/` is written by agency staff through a pull request, so it is
untrusted input. Two rules close whole classes of attack rather than single samples:

- only an allowlist of file types is ever published beside the posts (photos, video,
  documents); an `.html`, `.svg` or `.js` file can never become a page on the public origin;
- a file is read only when it is a regular file whose real path stays inside its agency's
  folder: a symlink (to `.git/config`, `/etc/passwd`, another agency) is never followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

# Raster photos the site converts to WebP; SVG is deliberately absent (it can carry script).
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v"})
DOCUMENT_SUFFIXES = frozenset({".pdf"})
# Files beside posts that are published verbatim (photos lose their EXIF on the way).
PUBLISHABLE_SUFFIXES = PHOTO_SUFFIXES | VIDEO_SUFFIXES | DOCUMENT_SUFFIXES
POST_SUFFIX = ".md"
# Files under content/ that are not posts or attachments but are read by Warta itself.
DATA_SUFFIXES = frozenset({".yml", ".yaml", ".lock"})
# content/<agency>/_rencana/<yyyy>-<mm>.yml: plan items (warta.content.plans). Data only: nothing in
# this folder is a post or an attachment, and nothing in it is ever published as a file.
PLANS_DIR = "_rencana"


def is_plans_path(path: str) -> bool:
    """True for anything inside an agency's `_rencana/` folder."""
    parts = PurePosixPath(path).parts
    return len(parts) >= 4 and parts[0] == "content" and parts[2] == PLANS_DIR




def is_post_path(path: str) -> bool:
    """A Markdown post: `.md` anywhere under content/ except the plans folder (data only)."""
    return PurePosixPath(path).suffix.lower() == POST_SUFFIX and not is_plans_path(path)


def is_publishable_attachment(path: str) -> bool:
    """A file beside the posts that may be published (by its suffix; content is checked elsewhere)."""
    return PurePosixPath(path).suffix.lower() in PUBLISHABLE_SUFFIXES


def is_hidden(path: str) -> bool:
    return any(part.startswith(".") for part in PurePosixPath(path).parts)


def agency_folder(root: Path, repo_path: str) -> Path | None:
    """`root/content/<agency>` for a repository path under content/, else None."""
    parts = PurePosixPath(repo_path).parts
    if len(parts) < 3 or parts[0] != "content":
        return None
    return root / "content" / parts[1]


def regular_file_inside(root: Path, repo_path: str) -> Path | None:
    """The file at `repo_path` when it is a regular file (no symlink anywhere on the way)
    whose real path stays inside its agency's folder; None otherwise."""
    folder = agency_folder(root, repo_path)
    if folder is None:
        return None
    target = root / repo_path
    # Every component from the agency folder down must be a real directory / regular file:
    # lstat never follows a link, so a symlinked folder on the way is refused too.
    current = folder
    try:
        if stat.S_ISLNK(os.lstat(folder).st_mode):
            return None
        for part in PurePosixPath(repo_path).parts[2:]:
            current = current / part
            mode = os.lstat(current).st_mode
            if stat.S_ISLNK(mode):
                return None
        if not stat.S_ISREG(os.lstat(target).st_mode):
            return None
    except OSError:
        return None
    real_folder = folder.resolve()
    return target if target.resolve().is_relative_to(real_folder) else None


def is_symlink_anywhere(root: Path, repo_path: str) -> bool:
    """True when the path or any folder on its way below content/<agency>/ is a symlink."""
    folder = agency_folder(root, repo_path)
    if folder is None:
        return False
    current = folder
    for part in ("",) + PurePosixPath(repo_path).parts[2:]:
        current = current / part if part else current
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                return True
        except OSError:
            return False
    return False
