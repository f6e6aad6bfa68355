"""The site shows what the other stages recorded (copies on the networks, the evaluation pages), read by the
command layer (warta.commands.build) and passed into the build as plain data."""

from __future__ import annotations

from pathlib import Path

from tests.site.conftest import NOW
from warta.commands.build import evaluation_pages, ledger_links
from warta.dispatch.ledger import Ledger
from warta.dispatch.model import Key
from warta.site import build_site
from warta.site.build import BUILT, FRESH

POST = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
PAGE = "dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html"
PERMALINK = "https://www.instagram.com/p/Cwarta123/"


def test_post_page_links_to_its_copies_from_the_ledger(site_repo: Path, tmp_path: Path) -> None:
    out, ledger = tmp_path / "site", tmp_path / "ledger"
    assert build_site(site_repo, out, now=NOW, jobs=1, links=ledger_links(ledger)).ok
    assert PERMALINK not in (out / PAGE).read_text(encoding="utf-8")
    with Ledger(ledger).lock(Key("dinas-contoh", POST, "instagram")) as entry:
        entry.record("attempt")
        entry.record("success", remote_id="1790", permalink=PERMALINK)
    report = build_site(site_repo, out, now=NOW, jobs=1, links=ledger_links(ledger))
    assert report.status == {"dinas-contoh": BUILT, "badan-contoh": FRESH}  # only that shard
    html = (out / PAGE).read_text(encoding="utf-8")
    assert f'href="{PERMALINK}"' in html and ">Instagram<" in html


def test_evaluation_pages_come_from_the_metrics_store(site_repo: Path, tmp_path: Path) -> None:
    out, store = tmp_path / "site", tmp_path / "metrics"
    store.mkdir()
    assert build_site(site_repo, out, now=NOW, jobs=1,
                      pages=evaluation_pages(site_repo, store, tmp_path / "l", NOW)).ok
    evaluation = (out / "evaluasi/index.html").read_text(encoding="utf-8")
    assert "Dinas Contoh" in evaluation and "Badan Contoh" in evaluation
    assert "<svg" in evaluation
    assert (out / "kinerja/dinas-contoh/index.html").is_file()
    portal = (out / "index.html").read_text(encoding="utf-8")
    assert "evaluasi/" in portal  # in the menu


def test_approval_lead_time_comes_from_the_exported_pull_requests(site_repo: Path, tmp_path: Path) -> None:
    """The metrics workflow writes `gh pr list --json ... --jq '.[]'` as JSON Lines into the store."""
    import json

    out, store = tmp_path / "site", tmp_path / "metrics"
    (store / "github").mkdir(parents=True)
    pull = {"number": 7, "createdAt": "2026-11-20T01:00:00Z", "mergedAt": "2026-11-20T07:00:00Z",
            "files": [{"path": POST, "additions": 10, "deletions": 0}],
            "reviews": [{"author": {"login": "kepala-contoh"}, "state": "APPROVED",
                         "submittedAt": "2026-11-20T05:00:00Z"}]}
    (store / "github/pull-requests.jsonl").write_text(json.dumps(pull) + "\n", encoding="utf-8")
    assert build_site(site_repo, out, now=NOW, jobs=1,
                      pages=evaluation_pages(site_repo, store, tmp_path / "l", NOW)).ok
    kinerja = (out / "kinerja/dinas-contoh/index.html").read_text(encoding="utf-8")
    assert "6 jam" in kinerja or "6,0 jam" in kinerja or "6.0 jam" in kinerja
