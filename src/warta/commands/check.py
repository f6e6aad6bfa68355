from __future__ import annotations

from pathlib import Path

from warta.check import run_check
from warta.errors import UsageError
from warta.findings import has_errors
from warta.output import print_findings, print_json
from warta.project import find_root
from warta.timeutil import now_wib


def check(paths: list[Path], *, strict: bool, fmt: str) -> int:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"Jalur tidak ditemukan: {', '.join(missing)}.")
    root = find_root(paths[0] if paths and paths[0].is_dir() else None)
    for path in paths:
        try:
            path.resolve().relative_to(root)
        except ValueError:
            raise UsageError(f"`{path}` berada di luar repositori Warta ({root}).") from None
    findings = run_check(root, paths, today=now_wib().date())
    if fmt == "json":
        print_json([f.as_dict() for f in findings])
    else:
        print_findings(findings)
    return 1 if has_errors(findings, strict=strict) else 0
