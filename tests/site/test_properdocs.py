"""The site also builds on ProperDocs, the maintained fork of MkDocs 1.x (docs/engine.md):
the same generated projects, Material and Warta's plugin, with WARTA_SITE_ENGINE=properdocs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from warta.errors import WartaError
from warta.site.engine import select_engine


def test_sample_site_builds_with_properdocs(site_repo: Path) -> None:
    env = {**os.environ, "WARTA_SITE_ENGINE": "properdocs"}
    built = subprocess.run([sys.executable, "-m", "warta.cli", "build", "--out", "site", "--jobs", "2",
                            "--no-admin", "--now", "2026-11-29T10:00:00+07:00"],
                           cwd=site_repo, env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    site = site_repo / "site"
    for page in ("dinas-contoh/index.html", "dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html",
                 "dinas-contoh/feed.xml", "badan-contoh/index.html", "index.html"):
        assert (site / page).is_file(), page
    for shard in ("dinas-contoh", "badan-contoh"):
        html = (site / shard / "index.html").read_text(encoding="utf-8")
        assert 'content="mkdocs-ProperDocs ' in html  # the engine that rendered it, not MkDocs 1.6.1
        assert "Content-Security-Policy" in html  # Warta's own plugin ran
    post = (site / "dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html").read_text(encoding="utf-8")
    assert "Posyandu serentak dilaksanakan" in post


def test_an_unknown_engine_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_SITE_ENGINE", "zensical")
    with pytest.raises(WartaError, match="WARTA_SITE_ENGINE=zensical"):
        select_engine()
