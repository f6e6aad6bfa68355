"""Keep the ledger on its own branch (`warta-ledger`): pull before dispatch, push after
(`python -m warta.dispatch.ledgersync pull|push [LEDGER_DIR]`, see warta.databranch)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from warta.databranch import pull_folder, push_folder, sync_cli

BRANCH = "warta-ledger"


def pull_ledger(repo_root: Path, ledger_dir: Path, *, remote: str = "origin", branch: str = BRANCH) -> int:
    """Merge the branch's ledger into `ledger_dir` (created when missing); returns files changed."""
    return pull_folder(repo_root, ledger_dir, branch=branch, remote=remote)


def push_ledger(repo_root: Path, ledger_dir: Path, *, remote: str = "origin", branch: str = BRANCH,
                attempts: int = 5, sleep: Callable[[float], None] = time.sleep,
                before_push: Callable[[int], None] | None = None) -> str | None:
    """Commit `ledger_dir` onto `branch` and push; None when the branch already held everything."""
    return push_folder(repo_root, ledger_dir, branch=branch, message="dispatch: catat hasil kiriman",
                       remote=remote, attempts=attempts, sleep=sleep, before_push=before_push)


def main(argv: list[str] | None = None) -> int:
    """`python -m warta.dispatch.ledgersync pull|push [LEDGER_DIR]` for the publish workflow."""
    return sync_cli(sys.argv[1:] if argv is None else argv, default_dir=".warta/ledger", branch=BRANCH,
                    pull=pull_ledger, push=push_ledger)


if __name__ == "__main__":
    sys.exit(main())
