"""The edge of the verdict: read the base roster, the diff and head posts through git."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from warta import git as wgit
from warta.content.load import split_front_matter
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


def media_center_posts(read_at_head: Callable[[str], str | None],
                       files: tuple[ChangedFile, ...]) -> frozenset[str]:
    """Posts changed by the PR whose front matter at head says `media_center: true`."""
    flagged: set[str] = set()
    for changed in files:
        path = changed.path
        if changed.status == "D" or not path.startswith("content/") or not path.endswith(".md"):
            continue
        text = read_at_head(path)
        if text is None:
            continue
        doc, _body, _problems = split_front_matter(text.replace("\r\n", "\n"), path)
        if doc is not None and isinstance(doc.data, dict) and doc.data.get("media_center") is True:
            flagged.add(path)
    return frozenset(flagged)


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
    return PullRequest(
        author=gate_input.author,
        author_id=gate_input.author_id,
        head_sha=head,
        changed_files=files,
        reviews=gate_input.reviews,
        contributors=contributors,
        media_center_posts=media_center_posts(
            lambda path: wgit.read_text_at(repo, head, path), files),
    )


def evaluate(gate_input: GateInput, now: datetime) -> Verdict:
    """The verdict for the input, with roster and province settings read at base_sha."""
    repo = wgit.open_repo(gate_input.repo)
    base = wgit.resolve_commit(repo, gate_input.base_sha)
    head = wgit.resolve_commit(repo, gate_input.head_sha)
    pr = pull_request_from_git(repo, gate_input, base, head)
    return approval_verdict(pr, roster_at(repo, base), now)
