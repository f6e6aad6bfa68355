"""`warta inbox reply`: one answer per comment through each network's real reply call, exactly once
(re-runs and concurrent runs), refused when the text is impolite or leaks personal data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from tests.metrics.conftest import NOW
from tests.metrics.fakes import FakeState
from warta.errors import WartaError
from warta.metrics.inbox import response_stats, unanswered
from warta.metrics.model import Comment
from warta.metrics.reply import ReplyConfig, find_comment, send_reply, text_problems
from warta.metrics.store import Store
from warta.roster.models import Province

POST = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
OAUTH1 = "oauth1:ck:cs:at:ats"
PROVINCE = Province(sensitive_words=("goblok", "bangsat"))


def comment(network: str, cid: str, remote: str, parent: str | None = None, when: str = "2026-11-28T09:00:00+07:00",
            ours: bool = False) -> Comment:
    return Comment(network, "dinas-contoh", POST, remote, cid, parent, f"a-{cid}", ours, when, question=True)


COMMENTS = [comment("facebook", "100_200_c1", "100_200"), comment("instagram", "ig_c1", "17900"),
            comment("instagram", "ig_c9", "17900", parent="ig_c1", when="2026-11-28T10:00:00+07:00"),
            comment("youtube", "yt_c1", "dQw4w9WgXcQ"), comment("x", "x_r1", "1860001"),
            comment("tiktok", "tt_c1", "7300000000000000001")]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    target = Store(tmp_path / "metrics")
    target.append_comments(COMMENTS, "2026-11-28")
    return target


def config(store: Store, fake: FakeState, by: str = "ani-lestari") -> ReplyConfig:
    env = {**fake.env(), "WARTA_TOKEN_DINAS_CONTOH_X": OAUTH1}
    return ReplyConfig(store=store, province=PROVINCE, by=by, env=env, now=lambda: NOW)


def test_each_network_gets_its_real_reply_call_once(store: Store, fake: FakeState) -> None:
    for _ in range(3):
        for cid in ("100_200_c1", "ig_c9", "yt_c1", "x_r1"):
            send_reply(find_comment(store.comments(), cid, None), "Terima kasih, jadwalnya 5 Desember.",
                       config(store, fake))
    posts = [r for r in fake.requests if r["method"] == "POST"]
    assert [(r["network"], r["path"]) for r in posts] == [
        ("facebook", "/100_200_c1/comments"), ("instagram", "/ig_c1/replies"),  # IG nests one level: the thread
        ("youtube", "/youtube/v3/comments"), ("x", "/2/tweets")]
    assert posts[0]["body"] == {"message": "Terima kasih, jadwalnya 5 Desember."}
    assert posts[2]["query"] == {"part": "snippet"} and posts[2]["body"]["snippet"]["parentId"] == "yt_c1"
    assert posts[3]["body"] == {"text": "Terima kasih, jadwalnya 5 Desember.",
                                "reply": {"in_reply_to_tweet_id": "x_r1"}}
    assert posts[3]["auth"].startswith("OAuth ") and 'oauth_consumer_key="ck"' in posts[3]["auth"]
    assert posts[0]["auth"] == "Bearer tok-facebook"


def test_answer_counts_for_the_inbox_and_pedoman_xi_without_citizens_text(store: Store, fake: FakeState) -> None:
    before = response_stats(store.comments())["dinas-contoh"]
    outcome = send_reply(find_comment(store.comments(), "100_200_c1", "facebook"), "Baik, kami cek.",
                         config(store, fake))
    assert outcome.status == "sent" and outcome.response_hours == 24.0  # 28 Nov 09:00 → 29 Nov 09:00 WIB
    comments = store.comments()
    assert "100_200_c1" not in [i.comment.comment_id for i in unanswered(comments, NOW)]
    after = response_stats(comments)["dinas-contoh"]
    assert (before.answered, after.answered, after.median_hours) == (0, 1, 24.0)
    [record] = store.replies()
    assert {k: record[k] for k in ("comment_id", "reply_id", "by", "response_hours")} == {
        "comment_id": "100_200_c1", "reply_id": "100_200_c1_r1", "by": "ani-lestari", "response_hours": 24.0}
    stored = "".join(p.read_text() for p in store.root.rglob("*.jsonl"))
    assert "Baik, kami cek" not in stored  # reply records keep ids, time and who, not text
    again = send_reply(find_comment(store.comments(), "100_200_c1", "facebook"), "Baik.", config(store, fake, "budi"))
    assert again.status == "already" and "ani-lestari" in again.message and len(fake.replies) == 1


def test_concurrent_runs_send_one_reply(store: Store, fake: FakeState) -> None:
    fake.reply_delay = 0.3
    target = find_comment(store.comments(), "yt_c1", None)
    outcomes: list[str] = []
    threads = [threading.Thread(target=lambda: outcomes.append(
        send_reply(target, "Terima kasih.", config(store, fake)).status)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "already", "already", "sent"] and len(fake.replies) == 1


def test_a_refused_reply_is_tried_again_and_tiktok_is_explained(store: Store, fake: FakeState) -> None:
    fake.failures["facebook"] = [400]
    first = send_reply(find_comment(store.comments(), "100_200_c1", None), "Siap.", config(store, fake))
    assert first.status == "failed" and "Facebook" in first.message and fake.replies == []
    second = send_reply(find_comment(store.comments(), "100_200_c1", None), "Siap.", config(store, fake))
    assert second.status == "sent" and len(fake.replies) == 1
    tiktok = send_reply(find_comment(store.comments(), "tt_c1", None), "Siap.", config(store, fake))
    assert tiktok.status == "failed" and "TikTok tidak menyediakan API" in tiktok.message


@pytest.mark.parametrize(("text", "expected"), [
    ("Dasar goblok", "kata `goblok`"), ("Jangan lupa coblos nomor urut 2", "`coblos`"),
    ("Hubungi 0812-3456-7890", "nomor telepon"), ("Kirim ke petugas@gmail.com", "e-mail"),
    ("NIK Anda 1771012345670001 sudah terdaftar", "NIK `1771…0001`"),
])
def test_politeness_and_privacy_checks(text: str, expected: str) -> None:
    problems = text_problems(text, PROVINCE)
    assert problems and expected in " ".join(problems)


def test_official_email_and_plain_answer_pass() -> None:
    assert text_problems("Silakan kirim berkas ke layanan@bengkuluprov.go.id, terima kasih.", PROVINCE) == []


def test_impolite_text_is_never_sent(store: Store, fake: FakeState) -> None:
    with pytest.raises(WartaError, match="Pedoman VI"):
        send_reply(find_comment(store.comments(), "x_r1", None), "Jangan goblok dong", config(store, fake))
    assert fake.replies == [] and fake.requests == []


def run(repo: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "warta.cli", "inbox", "reply", *args], cwd=repo, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "COLUMNS": "200", **env})


def test_cli_replies_once_however_often_it_runs(sample_repo: Path, store: Store, fake: FakeState) -> None:
    env = {**fake.env(), "GITHUB_ACTOR": "ani-lestari"}
    fake.reply_delay = 0.3
    args = ("100_200_c1", "--text", "Terima kasih, sudah kami teruskan.", "--store", str(store.root))
    together = [run(sample_repo, env, *args) for _ in range(3)]  # concurrently
    results = [(p.wait(timeout=120), p.communicate()) for p in together]
    later = run(sample_repo, env, *args)  # and once more afterwards
    results.append((later.wait(timeout=120), later.communicate()))
    assert [code for code, _ in results] == [0] * 4, results
    assert len(fake.replies) == 1 and fake.replies[0]["target"] == "100_200_c1"
    assert sum("sudah dijawab oleh ani-lestari" in out for _, (out, _) in results) == 3
    refused = run(sample_repo, env, "x_r1", "--text", "Dasar bangsat", "--store", str(store.root))
    out, err = refused.communicate(timeout=120)
    assert refused.returncode == 1 and "Balasan tidak dikirim" in err and "bangsat" in err and "Traceback" not in err
    assert len(fake.replies) == 1
    listed = subprocess.run([sys.executable, "-m", "warta.cli", "inbox", "--store", str(store.root), "--format",
                             "json"], cwd=sample_repo, capture_output=True, text=True, timeout=120,
                            env={**os.environ})  # no tokens: texts are not fetched
    shown = json.loads(listed.stdout)
    assert "100_200_c1" not in [i["comment_id"] for i in shown] and {i["sumber"] for i in shown} == {"komentar"}


def test_unknown_comment_says_how_to_find_one(store: Store) -> None:
    with pytest.raises(WartaError, match="warta metrics collect"):
        find_comment(store.comments(), "tidak-ada", None)
    assert isinstance(NOW, datetime)


def test_reply_workflow_runs_as_the_person_with_inputs_outside_the_script() -> None:
    import yaml

    workflow = Path(__file__).resolve().parents[2] / ".github/workflows/balas.yml"
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    job = data["jobs"]["reply"]
    assert job["environment"] == "social" and job["permissions"] == {"contents": "read"}
    step = next(s for s in job["steps"] if s.get("name") == "warta inbox reply")
    assert step["env"]["COMMENT_ID"] == "${{ inputs.comment_id }}" and "${{" not in step["run"]
    assert 'warta inbox reply "$COMMENT_ID" --text "$REPLY_TEXT"' in step["run"]
    assert "gitstore push" in step["run"]  # who answered and when reach the warta-metrics branch


def test_a_comment_the_agency_answered_on_the_network_is_not_answered_again(store: Store, fake: FakeState) -> None:
    answered = comment("facebook", "100_200_own", "100_200", parent="100_200_c1", when="2026-11-28T11:00:00+07:00",
                       ours=True)
    store.append_comments([answered], "2026-11-28")
    outcome = send_reply(find_comment(store.comments(), "100_200_c1", None), "Siap.", config(store, fake))
    assert outcome.status == "already" and "langsung di jaringan" in outcome.message and fake.replies == []
