"""Docs are tested: every command is documented, every finding code the guide names exists."""

from __future__ import annotations

import re

from typer.main import get_command

from tests.conftest import PROJECT_ROOT
from warta.cli import app


def test_every_code_in_the_staff_guide_is_a_real_finding_code() -> None:
    guide = (PROJECT_ROOT / "docs/panduan.md").read_text(encoding="utf-8")
    table = [line for line in guide.splitlines() if line.startswith("| `")]
    codes = {code for line in table for code in re.findall(r"`([a-z]+(?:-[a-z]+)+)`", line.split("|")[1])}
    assert len(codes) >= 15
    source = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "src/warta").rglob("*.py"))
    missing = sorted(c for c in codes if f'"{c}"' not in source)
    assert missing == []


def test_every_command_is_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    group = get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert {"check", "new", "build", "serve", "codeowners", "gate", "report", "dispatch", "metrics"} <= set(names)
    missing = [name for name in names if f"warta {name}" not in readme]
    assert missing == []
