"""Fixtures for the web editor: node/npm availability, the shared npm cache, a fake CMS package."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT


def require_tool(name: str, why: str) -> str:
    """The tool's path; skip when missing, except on CI where a missing tool is a failure."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"`{name}` is required on CI ({why}).")
        pytest.skip(f"`{name}` not installed: {why}")
    return path


@pytest.fixture(scope="session")
def node_cache() -> Path:
    """npm packages shared by test runs: $WARTA_NODE_CACHE or <project>/.warta/node (git-ignored)."""
    env = os.environ.get("WARTA_NODE_CACHE")
    return Path(env) if env else PROJECT_ROOT / ".warta" / "node"


@pytest.fixture
def fake_cms_dist(tmp_path: Path) -> Path:
    """A stand-in for the files ensure_cms takes from npm, so page tests need no npm."""
    package = tmp_path / "editor-files"
    (package / "chunks").mkdir(parents=True)
    (package / "sveltia-cms.js").write_text("window.CMS = {};\n" * 200, encoding="utf-8")
    (package / "chunks" / "react-dom.js").write_text("/* react-dom */\n", encoding="utf-8")
    (package / "sveltia-cms.mjs").write_text("/* module build, not served */\n", encoding="utf-8")
    (package / "sveltia-cms.js.map").write_text("{}", encoding="utf-8")
    (package / "LICENSE.txt").write_text("MIT\n", encoding="utf-8")
    (package / "immutable.es.js").write_text("export default {};\n", encoding="utf-8")
    (package / "immutable.LICENSE.txt").write_text("MIT\n", encoding="utf-8")
    return package


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real browser (Chromium via Playwright)")
