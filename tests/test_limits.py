"""PR content is parsed under hard limits: a pathological input is stopped and fails closed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import git
import pytest

from tests.conftest import POST_A, write
from warta.errors import WartaError
from warta.limits import LimitExceeded, Limits, enforced, run_limited

pytestmark = pytest.mark.skipif(not enforced(), reason="limits are enforced on Linux only")

# The e-mail pattern `warta check` used before it was made linear: about 50 minutes on 1 MB.
QUADRATIC = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def backtrack(text: str) -> bool:
    return QUADRATIC.search(text) is not None


def hog(megabytes: int) -> int:
    chunks = [bytearray(MB) for _ in range(megabytes)]
    return len(chunks)


MB = 1024 * 1024


def address_space() -> int:
    return int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def test_wall_clock_limit_stops_a_catastrophic_regex() -> None:
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="batas waktu 1 detik"):
        run_limited(backtrack, "a" * 1_000_000, what="Uji", limits=Limits(seconds=1, cpu_seconds=60))
    assert time.monotonic() - started < 5


def test_cpu_limit_stops_it_too() -> None:
    with pytest.raises(LimitExceeded, match="batas waktu CPU 1 detik"):
        run_limited(backtrack, "a" * 1_000_000, what="Uji", limits=Limits(seconds=60, cpu_seconds=1))


def test_memory_limit_stops_an_allocation_bomb() -> None:
    limits = Limits(memory_bytes=address_space() + 200 * MB)
    with pytest.raises(LimitExceeded, match="batas memori"):
        run_limited(hog, 1024, what="Uji", limits=limits)
    assert run_limited(hog, 20, what="Uji", limits=limits) == 20  # within the limit it just works


def test_expected_errors_and_results_cross_back() -> None:
    def refuse() -> None:
        raise WartaError("Commit tidak ada.", exit_code=2)

    with pytest.raises(WartaError) as caught:
        run_limited(refuse, what="Uji")
    assert caught.value.exit_code == 2 and caught.value.message == "Commit tidak ada."
    assert run_limited(sorted, [3, 1, 2], what="Uji") == [1, 2, 3]


def cli(root: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], cwd=root, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **env})


def test_report_and_gate_fail_closed_when_the_limit_is_hit(sample_git_repo: Path) -> None:
    repo = git.Repo(sample_git_repo)
    base = repo.head.commit.hexsha
    write(sample_git_repo, "content/dinas-contoh/2026/2026-11-21-lain.md", POST_A)
    repo.git.add(A=True)
    head = repo.index.commit("berita").hexsha
    tight = {"WARTA_LIMIT_SECONDS": "0.001"}  # nothing that reads git fits in a millisecond
    report = cli(sample_git_repo, "report", "--base", base, "--head", head, env=tight)
    assert report.returncode == 1 and "Laporan pull request dihentikan: batas waktu" in report.stderr
    assert "Traceback" not in report.stderr
    gate_input = sample_git_repo / "gate.json"
    gate_input.write_text(json.dumps({"repo": str(sample_git_repo), "base_sha": base, "head_sha": head,
                                      "author": "ani-lestari", "reviews": []}))
    gate = cli(sample_git_repo, "gate", "evaluate", "--input", str(gate_input), env=tight)
    assert gate.returncode == 1
    verdict = json.loads(gate.stdout)
    assert verdict["approved"] is False
    assert verdict["requirements"][0]["scope"] == "limits"
    assert "Putusan persetujuan dihentikan" in verdict["requirements"][0]["reason"]
