"""The edge of the verdict: read the base roster, the diff and head posts through git.

Head posts are read by the one reader (warta.content.reader) that check, site and dispatch use;
a changed post it cannot read fails the verdict closed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from warta import git as wgit
from warta.content.reader import is_post_file, parse_post
from warta.gate.input import GateInput
from warta.gate.models import ChangedFile, Contributors, PullRequest, Verdict
from warta.gate.verdict import approval_verdict
from warta.roster.at_commit import roster_at


def changed_files_between(repo: wgit.Repo, base: str, head: str) -> tuple[ChangedFile, ...]:
    """`git diff base...head` with renames, as the verdict's ChangedFile list."""
    return tuple(ChangedFile(c.path, c.status, c.old_path)
                 for c in wgit.diff_name_status(repo, base, head))


def contributors_between(repo: wgit.Repo, base: str, head: str) -> Contributors:
    """Authors, committers and co-authors of the commits base..head."""
    return Contributors.from_identities(
        [(i.name, i.email) for i in wgit.commit_identities(repo, base, head)])


SYMLINK_REASON = "berkas ini tautan simbolik (symlink), bukan berkas berita"


class NotAFile(Exception):
    """The path at head cannot be read as a post file (a symlink, a file too large for the API)."""

    def __init__(self, path: str, why: str = SYMLINK_REASON) -> None:
        super().__init__(path)
        self.why = why


# What the gate learns about a post at head: its bytes, None when absent; raises NotAFile.
ReadAtHead = Callable[[str], bytes | None]


@dataclass(frozen=True)
class HeadPosts:
    """The PR's changed posts as the one reader sees them at head."""

    media_center: frozenset[str] = frozenset()
    unreadable: tuple[tuple[str, str], ...] = ()  # (path, why): the gate fails closed on these


def read_head_posts(read_at_head: ReadAtHead, files: tuple[ChangedFile, ...]) -> HeadPosts:
    """Every changed post at head through `warta.content.reader`: which are `media_center: true`,
    and which cannot be read as a post at all (then the gate fails closed)."""
    flagged: set[str] = set()
    unreadable: list[tuple[str, str]] = []
    for changed in files:
        path = changed.path
        if changed.status == "D" or not is_post_file(path):
            continue
        try:
            raw = read_at_head(path)
        except NotAFile as exc:
            unreadable.append((path, exc.why))
            continue
        if raw is None:
            continue  # not in the PR's head: nothing there to publish
        parsed = parse_post(path, raw)
        if parsed.post is None:
            unreadable.append((path, parsed.problem))
        elif parsed.post.media_center:
            flagged.add(path)
    return HeadPosts(frozenset(flagged), tuple(unreadable))


def media_center_posts(read_at_head: ReadAtHead, files: tuple[ChangedFile, ...]) -> frozenset[str]:
    """Posts changed by the PR whose front matter at head says `media_center: true`."""
    return read_head_posts(read_at_head, files).media_center


def git_reader(repo: wgit.Repo, head: str) -> ReadAtHead:
    """Read a path at `head` from git; a symlink is refused, never followed."""
    def read(path: str) -> bytes | None:
        found = wgit.read_blob_at(repo, head, path)
        if found is None:
            return None
        data, mode = found
        if mode == wgit.SYMLINK_MODE:
            raise NotAFile(path)
        return data
    return read


def pull_request_from_git(repo: wgit.Repo, gate_input: GateInput, base: str,
                          head: str) -> PullRequest:
    """Fill what the input leaves out (changed files, commit authors) from git."""
    files = gate_input.changed_files
    if files is None:
        files = changed_files_between(repo, base, head)
    if gate_input.commit_authors is None:
        contributors = contributors_between(repo, base, head)
    else:
        contributors = Contributors.from_strings(list(gate_input.commit_authors))
    posts = read_head_posts(git_reader(repo, head), files)
    return PullRequest(
        author=gate_input.author,
        author_id=gate_input.author_id,
        head_sha=head,
        changed_files=files,
        reviews=gate_input.reviews,
        contributors=contributors,
        media_center_posts=posts.media_center,
        unreadable_posts=posts.unreadable,
    )


def evaluate(gate_input: GateInput, now: datetime) -> Verdict:
    """The verdict for the input, with roster and province settings read at base_sha."""
    repo = wgit.open_repo(gate_input.repo)
    base = wgit.resolve_commit(repo, gate_input.base_sha)
    head = wgit.resolve_commit(repo, gate_input.head_sha)
    pr = pull_request_from_git(repo, gate_input, base, head)
    return approval_verdict(pr, roster_at(repo, base), now)
