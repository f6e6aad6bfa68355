"""Playwright driving Debian's Chromium, and axe-core from the npm registry.

Setup (once per machine; .ci/run does it):
    apt-get install -y chromium
    npm install --prefix .warta/node axe-core@4
Never `playwright install`: the browser is Debian's. Without Chromium the browser tests
skip locally, but never when CI=true.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

CHROMIUM = Path(os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = PROJECT_ROOT / ".warta" / "node" / "node_modules" / "axe-core" / "axe.min.js"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_browser() -> None:
    """Skip (locally) or fail (in CI) when the browser stack is missing."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        if in_ci():
            pytest.fail("playwright is not installed: pip install -e '.[test]'")
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        if in_ci():
            pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium); CI=true never skips")


def axe_script() -> Path:
    """axe.min.js, installed from the npm registry into .warta/node on first use."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is missing: apt-get install -y npm")
        subprocess.run([npm, "install", "--prefix", str(AXE.parents[2]), "axe-core@4",
                        "--no-audit", "--no-fund"], check=True, capture_output=True, timeout=300)
    return AXE
