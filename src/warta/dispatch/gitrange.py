"""Dispatch's reads from git (through warta.git): posts and roster at a commit, the pushed range, renames."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from warta import git as githelper
from warta.content.models import Post
from warta.content.reader import is_post_file, parse_post
from warta.git import BadName, GitCommandError
from warta.roster.at_commit import roster_at
from warta.roster.models import Roster

NULL_SHA = re.compile(r"^0+$")


@dataclass(frozen=True)
class Snapshot:
    """What dispatch needs from one commit: the roster and the posts with their text."""

    sha: str
    roster: Roster
    posts: dict[str, tuple[Post, str]]  # path -> (post, file text)


def open_repo(path: Path) -> githelper.Repo:
    return githelper.open_repo(path)


def resolve(repo: githelper.Repo, sha: str) -> str:
    """A SHA, or for people at a terminal a ref such as HEAD (dispatch runs only on main)."""
    if re.fullmatch(r"[0-9a-fA-F]{4,64}", sha):
        return githelper.resolve_commit(repo, sha)
    try:
        return repo.commit(sha).hexsha
    except (BadName, ValueError, GitCommandError):
        raise githelper.GitError(f"Commit `{sha}` tidak ada di repositori {repo.working_dir}.") from None


def known_commit(repo: githelper.Repo, sha: str) -> str | None:
    """The full SHA, None for the null SHA or a commit this clone does not have."""
    if not sha or NULL_SHA.match(sha):
        return None
    try:
        return repo.commit(sha).hexsha
    except (BadName, ValueError, GitCommandError):
        return None


def post_paths_at(repo: githelper.Repo, sha: str) -> list[str]:
    try:
        tree = repo.commit(sha).tree / "content"
    except KeyError:
        return []
    paths = [str(item.path) for item in tree.traverse()  # type: ignore[union-attr]
             if item.type == "blob"]  # type: ignore[union-attr]
    return sorted(p for p in paths if is_post_file(p))


def post_at(repo: githelper.Repo, sha: str, path: str) -> tuple[Post, str] | None:
    """The post at `path` as the one reader sees it (a symlink is never a post)."""
    found = githelper.read_blob_at(repo, sha, path)
    if found is None or found[1] == githelper.SYMLINK_MODE:
        return None
    parsed = parse_post(path, found[0])
    return (parsed.post, parsed.text) if parsed.post is not None else None


def snapshot(repo: githelper.Repo, sha: str, paths: list[str] | None = None) -> Snapshot:
    """Roster and posts (all, or only `paths`) at `sha`."""
    posts = {}
    for path in post_paths_at(repo, sha) if paths is None else paths:
        found = post_at(repo, sha, path)
        if found is not None:
            posts[path] = found
    return Snapshot(sha, roster_at(repo, sha), posts)


def changed_posts(repo: githelper.Repo, before: str, after: str) -> list[githelper.ChangedPath]:
    """Posts added, modified or renamed in before..after (renames carry their old path)."""
    return [c for c in githelper.diff_name_status(repo, before, after)
            if is_post_file(c.path)]


# Rename detection for lineage is deliberately lenient: a post renamed and rewritten in one
# commit keeps only its front matter in common with its old self.
LINEAGE_SIMILARITY = "-M30%"
_HEX = re.compile(r"^[0-9a-f]{40,64}$")
_STATUS = re.compile(r"^[ADR]\d*$")
_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})-(.+)\.md$", re.I)


def _name_key(path: str) -> tuple[str, str, str] | None:
    """(agency, file-name date, slug) of a post path, None for a name without a date."""
    parts = path.split("/")
    match = _DATED.match(parts[-1])
    return (parts[1], match.group(1), match.group(2).lower()) if match and len(parts) >= 3 else None


def pair_replacements(deleted: list[str], added: list[str]) -> dict[str, str]:
    """New path -> old path for posts deleted and added together (one commit or one push) in the
    same agency with the same file-name date or the same slug: a rename git could not see
    because the body was rewritten too. Each old path pairs with at most one new one."""
    pairs: dict[str, str] = {}
    free = sorted(p for p in deleted if is_post_file(p))
    for new in sorted(p for p in added if is_post_file(p)):
        key = _name_key(new)
        if key is None:
            continue
        for old in free:
            old_key = _name_key(old)
            if old_key is not None and old_key[0] == key[0] and (old_key[1] == key[1] or old_key[2] == key[2]):
                pairs[new] = old
                free.remove(old)
                break
    return pairs


def _chains(previous: dict[str, str]) -> dict[str, list[str]]:
    history: dict[str, list[str]] = {}
    for new in previous:
        chain, seen, current = [], {new}, new
        while current in previous and previous[current] not in seen:
            current = previous[current]
            seen.add(current)
            chain.append(current)
        history[new] = chain
    return history


def lineage(repo: githelper.Repo, sha: str, extra: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Each post path's earlier paths (oldest last): renames (lenient similarity) and
    delete+add replacements along the mainline history of `sha`, plus `extra` (new -> old)."""
    try:
        out = repo.git.log("--first-parent", "--diff-merges=first-parent", LINEAGE_SIMILARITY,
                           "--name-status", "-z", "--format=%x00%H", "--diff-filter=ADR", sha,
                           "--", "content")
    except GitCommandError:
        out = ""
    previous: dict[str, str] = dict(extra or {})
    deleted: list[str] = []
    added: list[str] = []

    def flush() -> None:
        for new, old in pair_replacements(deleted, added).items():
            previous.setdefault(new, old)
        deleted.clear()
        added.clear()

    tokens = [t.strip("\n") for t in out.split("\0")]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if _HEX.match(token):
            flush()  # newest commit first: the first rename seen for a path is its latest
        elif _STATUS.match(token) and token[0] == "R" and i + 2 < len(tokens):
            previous.setdefault(tokens[i + 2], tokens[i + 1])
            i += 2
        elif _STATUS.match(token) and i + 1 < len(tokens):
            (deleted if token[0] == "D" else added).append(tokens[i + 1])
            i += 1
        i += 1
    flush()
    return _chains(previous)


def blob_and_mode(repo: githelper.Repo, sha: str, path: str) -> tuple[bytes, int] | None:
    """Bytes and git mode of `path` at `sha` (mode 120000 is a symlink: never read as media)."""
    return githelper.read_blob_at(repo, sha, path)

