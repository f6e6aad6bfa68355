"""Sending against the fakes: exactly once under re-runs, concurrency, faults, crashes, cancelled runs."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.dispatch.conftest import VIDEO_BYTES, Networks, Repo, add_posts, run_due, run_range, statuses
from warta.channels.xcount import x_weighted_length
from warta.dispatch.ledger import Entry, Ledger, confirm, permalinks
from warta.dispatch.model import Key
from warta.dispatch.run import exit_code
from warta.timeutil import as_wib

POSYANDU = Key("dinas-contoh", "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md", "instagram")


@pytest.fixture(autouse=True)
def _posyandu_already_sent(ledger: Ledger) -> None:
    """The first commit's post went out long ago: only the posts added by the tests are new."""
    with ledger.lock(POSYANDU) as entry:
        entry.record("success", remote_id="1", permalink="https://www.instagram.com/p/C1/")


SENT = {("pameran-umkm", "instagram"): "sent", ("pameran-umkm", "facebook"): "sent",
        ("pameran-umkm", "x"): "sent", ("video-cuci-tangan", "facebook"): "sent",
        ("video-cuci-tangan", "youtube"): "sent", ("video-cuci-tangan", "tiktok"): "sent",
        ("video-cuci-tangan", "x"): "sent", ("festival-tabut", "facebook"): "scheduled"}


def assert_one_copy_each(networks: Networks, instagram: int = 1) -> None:
    assert len(networks.graph.feed) == 2
    assert len(networks.graph.ig_media) == instagram
    assert len(networks.x.tweets) == 2
    assert len(networks.youtube.videos) == 1
    assert len(networks.tiktok.published) == 1


def test_run_sends_everything_once_and_reruns_send_nothing(repo: Repo, ledger: Ledger,
                                                           networks: Networks) -> None:
    after = add_posts(repo)
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    assert statuses(outcomes) == SENT
    assert exit_code(outcomes) == 0
    assert_one_copy_each(networks)
    for _ in range(2):
        plan, again = run_range(repo, ledger, repo.initial, after)
        assert [o.status for o in again] == ["scheduled"]
        _, due = run_due(repo, ledger)
        assert [o.status for o in due] == ["scheduled"]
    assert_one_copy_each(networks)
    # Each network got what it expects.
    carousel = networks.graph.ig_media[0]
    assert carousel["media_type"] == "CAROUSEL" and len(carousel["children"]) == 2
    assert networks.youtube.videos[0]["size"] == len(VIDEO_BYTES)
    assert networks.youtube.videos[0]["snippet"]["title"] == "Video Kampanye Cuci Tangan"
    assert networks.tiktok.published[0]["received"] == len(VIDEO_BYTES)
    fb_video = next(p for p in networks.graph.feed if p.get("video"))
    assert fb_video["video"] == "https://warta.example.go.id/dinas-contoh/berita/2026/media/cuci-tangan.mp4"
    links = permalinks(ledger.root)
    assert links["content/dinas-contoh/2026/2026-11-21-pameran-umkm.md"]["instagram"].startswith(
        "https://www.instagram.com/p/")
    assert set(links["content/dinas-contoh/2026/2026-11-21-video-cuci-tangan.md"]) == {
        "facebook", "youtube", "tiktok", "x"}


def test_instagram_container_is_polled_until_finished(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    networks.graph.polls_until_finished = 3
    slept: list[float] = []
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo), sleep=slept.append)
    assert statuses(outcomes)[("pameran-umkm", "instagram")] == "sent"
    containers = networks.graph.calls("ig_container")
    assert [c.form().get("is_carousel_item") for c in containers] == ["true", "true", None]
    assert containers[0].form()["image_url"] == "https://warta.example.go.id/dinas-contoh/berita/2026/media/umkm-1.jpg"
    assert containers[2].form()["media_type"] == "CAROUSEL"
    polls = [c for c in networks.graph.calls("object") if "status_code" in c.query.get("fields", "")]
    assert len(polls) == 9 and slept.count(0.0) >= 6  # three containers, three polls each
    assert len(networks.graph.calls("ig_publish")) == 1


def test_three_concurrent_runs_post_exactly_once(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    after = add_posts(repo)
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def one_run() -> None:
        try:
            _, outcomes = run_range(repo, ledger, repo.initial, after)
            results.append(sorted(o.status for o in outcomes))
        except BaseException as exc:  # noqa: BLE001 - surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=one_run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert_one_copy_each(networks)
    sent = sum(r.count("sent") for r in results)
    assert sent == 7 and all("failed" not in r and "uncertain" not in r for r in results)


def test_outage_of_one_network_does_not_block_the_others_and_due_recovers(
        repo: Repo, ledger: Ledger, networks: Networks) -> None:
    networks.x.fail("tweets", 503, {"title": "Service Unavailable", "detail": "Service Unavailable"}, times=50)
    after = add_posts(repo)
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    result = statuses(outcomes)
    assert result[("pameran-umkm", "x")] == "failed" and result[("video-cuci-tangan", "x")] == "failed"
    assert [s for k, s in result.items() if k[1] != "x"].count("sent") == 5
    assert exit_code(outcomes) == 1
    assert len(networks.x.calls("tweets")) == 10  # five tries each, then recorded for `due`
    networks.x.faults.clear()
    _, recovered = run_due(repo, ledger)
    assert statuses(recovered) == {("pameran-umkm", "x"): "sent", ("video-cuci-tangan", "x"): "sent",
                                   ("festival-tabut", "facebook"): "scheduled"}
    assert exit_code(recovered) == 0
    assert_one_copy_each(networks)


def test_429_waits_as_the_network_says(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    networks.graph.fail("fb_feed", 429, {"error": {"message": "Too many calls", "code": 32, "type": "OAuthException"}},
                        headers={"Retry-After": "7"})
    reset = int(time.time()) + 30
    networks.x.fail("tweets", 429, {"errors": [{"code": 88, "message": "Rate limit exceeded"}]},
                    headers={"x-rate-limit-limit": "100", "x-rate-limit-remaining": "0",
                             "x-rate-limit-reset": str(reset)})
    slept: list[float] = []
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo), sleep=slept.append)
    assert exit_code(outcomes) == 0
    assert 7.0 in slept
    assert any(25 <= s <= 31 for s in slept)
    assert_one_copy_each(networks)


def test_long_rate_limit_is_left_for_due(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    networks.x.fail("tweets", 429, {"errors": [{"code": 88}]},
                    headers={"x-rate-limit-reset": str(int(time.time()) + 900)}, times=2)
    after = add_posts(repo)
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    assert statuses(outcomes)[("pameran-umkm", "x")] == "failed"
    _, early = run_due(repo, ledger)
    assert all(o.status == "failed" and "Menunggu" in o.message for o in early if o.item.key.channel == "x")
    assert len(networks.x.tweets) == 0
    _, later = run_due(repo, ledger, clock=lambda: time.time() + 1000)
    assert statuses(later)[("pameran-umkm", "x")] == "sent"


def test_timeout_after_sending_is_uncertain_then_reconciled(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    networks.graph.fail("fb_feed", after=True, delay=0.8)  # the post is made; the answer comes too late
    after = add_posts(repo)
    _, outcomes = run_range(repo, ledger, repo.initial, after, timeout=httpx.Timeout(0.4))
    result = statuses(outcomes)
    assert result[("pameran-umkm", "facebook")] == "uncertain"
    assert exit_code(outcomes) == 1
    assert "TIDAK PASTI" in next(o.message for o in outcomes if o.status == "uncertain")
    _, rerun = run_range(repo, ledger, repo.initial, after)
    assert statuses(rerun)[("pameran-umkm", "facebook")] == "reconciled"
    assert exit_code(rerun) == 0
    assert len(networks.graph.feed) == 2  # never sent twice


class SimulatedCrash(BaseException):
    pass


def test_crash_between_send_and_record_never_resends(repo: Repo, ledger: Ledger, networks: Networks,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    after = add_posts(repo)
    real = Entry.record

    def crash_on_success(self: Entry, event: str, **fields: object) -> dict[str, object]:
        if event == "success":
            raise SimulatedCrash()
        return real(self, event, **fields)

    with monkeypatch.context() as patch:
        patch.setattr(Entry, "record", crash_on_success)
        with pytest.raises(SimulatedCrash):
            run_range(repo, ledger, repo.initial, after)
    sent_before = networks.total_posts()
    assert sent_before >= 1
    _, rerun = run_range(repo, ledger, repo.initial, after)
    assert networks.total_posts() == 7  # the crashed sends were found, not repeated
    assert_one_copy_each(networks)
    by_status = statuses(rerun)
    for (_, channel), status in by_status.items():
        if status == "uncertain":
            assert channel in ("youtube", "tiktok")  # no API to look: a person confirms
    assert exit_code(rerun) == 1
    assert ledger.uncertain()
    for key, _ in ledger.uncertain():
        confirm(ledger.root, key, sent=True, permalink="https://www.youtube.com/watch?v=vid1")
    _, settled = run_due(repo, ledger)
    assert exit_code(settled) == 0
    assert_one_copy_each(networks)


def test_cancelled_run_is_sent_by_the_next_run_or_due(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    first = add_posts(repo)  # its workflow run was cancelled: never dispatched
    repo.write("content/dinas-contoh/2026/2026-11-22-kerja-bakti.md",
               "---\ntitle: Kerja Bakti\ndate: 2026-11-22 07:00\nauthor: Budi Santoso\n"
               "channels: [website, facebook]\n---\nIsi\n")
    second = repo.commit("another post")
    _, outcomes = run_range(repo, ledger, first, second)
    assert statuses(outcomes) == {("kerja-bakti", "facebook"): "sent"}
    _, due = run_due(repo, ledger)
    assert [s for s in statuses(due).values()].count("sent") == 7  # everything from the cancelled run
    _, again = run_due(repo, ledger)
    assert [o.status for o in again] == ["scheduled"]


def test_token_errors_name_agency_and_network(repo: Repo, ledger: Ledger, networks: Networks,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_FACEBOOK", "expired")
    monkeypatch.delenv("WARTA_TOKEN_DINAS_CONTOH_TIKTOK")
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "revoked")
    after = add_posts(repo)
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    messages = {(o.item.post.slug, o.item.key.channel): o.message for o in outcomes if o.status == "failed"}
    fb = messages[("pameran-umkm", "facebook")]
    assert "Facebook" in fb and "Dinas Contoh" in fb and "WARTA_TOKEN_DINAS_CONTOH_FACEBOOK" in fb and "190" in fb
    assert "belum diatur" in messages[("video-cuci-tangan", "tiktok")]
    assert "X" in messages[("pameran-umkm", "x")] and "ditolak" in messages[("pameran-umkm", "x")]
    assert len(networks.graph.calls("fb_photos")) == 1  # never retried
    assert len(networks.graph.calls("fb_videos")) == 1
    assert len(networks.x.requests) == 2 and not networks.tiktok.requests  # first request of each post
    assert statuses(outcomes)[("pameran-umkm", "instagram")] == "sent"
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_FACEBOOK", "token-ok")
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_TIKTOK", "token-ok")
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "token-ok")
    _, fixed = run_due(repo, ledger)
    assert exit_code(fixed) == 0
    assert_one_copy_each(networks)


def test_x_caption_fits_the_weighted_limit(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    long_title = "Peresmian 🎉🎉 gedung 新しい " + "pelayanan terpadu satu pintu " * 12
    repo.write("content/dinas-contoh/2026/2026-11-21-panjang.md",
               f"---\ntitle: \"{long_title.strip()}\"\ndate: 2026-11-21 09:00\nauthor: Budi Santoso\n"
               "summary: " + "Ringkasan yang panjang sekali. " * 10 + "\ntags: [ptsp, pelayanan]\n"
               "channels: [website, x]\n---\nIsi\n")
    _, outcomes = run_range(repo, ledger, repo.initial, repo.commit("long"))
    assert statuses(outcomes) == {("panjang", "x"): "sent"}
    text = networks.x.tweets[0]["text"]
    assert x_weighted_length(text) <= 280
    assert "https://warta.example.go.id/dinas-contoh/berita/2026/2026-11-21-panjang/" in text


def test_non_retryable_errors_are_not_retried(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    networks.graph.fail("ig_publish", 400, {"error": {"message": "The user is restricted", "code": 368,
                                                      "type": "OAuthException"}})
    after = add_posts(repo)
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    assert statuses(outcomes)[("pameran-umkm", "instagram")] == "failed"
    assert len(networks.graph.calls("ig_publish")) == 1
    _, due = run_due(repo, ledger)  # same content: not retried blindly, still reported
    ig = next(o for o in due if o.item.key.channel == "instagram")
    assert ig.status == "failed" and "confirm --skip" in ig.message
    assert len(networks.graph.calls("ig_publish")) == 1


def test_youtube_link_means_nothing_to_upload(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    repo.write("content/dinas-contoh/2026/2026-11-21-video-tautan.md",
               "---\ntitle: Video Tautan\ndate: 2026-11-21 09:00\nauthor: Budi Santoso\n"
               "video: https://www.youtube.com/watch?v=Lq3tR8wN1bY\nchannels: [website, youtube]\n---\nIsi\n")
    _, outcomes = run_range(repo, ledger, repo.initial, repo.commit("yt"))
    assert outcomes[0].status == "sent" and "sudah ada di YouTube" in outcomes[0].message
    assert outcomes[0].permalink == "https://www.youtube.com/watch?v=Lq3tR8wN1bY"
    assert not networks.youtube.requests


def test_youtube_resumes_after_a_server_error(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    networks.youtube.fail("chunk", 503, {"error": {"code": 503, "message": "Backend Error",
                                                   "errors": [{"reason": "backendError"}]}})
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    assert statuses(outcomes)[("video-cuci-tangan", "youtube")] == "sent"
    assert networks.youtube.videos[0]["size"] == len(VIDEO_BYTES)


def test_dry_run_prints_requests_and_sends_nothing(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo), dry_run=True)
    assert {o.status for o in outcomes} == {"dry-run", "scheduled"}
    assert networks.total_posts() == 0 and not networks.graph.requests and not networks.x.requests
    assert [p.name for p in ledger.root.rglob("*.jsonl")] == [ledger.path(POSYANDU).name]
    tweet = next(c for o in outcomes for c in o.requests if c["url"].endswith("/2/tweets"))
    assert tweet["method"] == "POST" and tweet["headers"]["Authorization"] == "Bearer ***"
    assert "token-ok" not in repr([o.requests for o in outcomes])
    assert x_weighted_length(tweet["json"]["text"]) <= 280


def test_schedule_sends_on_due(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    run_range(repo, ledger, repo.initial, add_posts(repo))
    _, due = run_due(repo, ledger, now=as_wib("2026-11-25T08:30:00+07:00"))
    assert statuses(due) == {("festival-tabut", "facebook"): "sent"}


def test_media_center_posts_also_go_to_the_province_accounts(repo, ledger, networks, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Pedoman VIII.4: an approved `media_center: true` post is published on the Media Center accounts too."""
    from tests.dispatch.conftest import NULL, TOKEN

    monkeypatch.setenv("WARTA_TOKEN_MEDIA_CENTER_INSTAGRAM", TOKEN)
    path = repo.root / "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
    path.write_text(path.read_text().replace("---\nPosyandu", "media_center: true\n---\nPosyandu"))
    after = repo.commit("untuk Media Center")
    plan, outcomes = run_range(repo, ledger, NULL, after)
    owners = {(o.item.key.agency, o.item.key.channel): o.status for o in outcomes}
    # the agency's own copy went out before (autouse fixture); the Media Center's is new
    assert owners == {("media-center", "instagram"): "sent"}
    containers = {c.path for c in networks.graph.calls("ig_container")}
    assert containers == {"/v21.0/1/media"}  # the Media Center's Instagram account from _province.yml
    again, outcomes = run_range(repo, ledger, NULL, after)
    assert again.items == [] and outcomes == []  # exactly once
    assert "https://www.instagram.com/p/C1/" in str(permalinks(ledger.root))  # the page keeps the agency's link


def test_youtube_refresh_token_becomes_an_access_token(repo, ledger, networks, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Google access tokens live an hour: the stored secret is the refresh token."""

    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_YOUTUBE", "refresh:refresh-ok")
    monkeypatch.setenv("WARTA_YOUTUBE_CLIENT_ID", "client-id")
    monkeypatch.setenv("WARTA_YOUTUBE_CLIENT_SECRET", "client-secret")
    monkeypatch.setenv("WARTA_YOUTUBE_OAUTH_API", networks.youtube.url)
    after = add_posts(repo)
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    assert statuses(outcomes)[("video-cuci-tangan", "youtube")] == "sent"
    assert len(networks.youtube.calls("oauth_token")) == 1
    assert len(networks.youtube.videos) == 1


def test_revoked_youtube_refresh_token_names_agency_and_network(repo, ledger, networks, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_YOUTUBE", "refresh:dicabut")
    monkeypatch.setenv("WARTA_YOUTUBE_CLIENT_ID", "client-id")
    monkeypatch.setenv("WARTA_YOUTUBE_OAUTH_API", networks.youtube.url)
    after = add_posts(repo)
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    [youtube] = [o for o in outcomes if o.item.key.channel == "youtube"]
    assert youtube.status == "failed"
    assert "WARTA_TOKEN_DINAS_CONTOH_YOUTUBE" in youtube.message and "invalid_grant" in youtube.message
    assert networks.youtube.videos == [] and exit_code(outcomes) == 1
    assert statuses(outcomes)[("pameran-umkm", "instagram")] == "sent"  # the others are not held up


SYMLINKED = """\
---
title: Video Senam Pagi
date: 2026-11-21 15:00
author: Ani Lestari
channels: [website, facebook, youtube, tiktok, x]
video: media/senam.mp4
---
Tonton videonya.
"""


@pytest.mark.parametrize("kind", ["video", "photo", "escape"])
def test_symlink_to_git_config_is_refused_and_recorded_never_sent(repo: Repo, ledger: Ledger, networks: Networks,
                                                                  kind: str) -> None:
    """`.git/config` holds the workflow's push token: a symlinked media file must never be uploaded."""
    secret = (repo.root / ".git/config").read_bytes()
    media = repo.root / "content/dinas-contoh/2026/media"
    media.mkdir(parents=True, exist_ok=True)
    if kind == "video":
        (media / "senam.mp4").symlink_to("../../../../.git/config")
        text = SYMLINKED
    elif kind == "escape":  # no link at all: a path that climbs out of the agency folder
        text = SYMLINKED.replace("media/senam.mp4", "../../../.git/config")
    else:
        (media / "senam.jpg").symlink_to("../../../../.git/config")
        text = SYMLINKED.replace("video: media/senam.mp4", "media:\n  - {file: media/senam.jpg, alt: Senam}") \
            .replace("facebook, youtube, tiktok, x", "x")
    repo.write("content/dinas-contoh/2026/2026-11-21-senam-pagi.md", text)
    after = repo.commit("symlinked media")
    for _ in range(2):  # and a re-run neither sends nor piles up ledger records
        _, outcomes = run_range(repo, ledger, repo.initial, after)
        assert outcomes and {o.status for o in outcomes} == {"failed"}
        assert all("ditolak" in o.message and ("symlink" if kind != "escape" else "luar folder") in o.message
                   for o in outcomes)
        assert exit_code(outcomes) == 1
    assert networks.total_posts() == 0
    for fake in (networks.graph, networks.x, networks.youtube, networks.tiktok):
        assert not any(secret[:40] in r.body for r in fake.requests)
        assert fake.requests == []
    for outcome in outcomes:
        records = ledger.records(outcome.item.key)
        assert [r["event"] for r in records] == ["failure"]
        assert records[0]["code"] == "media-refused"
    # Committed as a symlink but absent from the working tree (a fresh CI checkout): still refused.
    for link in media.iterdir():
        link.unlink()
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    assert {o.status for o in outcomes} == {"failed"} and networks.total_posts() == 0


POSYANDU_PATH = POSYANDU.post_id
REWRITTEN = """\
---
title: Balita Kota Bengkulu Ditimbang Serentak
date: 2026-11-20 09:00
author: Ani Lestari
summary: Ribuan balita ditimbang dalam satu hari di semua kelurahan.
channels: [website, instagram]
media:
  - file: media/posyandu.jpg
    alt: Petugas menimbang seorang balita
---
Dinas Contoh menimbang ribuan balita dalam satu hari. Kader mencatat tinggi dan berat badan,
lalu membagikan vitamin A kepada setiap anak yang datang ke posyandu.
"""


def _nothing_sent_again(repo: Repo, ledger: Ledger, networks: Networks, after: str) -> None:
    for _ in range(2):
        _, outcomes = run_range(repo, ledger, repo.initial, after)
        assert outcomes == []
        _, due = run_due(repo, ledger)
        assert due == []
    assert networks.total_posts() == 0
    assert [r["event"] for r in ledger.records(POSYANDU)][0] == "success"


def test_adding_an_id_to_a_sent_post_does_not_send_it_again(repo: Repo, ledger: Ledger,
                                                            networks: Networks) -> None:
    path = repo.root / POSYANDU_PATH
    path.write_text(path.read_text().replace("---\nPosyandu", "id: posyandu-2026\n---\nPosyandu"))
    after = repo.commit("beri id")
    _, due = run_due(repo, ledger)  # the scheduled reconciler first, as in the issue
    assert due == [] and networks.total_posts() == 0
    _nothing_sent_again(repo, ledger, networks, after)
    # The ledger now knows the post by its id too: a later rename keeps it.
    assert ledger.aliases()["posyandu-2026"] == POSYANDU_PATH


def test_rename_with_rewrite_is_not_sent_again(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    # New slug and a rewritten body in the same commit: git no longer sees a rename.
    repo.git.git.rm("-q", POSYANDU_PATH)
    repo.write("content/dinas-contoh/2026/2026-11-20-balita-ditimbang.md", REWRITTEN)
    after = repo.commit("ganti judul dan tulis ulang")
    assert "R" not in repo.git.git.diff("--name-status", "-M", repo.initial, after)
    _nothing_sent_again(repo, ledger, networks, after)


def test_move_between_year_folders_is_not_sent_again(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    moved = "content/dinas-contoh/2025/2026-11-20-posyandu-serentak.md"
    repo.git.git.rm("-q", POSYANDU_PATH)
    repo.write(moved, REWRITTEN)
    first = repo.commit("pindah ke folder 2025 (salah)")
    repo.git.git.mv(moved, "content/dinas-contoh/2026/2026-11-20-posyandu-serentak-kota.md")
    after = repo.commit("pindah lagi ke 2026 dengan nama baru")
    _, outcomes = run_range(repo, ledger, repo.initial, first)
    assert outcomes == []
    _nothing_sent_again(repo, ledger, networks, after)


def test_a_new_post_on_another_day_is_still_sent(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    # The replacement rule needs the same date or slug: an unrelated post replacing a deleted one is new.
    repo.git.git.rm("-q", POSYANDU_PATH)
    repo.write("content/dinas-contoh/2026/2026-11-21-pasar-murah.md",
               REWRITTEN.replace("2026-11-20 09:00", "2026-11-21 09:00"))
    after = repo.commit("berita lain")
    _, outcomes = run_range(repo, ledger, repo.initial, after)
    assert statuses(outcomes) == {("pasar-murah", "instagram"): "sent"}
