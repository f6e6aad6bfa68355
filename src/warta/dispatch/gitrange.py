"""Dispatch's reads from git (GitPython): posts and roster at a commit, the pushed range, renames."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import git
from git.exc import BadName, GitCommandError

from warta import git as githelper
from warta.content.files import is_post_path
from warta.content.load import post_from_text
from warta.content.models import Post
from warta.roster.at_commit import roster_at
from warta.roster.models import Roster

NULL_SHA = re.compile(r"^0+$")


@dataclass(frozen=True)
class Snapshot:
    """What dispatch needs from one commit: the roster and the posts with their text."""

    sha: str
    roster: Roster
    posts: dict[str, tuple[Post, str]]  # path -> (post, file text)


def open_repo(path: Path) -> git.Repo:
    return githelper.open_repo(path)


def resolve(repo: git.Repo, sha: str) -> str:
    """A SHA, or for people at a terminal a ref such as HEAD (dispatch runs only on main)."""
    if re.fullmatch(r"[0-9a-fA-F]{4,64}", sha):
        return githelper.resolve_commit(repo, sha)
    try:
        return repo.commit(sha).hexsha
    except (BadName, ValueError, GitCommandError):
        raise githelper.GitError(f"Commit `{sha}` tidak ada di repositori {repo.working_dir}.") from None


def known_commit(repo: git.Repo, sha: str) -> str | None:
    """The full SHA, None for the null SHA or a commit this clone does not have."""
    if not sha or NULL_SHA.match(sha):
        return None
    try:
        return repo.commit(sha).hexsha
    except (BadName, ValueError, GitCommandError):
        return None


def post_paths_at(repo: git.Repo, sha: str) -> list[str]:
    try:
        tree = repo.commit(sha).tree / "content"
    except KeyError:
        return []
    paths = [str(item.path) for item in tree.traverse()  # type: ignore[union-attr]
             if item.type == "blob"]  # type: ignore[union-attr]
    return sorted(p for p in paths if p.endswith(".md") and p.count("/") >= 2 and is_post_path(p))


def post_at(repo: git.Repo, sha: str, path: str) -> tuple[Post, str] | None:
    text = githelper.read_text_at(repo, sha, path)
    if text is None:
        return None
    post = post_from_text(path, text)
    return (post, text) if post is not None else None


def snapshot(repo: git.Repo, sha: str, paths: list[str] | None = None) -> Snapshot:
    """Roster and posts (all, or only `paths`) at `sha`."""
    posts = {}
    for path in post_paths_at(repo, sha) if paths is None else paths:
        found = post_at(repo, sha, path)
        if found is not None:
            posts[path] = found
    return Snapshot(sha, roster_at(repo, sha), posts)


def changed_posts(repo: git.Repo, before: str, after: str) -> list[githelper.ChangedPath]:
    """Posts added, modified or renamed in before..after (renames carry their old path)."""
    return [c for c in githelper.diff_name_status(repo, before, after)
            if c.path.startswith("content/") and c.path.endswith(".md") and is_post_path(c.path)]


def rename_history(repo: git.Repo, sha: str) -> dict[str, list[str]]:
    """Each post path's earlier paths (oldest last), from every rename in the history of `sha`."""
    try:
        out = repo.git.log("-M", "--diff-filter=R", "--name-status", "--format=", "-z", sha,
                           "--", "content")
    except GitCommandError:
        return {}
    tokens = [t for t in out.split("\0")]
    previous: dict[str, str] = {}
    i = 0
    while i + 2 < len(tokens):
        status = tokens[i].strip()
        if status.startswith("R"):
            old, new = tokens[i + 1], tokens[i + 2]
            previous.setdefault(new, old)
            i += 3
        else:
            i += 1
    history: dict[str, list[str]] = {}
    for new in previous:
        chain, seen, current = [], {new}, new
        while current in previous and previous[current] not in seen:
            current = previous[current]
            seen.add(current)
            chain.append(current)
        history[new] = chain
    return history


def blob_bytes(repo: git.Repo, sha: str, path: str) -> bytes | None:
    try:
        blob = repo.commit(sha).tree / path
    except KeyError:
        return None
    return blob.data_stream.read() if blob.type == "blob" else None
