"""Dashboards end to end: collected data → evaluation of every agency → pages; privacy; the CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.metrics.conftest import NOW
from tests.metrics.fakes import TEXTS, FakeState
from warta.metrics.collect import collect, comment_texts
from warta.metrics.dashboard import build_dashboard, write_dashboard
from warta.metrics.labels import labelled
from warta.metrics.ledger import published_copies
from warta.metrics.model import Comment, Snapshot
from warta.metrics.store import Store
from warta.roster.models import Roster

PRS = [{"number": 7, "createdAt": "2026-11-19T01:00:00Z", "mergedAt": "2026-11-19T09:00:00Z",
        "files": [{"path": "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"}],
        "reviews": [{"state": "COMMENTED", "submittedAt": "2026-11-19T02:00:00Z"},
                    {"state": "APPROVED", "submittedAt": "2026-11-19T05:00:00Z"}]}]


def collected(sample_repo: Path, ledger_dir: Path, roster: Roster, fake: FakeState, tmp_path: Path) -> Path:
    store = Store(tmp_path / "store")
    collect(published_copies(ledger_dir), roster, store, now=NOW, env=fake.env(), sleep=lambda s: None)
    store.append_snapshots([Snapshot("website", "website", "dinas-contoh", "/p/", "/p/", "2026-11-21", "t",
                                     "import:website", {"visits": 120, "visitors": 90, "returning_visitors": 18,
                                                        "downloads": 7, "links_in": 3})])
    return store.root


def test_pages_for_every_agency_traceable(sample_repo: Path, ledger_dir: Path, roster: Roster, fake: FakeState,
                                          tmp_path: Path) -> None:
    store_dir = collected(sample_repo, ledger_dir, roster, fake, tmp_path)
    prs = tmp_path / "prs.json"
    prs.write_text(json.dumps(PRS))
    board = build_dashboard(sample_repo, store_dir, ledger_dir, NOW, pr_events=prs)
    assert [r.slug for r in board.rows] == ["dinas-contoh", "badan-contoh"]  # every roster agency, ranked
    top = board.row("dinas-contoh")
    assert top.rank == 1 and top.lead_time is not None and top.lead_time.to_merge_hours == 8.0
    assert top.lead_time.to_approval_hours == 4.0
    assert top.dispatch_success == 100.0 and board.row("badan-contoh").dispatch_success == 0.0
    assert top.response is not None and top.response.answered == 3
    frekuensi = next(m for m in top.measures if m.key == "frekuensi")
    assert frekuensi.inputs["views"] == 1000 + 1500 + 900 + 2500 + 4000 and frekuensi.inputs["visits"] == 120
    assert frekuensi.value == 9900 + 120
    written = write_dashboard(board, tmp_path / "out")
    names = {p.relative_to(tmp_path / "out").as_posix() for p in written}
    assert {"evaluasi.md", "evaluasi.html", "kinerja/dinas-contoh.md", "kinerja/badan-contoh.md",
            "metrik.json"} <= names
    province = (tmp_path / "out/evaluasi.md").read_text()
    assert "Dinas Contoh" in province and "Badan Contoh" in province and "belum ada data" in province
    assert "`views`=9.900" in province  # the source numbers beside the measures
    page = (tmp_path / "out/kinerja/dinas-contoh.md").read_text()
    assert "Posyandu Serentak di Kota Bengkulu" in page and "Rekomendasi tindak lanjut" in page
    data = json.loads((tmp_path / "out/metrik.json").read_text())
    assert data["agencies"][0]["measures"][1]["inputs"]["views"] == 9900


def test_public_pages_hold_no_comment_text_or_author(sample_repo: Path, ledger_dir: Path, roster: Roster,
                                                     fake: FakeState, tmp_path: Path) -> None:
    store_dir = collected(sample_repo, ledger_dir, roster, fake, tmp_path)
    board = build_dashboard(sample_repo, store_dir, ledger_dir, NOW)
    written = write_dashboard(board, tmp_path / "out")
    comments = Store(store_dir).comments()
    assert comments
    secrets = list(TEXTS.values()) + [c.author_key for c in comments] + ["warga.satu", "UCwarga", "9001"]
    for path in written:
        text = path.read_text()
        for secret in secrets:
            assert secret not in text, (path, secret)


def test_charts_are_static_and_accessible(sample_repo: Path, ledger_dir: Path, roster: Roster, fake: FakeState,
                                          tmp_path: Path) -> None:
    store_dir = collected(sample_repo, ledger_dir, roster, fake, tmp_path)
    board = build_dashboard(sample_repo, store_dir, ledger_dir, NOW)
    for page in (board.province_page(), board.agency_page("dinas-contoh")):
        svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
        assert svgs and "<script" not in page and "http://www.w3.org/2000/svg" in svgs[0]
        assert all("<title" in s and "<desc" in s and 'role="img"' in s for s in svgs)
        assert "| --- |" in page  # the tables behind the charts
    ids = re.findall(r'id="([^"]+)"', board.province_page())
    assert len(ids) == len(set(ids))


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200"}, timeout=120)


def test_cli(sample_repo: Path, ledger_dir: Path, roster: Roster, fake: FakeState, tmp_path: Path) -> None:
    store_dir = collected(sample_repo, ledger_dir, roster, fake, tmp_path)
    result = run(sample_repo, "metrics", "report", "--out", str(tmp_path / "o"), "--store", str(store_dir),
                 "--ledger", str(ledger_dir), "--now", "2026-11-29T09:00")
    assert result.returncode == 0, result.stderr
    assert "2 perangkat daerah" in result.stdout and (tmp_path / "o/evaluasi.md").is_file()
    inbox = run(sample_repo, "inbox", "--agency", "dinas-contoh", "--store", str(store_dir), "--format", "json")
    assert inbox.returncode == 0, inbox.stderr
    items = json.loads(inbox.stdout)
    assert items[0]["question"] and all(i["agency"] == "dinas-contoh" for i in items)
    assert {i["text"] for i in items} == {"(teks tidak tersedia)"}  # no token here: the store has no text
    bad = run(sample_repo, "inbox", "--agency", "tidak-ada", "--store", str(store_dir))
    assert bad.returncode == 2 and "tidak-ada" in bad.stderr and "Traceback" not in bad.stderr
    csv_file = tmp_path / "x.csv"
    csv_file.write_text("kolom,aneh\n1,2\n")
    bad = run(sample_repo, "metrics", "import", str(csv_file), "--network", "x", "--ledger", str(ledger_dir),
              "--store", str(store_dir))
    assert bad.returncode == 2 and "x.csv:1" in bad.stderr and "Traceback" not in bad.stderr
    since = run(sample_repo, "metrics", "collect", "--since", "kemarin", "--ledger", str(ledger_dir))
    assert since.returncode == 2 and "--since" in since.stderr


def test_the_store_keeps_no_comment_text_and_the_inbox_reads_it_from_the_network(
        sample_repo: Path, ledger_dir: Path, roster: Roster, fake: FakeState, tmp_path: Path) -> None:
    store_dir = collected(sample_repo, ledger_dir, roster, fake, tmp_path)
    stored = "".join(p.read_text(encoding="utf-8") for p in sorted(store_dir.rglob("*")) if p.is_file())
    assert '"question": true' in stored and '"sentiment": "negatif"' in stored  # the labels are kept
    for text in TEXTS.values():
        for fragment in (text, text[:20], "Sawah Lebar", "dinascontoh berapa"):
            assert fragment not in stored, fragment
    env = {**os.environ, **fake.env(), "COLUMNS": "200"}
    env.pop("WARTA_TOKEN_DINAS_CONTOH_TIKTOK", None)
    shown = subprocess.run([sys.executable, "-m", "warta.cli", "inbox", "--agency", "dinas-contoh", "--store",
                            str(store_dir), "--format", "json"], cwd=sample_repo, capture_output=True, text=True,
                           env=env, timeout=120)
    assert shown.returncode == 0, shown.stderr
    texts = {i["comment_id"]: i["text"] for i in json.loads(shown.stdout)}
    # Read from the (fake) network now: the unanswered ones on Instagram, YouTube and Facebook.
    assert texts == {"ig_c2": TEXTS["ig_c2"], "yt_c1": TEXTS["yt_c1"], "100_200_c2": TEXTS["c2"]}
    # X (answered, so not in the inbox) through the same call; TikTok has no such API.
    x_reply = next(c for c in Store(store_dir).comments() if c.comment_id == "x_r1")
    tiktok = Comment("tiktok", "dinas-contoh", "p", "v", "tt_1", None, "k", False, "2026-11-20T10:00:00+07:00")
    assert comment_texts([x_reply, tiktok], env=fake.env(), sleep=lambda s: None) == {
        ("x", "x_r1"): TEXTS["x_r1"], ("tiktok", "tt_1"): None}
    asked = {(r["network"], r["path"]) for r in fake.requests}
    assert {("instagram", "/ig_c2"), ("x", "/2/tweets/x_r1"), ("youtube", "/youtube/v3/comments"),
            ("facebook", "/100_200_c2")} <= asked


def test_old_store_records_with_text_are_read_as_labels(tmp_path: Path) -> None:
    old = {"network": "facebook", "agency": "dinas-contoh", "post_id": "p", "remote_id": "r", "comment_id": "c9",
           "parent_id": None, "author_key": "k", "by_agency": False, "text": "Kapan jalan berlubang diperbaiki?",
           "created_at": "2026-11-20T10:00:00+07:00", "permalink": None}
    path = tmp_path / "comments/facebook/2026-11-20.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(old) + "\n")
    [comment] = Store(tmp_path).comments()
    assert comment.question and comment.topic == "Jalan dan infrastruktur" and "text" not in comment.as_json()


def test_kinerja_page_shows_a_word_only_when_five_people_used_it(sample_repo: Path, ledger_dir: Path,
                                                                 tmp_path: Path) -> None:
    def said(n_people: int, times: int) -> list[Comment]:
        return [labelled("facebook", "dinas-contoh", "p", "r", f"c{i}", None, f"warga-{i % n_people}", False,
                         "Kapan pendaftaran beasiswa dibuka?", "2026-11-20T10:00:00+07:00") for i in range(times)]

    four = build_dashboard(sample_repo, tmp_path / "none", ledger_dir, NOW, comments=said(4, 10))
    assert "beasiswa" not in four.agency_page("dinas-contoh")  # 10 uses, 4 people
    five = build_dashboard(sample_repo, tmp_path / "none", ledger_dir, NOW, comments=said(5, 5))
    assert "beasiswa (5 orang)" in five.agency_page("dinas-contoh")
