"""The publish workflow's matrix path: shard groups built apart, merged, portal assembled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.deploy.conftest import NOW
from warta.deploy.matrix import shard_groups
from warta.site import build_site
from warta.site.build import BUILT, FRESH


def test_groups_built_on_separate_runners_are_reused_by_the_assembly(
        request: pytest.FixtureRequest, tmp_path: Path) -> None:
    repo: Path = request.getfixturevalue("site_repo")
    groups = shard_groups(repo, 4)
    assert sorted(s for g in groups for s in g) == ["badan-contoh", "dinas-contoh"] and len(groups) == 2
    merged = tmp_path / "site"
    for index, group in enumerate(groups):  # each runner: its own checkout, cache and output
        out = tmp_path / f"runner-{index}"
        report = build_site(repo, out, agencies=group, now=NOW, cache_dir=tmp_path / f"cache-{index}")
        assert report.ok and set(report.status.values()) == {BUILT}
        shutil.copytree(out, merged, dirs_exist_ok=True)  # download-artifact, merge-multiple
    report = build_site(repo, merged, now=NOW, cache_dir=tmp_path / "cache-assemble")
    assert report.ok and set(report.status.values()) == {FRESH} and report.portal_built
    bundle = next(merged.glob("assets/javascripts/bundle.*.min.js"))
    assert bundle.is_file() and "dinas-contoh/" in (merged / "index.html").read_text(encoding="utf-8")
