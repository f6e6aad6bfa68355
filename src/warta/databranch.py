"""A folder of append-only JSON Lines kept on its own git branch: the dispatch ledger (`warta-ledger`)
and the metrics store (`warta-metrics`). Pull before a run, push after.

Two copies merge as a union of lines: the branch's lines first, then the lines only this run
wrote. A rejected push (another run pushed first) is fetched, merged the same way and pushed again.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warta import git as wgit
from warta.errors import WartaError
from warta.git import GitCommandError

BOT = {"GIT_AUTHOR_NAME": "warta-dispatch", "GIT_AUTHOR_EMAIL": "warta-dispatch@users.noreply.github.com",
       "GIT_COMMITTER_NAME": "warta-dispatch", "GIT_COMMITTER_EMAIL": "warta-dispatch@users.noreply.github.com"}
REJECTED = ("non-fast-forward", "fetch first", "rejected", "stale info")


def merge_dirs(source: Path, target: Path) -> int:
    """Union every *.jsonl of `source` into `target`; returns how many files changed."""
    changed = 0
    if not source.is_dir():
        return 0
    for file in sorted(source.rglob("*.jsonl")):
        dest = target / file.relative_to(source)
        theirs = file.read_text(encoding="utf-8").splitlines()
        ours = dest.read_text(encoding="utf-8").splitlines() if dest.is_file() else []
        seen = set(ours)
        extra = [line for line in theirs if line.strip() and line not in seen]
        if extra:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text("\n".join([*ours, *extra]) + "\n", encoding="utf-8")
            changed += 1
    return changed


def _fetch(repo: wgit.Repo, remote: str, branch: str) -> bool:
    try:
        repo.git.fetch(remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
        return True
    except GitCommandError:
        return False  # no such branch yet


def pull_folder(repo_root: Path, ledger_dir: Path, *, branch: str, remote: str = "origin") -> int:
    """Merge the branch's files into `ledger_dir` (created when missing); returns files changed."""
    repo = wgit.Repo(repo_root)
    ledger_dir.mkdir(parents=True, exist_ok=True)
    if not _fetch(repo, remote, branch):
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "ledger"
        repo.git.worktree("add", "--detach", str(work), f"refs/remotes/{remote}/{branch}")
        try:
            return merge_dirs(work, ledger_dir)
        finally:
            repo.git.worktree("remove", "--force", str(work))


def push_folder(repo_root: Path, ledger_dir: Path, *, branch: str, message: str, remote: str = "origin",
                attempts: int = 5,
                sleep: Callable[[float], None] = time.sleep,
                before_push: Callable[[int], None] | None = None) -> str | None:
    """Commit `ledger_dir` onto `branch` and push, retrying on non-fast-forward.
    Returns the pushed commit, None when the branch already held everything."""
    repo = wgit.Repo(repo_root)
    for attempt in range(1, attempts + 1):
        exists = _fetch(repo, remote, branch)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp) / "ledger"
            if exists:
                repo.git.worktree("add", "--detach", str(work), f"refs/remotes/{remote}/{branch}")
            else:
                repo.git.worktree("add", "--detach", str(work))
            try:
                wt = wgit.Repo(work)
                if not exists:
                    wt.git.checkout("--orphan", branch)
                    wt.git.rm("-rf", "--quiet", "--ignore-unmatch", ".")
                    for child in work.iterdir():
                        if child.name != ".git":
                            shutil.rmtree(child) if child.is_dir() else child.unlink()
                if not merge_dirs(ledger_dir, work) and exists:
                    return None
                wt.git.add("-A")
                with wt.git.custom_environment(**BOT):
                    wt.git.commit("--allow-empty", "-m", message)
                if before_push is not None:
                    before_push(attempt)
                try:
                    wt.git.push(remote, f"HEAD:refs/heads/{branch}")
                    return wt.head.commit.hexsha
                except GitCommandError as exc:
                    if not any(word in str(exc.stderr) for word in REJECTED):
                        raise WartaError(f"Ledger gagal dikirim ke cabang `{branch}`: {exc.stderr.strip()}") from None
            finally:
                repo.git.worktree("remove", "--force", str(work))
        sleep(min(2.0 ** attempt, 30.0))
    raise WartaError(f"Ledger gagal dikirim ke cabang `{branch}` setelah {attempts} percobaan "
                     "(cabang terus berubah).")


def sync_cli(args: list[str], *, default_dir: str, branch: str,
             pull: Callable[[Path, Path], int], push: Callable[[Path, Path], str | None]) -> int:
    """`pull|push [FOLDER]` of a folder kept on its own branch (the ledger, the metrics store)."""
    if not args or args[0] not in ("pull", "push"):
        print("pemakaian: python -m <modul> pull|push [FOLDER]", file=sys.stderr)
        return 2
    folder = Path(args[1] if len(args) > 1 else default_dir)
    try:
        if args[0] == "pull":
            print(f"{pull(Path.cwd(), folder)} berkas diperbarui dari cabang `{branch}`.")
        else:
            sha = push(Path.cwd(), folder)
            print(f"Dikirim ke cabang `{branch}`: {sha}." if sha else f"Cabang `{branch}` sudah mutakhir.")
    except WartaError as exc:
        print(f"Galat: {exc.message}", file=sys.stderr)
        return 1
    return 0
