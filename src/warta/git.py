"""The one git helper: the only module that imports GitPython. Files at a commit, diffs with renames,
commit identities, exported trees; other modules use the names re-exported here (`Repo`, the errors)."""

from __future__ import annotations

import re
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import git
from git.exc import BadName, GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from warta.errors import UsageError

# The GitPython names the rest of warta uses (so GitPython stays behind this module).
Repo = git.Repo
__all__ = ["BadName", "ChangedPath", "GitCommandError", "GitError", "Identity", "InvalidGitRepositoryError",
           "NoSuchPathError", "Repo", "commit_identities", "commit_on_new_branch", "diff_name_status",
           "exported_tree", "github_repo_name", "list_files_at", "open_repo", "path_exists", "push_branch",
           "read_text_at", "resolve_commit"]

_CO_AUTHOR = re.compile(r"^\s*co-authored-by:\s*(.*?)\s*<([^>]*)>\s*$", re.I | re.M)
_SHA = re.compile(r"^[0-9a-fA-F]{4,64}$")


@dataclass(frozen=True)
class ChangedPath:
    """One line of `git diff --name-status`: status letter, path, and the old path of a rename."""

    status: str
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class Identity:
    """A name and e-mail address found on a commit (author, committer or co-author)."""

    name: str
    email: str


class GitError(UsageError):
    """Git could not answer: missing repository, unknown commit, failed diff (exit 2)."""


def open_repo(path: str | Path) -> git.Repo:
    """The git repository at `path`, or a clear error."""
    try:
        return git.Repo(Path(path))
    except (NoSuchPathError, InvalidGitRepositoryError):
        raise GitError(f"`{path}` bukan repositori git.") from None


def resolve_commit(repo: git.Repo, sha: str) -> str:
    """The full SHA of commit `sha`; only hexadecimal SHAs, never refs a PR could name."""
    if not _SHA.match(sha):
        raise GitError(f"`{sha}` bukan SHA commit (harus heksadesimal).")
    try:
        return repo.commit(sha).hexsha
    except (BadName, ValueError, GitCommandError):
        raise GitError(f"Commit `{sha}` tidak ada di repositori {repo.working_dir}.") from None


def read_text_at(repo: git.Repo, sha: str, path: str) -> str | None:
    """The text of `path` at commit `sha`, None when the file is absent there."""
    found = read_blob_at(repo, sha, path)
    return None if found is None else found[0].decode("utf-8-sig", errors="replace")


SYMLINK_MODE = 0o120000


def read_blob_at(repo: git.Repo, sha: str, path: str) -> tuple[bytes, int] | None:
    """The raw bytes and git file mode of `path` at `sha`; None when no file is there."""
    try:
        blob = repo.commit(sha).tree / path
    except KeyError:
        return None
    if blob.type != "blob":
        return None
    return blob.data_stream.read(), int(blob.mode)


def list_files_at(repo: git.Repo, sha: str, folder: str) -> list[str]:
    """Names of the files directly inside `folder` at commit `sha` (empty when it is absent)."""
    try:
        tree = repo.commit(sha).tree / folder
    except KeyError:
        return []
    if tree.type != "tree":
        return []
    return sorted(item.name for item in tree.blobs)


def diff_name_status(repo: git.Repo, base: str, head: str) -> list[ChangedPath]:
    """`git diff --name-status -M base...head`: what the PR changes, renames with both paths."""
    try:
        out = repo.git.diff("--name-status", "-z", "-M", "--no-color", "--no-ext-diff",
                            f"{base}...{head}")
    except GitCommandError as exc:
        raise GitError(f"`git diff {base}...{head}` gagal: {exc.stderr.strip()}") from None
    tokens = out.split("\0")
    changes: list[ChangedPath] = []
    i = 0
    while i < len(tokens) and tokens[i]:
        status = tokens[i][0]
        if status in "RC":
            changes.append(ChangedPath(status, tokens[i + 2], tokens[i + 1]))
            i += 3
        else:
            changes.append(ChangedPath(status, tokens[i + 1]))
            i += 2
    return changes


def commit_identities(repo: git.Repo, base: str, head: str) -> list[Identity]:
    """Authors, committers and `Co-authored-by:` co-authors of the commits in base..head."""
    found: list[Identity] = []
    try:
        commits = list(repo.iter_commits(f"{base}..{head}"))
    except GitCommandError as exc:
        raise GitError(f"Daftar commit {base}..{head} gagal dibaca: {exc.stderr.strip()}") from None
    for commit in commits:
        for actor in (commit.author, commit.committer):
            found.append(Identity(actor.name or "", actor.email or ""))
        message = commit.message if isinstance(commit.message, str) else commit.message.decode()
        found += co_authors(message)
    return list(dict.fromkeys(found))


def co_authors(message: str) -> list[Identity]:
    """The `Co-authored-by:` trailers of a commit message."""
    return [Identity(name, email) for name, email in _CO_AUTHOR.findall(message)]


def path_exists(repo: git.Repo, sha: str, path: str) -> bool:
    try:
        repo.commit(sha).tree / path
    except KeyError:
        return False
    return True



@contextmanager
def exported_tree(repo_path: Path, sha: str, folders: list[str]) -> Iterator[Path]:
    """The given folders at `sha`, written to a temporary folder (PR code is never run)."""
    repo = open_repo(repo_path)
    tmp = Path(tempfile.mkdtemp(prefix="warta-report-"))
    try:
        present = [f for f in folders if path_exists(repo, sha, f)]
        if present:
            data = repo.git.archive(sha, "--format=tar", *present, stdout_as_string=False)
            with tarfile.open(fileobj=BytesIO(data)) as tar:
                tar.extractall(tmp, filter=_regular_only)
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _regular_only(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo | None:
    """Folders and regular files only: a symlink or hard link from the PR is never written
    (the list of changed files reports it), so nothing can follow it out of the tree."""
    if not (member.isfile() or member.isdir()):
        return None
    return tarfile.data_filter(member, dest)



# --- writing: only `warta new --pr` and the ledger/metrics branches change a repository -------

_GITHUB_REMOTE = re.compile(r"github\.com[:/]([\w.-]+/[\w.-]+?)(?:\.git)?/?$")


def commit_on_new_branch(repo: git.Repo, branch: str, paths: list[str], message: str) -> str:
    """Create `branch` from HEAD, commit `paths` on it, and return the commit SHA."""
    if repo.is_dirty(index=True, working_tree=False):
        raise GitError("Ada perubahan lain yang sudah di-`git add`. Simpan atau batalkan dulu, "
                       "lalu ulangi.")
    try:
        repo.git.checkout("-b", branch)
        repo.git.add("--", *paths)
        repo.git.commit("-m", message, "--", *paths)
    except GitCommandError as exc:
        raise GitError(f"Gagal membuat cabang `{branch}`: {exc.stderr.strip()}") from None
    return repo.head.commit.hexsha


def push_branch(repo: git.Repo, branch: str, remote: str = "origin") -> None:
    try:
        repo.git.push("--set-upstream", remote, branch)
    except GitCommandError as exc:
        raise GitError(f"Gagal mengirim cabang `{branch}` ke `{remote}`: {exc.stderr.strip()}. "
                       "Periksa koneksi dan hak akses Anda ke repositori.") from None


def github_repo_name(repo: git.Repo, remote: str = "origin") -> str | None:
    """`owner/name` from a GitHub remote URL, None when the remote is not on GitHub."""
    try:
        url = repo.remote(remote).url
    except ValueError:
        return None
    match = _GITHUB_REMOTE.search(url)
    return match.group(1) if match else None
