"""`warta check`, `warta new` and `warta build` run where `fcntl` and `resource` do not exist
(Windows staff laptops): each runs in a Python that refuses to import them, in every process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from warta.dispatch.ledger import key_file
from warta.dispatch.model import Key

UNIX_ONLY = ("fcntl", "resource", "termios")
POST = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def test_check_new_and_build_without_unix_only_modules(sample_repo: Path, tmp_path: Path) -> None:
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", sample_repo / "mkdocs.yml")
    shutil.copytree(PROJECT_ROOT / "site_templates", sample_repo / "site_templates")
    # A dispatch ledger with a post's copy on a network: the build reads it for the post page.
    record = {"event": "success", "at": "2026-11-20T03:00:00+00:00", "agency": "dinas-contoh", "post_id": POST,
              "channel": "instagram", "run": "t", "permalink": "https://www.instagram.com/p/PORTABEL/"}
    ledger = sample_repo / ".warta/ledger" / key_file(Key("dinas-contoh", POST, "instagram"))
    ledger.parent.mkdir(parents=True)
    ledger.write_text(json.dumps(record) + "\n", encoding="utf-8")
    # sitecustomize runs at every interpreter start, the build's spawned workers included.
    blocker = tmp_path / "no-unix"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in UNIX_ONLY), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker), str(PROJECT_ROOT / "src")])}
    probe = run(["-c", "import fcntl"], sample_repo, env)
    assert probe.returncode != 0 and "fcntl" in probe.stderr  # the block works

    checked = run(["-m", "warta.cli", "check", "--format", "json"], sample_repo, env)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout) == []

    made = run(["-m", "warta.cli", "new", "--agency", "dinas-contoh", "--title", "Pelatihan Kader Posyandu",
                "--author", "Ani Lestari", "--date", "2026-11-24"], sample_repo, env)
    assert made.returncode == 0, made.stderr
    assert list((sample_repo / "content/dinas-contoh/2026").glob("2026-11-24-pelatihan-kader-posyandu.md"))

    built = run(["-m", "warta.cli", "build", "--out", "site", "--jobs", "2", "--no-admin",
                 "--now", "2026-11-29T10:00:00+07:00"], sample_repo, env)
    assert built.returncode == 0, built.stderr
    page = sample_repo / "site/dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html"
    assert "https://www.instagram.com/p/PORTABEL/" in page.read_text(encoding="utf-8")
    assert (sample_repo / "site/index.html").is_file()
    assert "Traceback" not in built.stderr + made.stderr + checked.stderr
