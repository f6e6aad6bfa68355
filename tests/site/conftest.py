"""Fixtures for the site tests: a sample repository ready to build, and the shipped site
built once per session (browser tests serve it over loopback)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, write
from warta.timeutil import WIB

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=WIB)

DRAFT = """\
---
title: Draf Rahasia Belum Terbit
date: 2026-11-21 09:00
author: Ani Lestari
draft: true
---
Isi draf yang tidak boleh tampil.
"""

FUTURE = """\
---
title: Berita Terjadwal Masa Depan
date: 2026-11-22 09:00
publish_at: 2026-12-01 08:00
author: Ani Lestari
---
Isi terjadwal yang belum boleh tampil.
"""

XSS = """\
---
title: "<script>alert(1)</script> Judul Berbahaya"
date: 2026-11-23 09:00
author: Ani Lestari
summary: "Ringkasan \\"berkutip\\" <b>tebal</b> & lainnya"
category: "<img src=x onerror=alert(2)>"
tags: ["<i>miring</i>"]
---
Badan berita biasa tentang jembatan gantung.
"""


@pytest.fixture
def site_repo(sample_repo: Path) -> Path:
    """The shared sample repository plus the shipped site config, a draft, a scheduled
    post and a post whose front matter tries to inject HTML."""
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", sample_repo / "mkdocs.yml")
    shutil.copytree(PROJECT_ROOT / "site_templates", sample_repo / "site_templates")
    write(sample_repo, "content/dinas-contoh/2026/2026-11-21-draf-rahasia.md", DRAFT)
    write(sample_repo, "content/dinas-contoh/2026/2026-11-22-terjadwal.md", FUTURE)
    write(sample_repo, "content/dinas-contoh/2026/2026-11-23-judul-berbahaya.md", XSS)
    return sample_repo


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own roster and content, built once (cold, private cache)."""
    from warta.site import build_site
    from warta.timeutil import now_wib

    root = PROJECT_ROOT
    out = tmp_path_factory.mktemp("site")
    report = build_site(root, out, now=now_wib(),
                        cache_dir=tmp_path_factory.mktemp("cache"))
    assert report.ok, report.errors
    return out


@pytest.fixture(scope="session")
def shipped_url(shipped_site: Path) -> Iterator[str]:
    from warta.site.serve import make_server

    server = make_server(shipped_site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Chromium (needs /usr/bin/chromium)")
