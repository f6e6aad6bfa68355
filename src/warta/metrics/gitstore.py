"""Keep the metrics store on its own branch (`warta-metrics`), like the dispatch ledger.

The store's files are append-only JSON Lines, exactly like the ledger's, so warta.databranch's
union-merge, commit and retry-on-non-fast-forward serves both.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from warta.databranch import pull_folder, push_folder, sync_cli
from warta.errors import WartaError
from warta.git import GitCommandError, InvalidGitRepositoryError, NoSuchPathError

BRANCH = "warta-metrics"


def push_store(repo_root: Path, store_dir: Path, *, remote: str = "origin", branch: str = BRANCH,
               attempts: int = 5, sleep: Callable[[float], None] = time.sleep,
               before_push: Callable[[int], None] | None = None) -> str | None:
    """Commit the store onto `branch` and push, retrying when another run pushed first.
    Returns the pushed commit, or None when the branch already held every line."""
    try:
        return push_folder(repo_root, store_dir, remote=remote, branch=branch, attempts=attempts,
                           message="metrics: simpan angka dan komentar", sleep=sleep,
                           before_push=before_push)
    except WartaError as exc:
        raise WartaError(f"Data metrik tidak tersimpan ke cabang `{branch}`. {exc.message}") from None
    except (GitCommandError, InvalidGitRepositoryError, NoSuchPathError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        raise WartaError(f"Data metrik tidak tersimpan ke cabang `{branch}` dari {repo_root}: "
                         f"{str(detail).strip()}") from None


def pull_store(repo_root: Path, store_dir: Path, *, remote: str = "origin", branch: str = BRANCH) -> int:
    """Merge the branch's store into `store_dir`; returns how many files changed."""
    return pull_folder(repo_root, store_dir, remote=remote, branch=branch)


def main(argv: list[str] | None = None) -> int:
    """`python -m warta.metrics.gitstore pull|push [STORE_DIR]` for the scheduled workflow."""
    return sync_cli(sys.argv[1:] if argv is None else argv, default_dir=".warta/metrics", branch=BRANCH,
                    pull=pull_store, push=push_store)


if __name__ == "__main__":
    raise SystemExit(main())
