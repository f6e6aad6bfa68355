"""Golden files: expected output kept in the repository, compared exactly.

One switch regenerates every golden file of the suite, the same way in every test:

    WARTA_REGEN_GOLDEN=1 .venv/bin/python -m pytest -q tests -k golden

then review `git diff -- tests/*/golden` and commit what was meant to change. Every golden
test has "golden" in its name, so `-k golden` runs exactly them."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

SWITCH = "WARTA_REGEN_GOLDEN"
HOW = f"if the change is intended: {SWITCH}=1 .venv/bin/python -m pytest -q tests -k golden"


def regenerating() -> bool:
    return os.environ.get(SWITCH) == "1"


def assert_golden(actual: str, golden: Path) -> None:
    """`actual` equals the golden file, or (with the switch) becomes it."""
    if regenerating():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    if not golden.is_file():
        pytest.fail(f"{golden} does not exist; {HOW}")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                            f"golden/{golden.name}", "actual", n=2))
        pytest.fail(f"{golden.name} differs from its golden file; {HOW}\n{diff[:6000]}")
