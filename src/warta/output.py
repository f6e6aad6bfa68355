"""Printing for people (Rich) and for tools (JSON)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.markup import escape

from warta.findings import Finding, Severity

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_findings(findings: Iterable[Finding]) -> None:
    items = list(findings)
    for f in items:
        colour = "red" if f.severity is Severity.ERROR else "yellow"
        label = "galat" if f.severity is Severity.ERROR else "peringatan"
        console.print(f"[bold]{escape(f.file)}:{f.line}[/]: [{colour}]{label}[/] "
                      f"[dim]{escape(f.code)}[/] {escape(f.message)}")
    errors = sum(f.severity is Severity.ERROR for f in items)
    warnings = len(items) - errors
    if not items:
        console.print("[green]✓ Tidak ada masalah.[/]")
    else:
        console.print(f"\n{errors} galat, {warnings} peringatan.")
