"""Real rsync and nginx (installed by scripts/test.sh); missing tools skip locally, fail in CI."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import write
from tests.site.browser import in_ci
from tests.site.conftest import site_repo  # noqa: F401 - the sample with the site config, as a fixture here
from warta.site import build_site

NOW = datetime.fromisoformat("2026-11-25T10:00:00+07:00")
NEW_POST = """\
---
title: Jembatan Baru Diresmikan
date: 2026-11-24 09:00
author: Ani Lestari
summary: Jembatan gantung baru menghubungkan dua desa.
category: Infrastruktur
---
Jembatan gantung baru diresmikan pagi ini.
"""


def require(tool: str) -> str:
    found = shutil.which(tool) or (f"/usr/sbin/{tool}" if Path(f"/usr/sbin/{tool}").exists() else None)
    if found is None:
        if in_ci():
            pytest.fail(f"{tool} is missing: apt-get install -y {tool}")
        pytest.skip(f"{tool} is missing (scripts/test.sh installs it); CI=true never skips")
    return found


def build(repo: Path, out: Path, cache: Path) -> None:
    report = build_site(repo, out, now=NOW, cache_dir=cache)
    assert report.ok, report.errors


def add_post(repo: Path) -> None:
    write(repo, "content/dinas-contoh/2026/2026-11-24-jembatan-baru.md", NEW_POST)


@pytest.fixture
def built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path, Path]:
    """(repository, site, cache) after one build of the sample repository."""
    require("rsync")
    repo: Path = request.getfixturevalue("site_repo")
    out, cache = tmp_path / "site", tmp_path / "cache"
    build(repo, out, cache)
    return repo, out, cache
