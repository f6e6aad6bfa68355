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


def test_evaluation_is_built_without_a_store_and_scores_no_agency_without_data(site_repo: Path,
                                                                               tmp_path: Path) -> None:
    """No metrics store at all: /evaluasi/ and /kinerja/<slug>/ come from git and the ledger's
    approval records; Badan Contoh has no post and no data, so it gets no score (not 41.2)."""
    import json

    from warta.commands.approvals import read_approvals

    ledger = tmp_path / "ledger"
    (ledger / "approvals").mkdir(parents=True)
    (ledger / "approvals/9.jsonl").write_text(json.dumps({
        "pr": 9, "url": "https://github.com/o/r/pull/9", "files": [POST], "opened_at": "2026-11-19T01:00:00+00:00",
        "merged_at": "2026-11-19T07:00:00+00:00",
        "approvers": [{"login": "kepala-contoh", "name": "Kepala Contoh", "at": "2026-11-19T05:00:00+00:00"}]}) + "\n",
        encoding="utf-8")
    out = tmp_path / "site"
    approvals = read_approvals(ledger)
    records = [r for found in approvals.values() for r in found]
    assert build_site(site_repo, out, now=NOW, jobs=1, links=ledger_links(ledger), approvals=approvals,
                      pages=evaluation_pages(site_repo, tmp_path / "tidak-ada", ledger, NOW, approvals=records)).ok
    evaluation = (out / "evaluasi/index.html").read_text(encoding="utf-8")
    rows: dict[str, str] = {}
    for row in evaluation.split("<tr>")[1:]:  # the ranking table comes first
        for name in ("Dinas Contoh", "Badan Contoh"):
            if name in row:
                rows.setdefault(name, row)
    import re

    cells = {name: re.findall(r"<td[^>]*>(.*?)</td>", row) for name, row in rows.items()}
    assert not re.search(r"\d", cells["Badan Contoh"][2]), cells  # the score column: shown as missing
    assert cells["Dinas Contoh"][6] == "6", cells  # opened → merged: 6 hours, from the approval record
    assert (out / "kinerja/badan-contoh/index.html").is_file()
