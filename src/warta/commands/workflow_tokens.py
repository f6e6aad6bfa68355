"""`warta workflow-tokens [--check]`: the token `env:` blocks of the workflows follow the roster."""

from __future__ import annotations

from pathlib import Path

from warta.findings import has_errors
from warta.output import console, err_console, print_findings
from warta.project import find_root
from warta.roster import load_roster
from warta.roster.tokens import COMMAND, rewrite, token_secret_names

WORKFLOWS = Path(".github") / "workflows"


def workflow_tokens(*, check: bool, root: Path | None = None) -> int:
    root = root or find_root()
    loaded = load_roster(root)
    if has_errors(loaded.findings):
        print_findings(loaded.findings)
        return 1
    folder = root / WORKFLOWS
    stale: list[str] = []
    changed: list[str] = []
    found = 0
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        current = path.read_text(encoding="utf-8")
        new = rewrite(current, loaded.roster)
        found += new.blocks
        if new.text == current:
            continue
        rel = path.relative_to(root).as_posix()
        if check:
            stale.append(rel)
        else:
            path.write_text(new.text, encoding="utf-8")
            changed.append(rel)
    if not found:
        err_console.print(f"[red]✗[/] Tidak ada blok `# BEGIN warta-tokens` di {WORKFLOWS.as_posix()}/*.yml.")
        return 1
    names = len(token_secret_names(loaded.roster))
    if stale:
        err_console.print(f"[red]✗[/] Daftar token di {', '.join(stale)} tidak sesuai dengan roster. "
                          f"Jalankan `{COMMAND}` lalu commit hasilnya.")
        return 1
    if check:
        console.print(f"[green]✓[/] {found} blok token ({names} secret) sesuai dengan roster.")
    elif changed:
        console.print(f"Diperbarui: {', '.join(changed)} ({names} secret). Tambahkan secret yang baru di "
                      "environment `social`.")
    else:
        console.print(f"{found} blok token sudah sesuai ({names} secret).")
    return 0
