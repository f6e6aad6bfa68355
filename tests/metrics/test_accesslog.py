"""Website traffic from a real access log: counts only, no visitor identity kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from warta.metrics.accesslog import parse_access_log

UA = "Mozilla/5.0 (Linux; Android 14) Chrome/131 Mobile"
POST = "/dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/"


def line(ip: str, when: str, target: str, status: int = 200, referer: str = "-", agent: str = UA) -> str:
    return f'{ip} - - [{when} +0700] "GET {target} HTTP/1.1" {status} 5120 "{referer}" "{agent}"\n'


LOG = [
    line("10.0.0.1", "28/Nov/2026:09:00:00", POST, referer="https://www.facebook.com/"),
    line("10.0.0.1", "28/Nov/2026:09:00:01", POST + "../../../_media/abc-960.webp"),  # an asset
    line("10.0.0.2", "28/Nov/2026:10:00:00", POST + "index.html"),
    line("10.0.0.1", "29/Nov/2026:08:00:00", POST, referer="https://warta.example.go.id/"),  # returns
    line("10.0.0.3", "29/Nov/2026:08:30:00", POST + "?utm_source=wa"),
    line("10.0.0.3", "29/Nov/2026:08:31:00", "/dinas-contoh/berita/2026/media/brosur.pdf"),  # a download
    line("10.0.0.4", "29/Nov/2026:09:00:00", POST, agent="Googlebot/2.1"),  # a bot
    line("10.0.0.5", "29/Nov/2026:09:00:00", POST, status=404),
    line("10.0.0.6", "28/Nov/2026:23:30:00 ", "/"),  # the portal
    "bukan baris log\n",
]


def test_daily_counts_per_page_without_identities() -> None:
    result = parse_access_log(LOG, agencies={"dinas-contoh"}, site_host="warta.example.go.id",
                              name="access.log", at="2026-11-30T00:00:00+07:00")
    by_key = {(s.day, s.post_id): s.values for s in result.snapshots}
    assert by_key[("2026-11-28", POST)] == {"visits": 2, "visitors": 2, "returning_visitors": 0,
                                            "downloads": 0, "links_in": 1}
    assert by_key[("2026-11-29", POST)] == {"visits": 2, "visitors": 2, "returning_visitors": 1,
                                            "downloads": 0, "links_in": 0}
    assert by_key[("2026-11-29", "/dinas-contoh/berita/2026/media/brosur.pdf")]["downloads"] == 1
    portal = [s for s in result.snapshots if s.agency == "portal"]
    assert len(portal) == 1 and portal[0].values["visits"] == 1
    assert {s.agency for s in result.snapshots} == {"dinas-contoh", "portal"}
    stored = json.dumps([s.as_json() for s in result.snapshots])
    assert "10.0.0." not in stored and "Mozilla" not in stored  # nobody's address or browser kept
    assert result.problems == ["access.log:10: baris tidak berformat log akses (Common/Combined)."]


def test_cli_imports_an_access_log_into_the_store(sample_repo: Path, tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    log.write_text("".join(LOG[:6]), encoding="utf-8")
    store = tmp_path / "store"
    result = subprocess.run([sys.executable, "-m", "warta.cli", "metrics", "import", str(log), "--network",
                             "access-log", "--store", str(store)], cwd=sample_repo, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    files = list(store.rglob("*.jsonl"))
    assert files and "10.0.0." not in "".join(f.read_text() for f in files)
    bad = tmp_path / "bukan.log"
    bad.write_text("halo\n", encoding="utf-8")
    refused = subprocess.run([sys.executable, "-m", "warta.cli", "metrics", "import", str(bad), "--network",
                              "access-log", "--store", str(store)], cwd=sample_repo, capture_output=True,
                             text=True, timeout=120)
    assert refused.returncode == 2 and "bukan log akses" in refused.stderr and "Traceback" not in refused.stderr
