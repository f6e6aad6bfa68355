"""Corrections (ralat) and withdrawals (dicabut) carried to each network exactly once."""

from __future__ import annotations

import pytest

from tests.dispatch.conftest import MULTI, VIDEO, Networks, Repo, add_posts, run_due, run_range
from warta.dispatch.corrections import MANUAL_DELETE
from warta.dispatch.ledger import Ledger
from warta.dispatch.model import Key, Outcome

POSYANDU = Key("dinas-contoh", "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md", "instagram")
UMKM = "content/dinas-contoh/2026/2026-11-21-pameran-umkm.md"
CUCI = "content/dinas-contoh/2026/2026-11-21-video-cuci-tangan.md"
RALAT_1 = "ralat:\n  - {date: 2026-11-22 09:00, note: Pameran berlangsung empat hari}\n"
RALAT_2 = RALAT_1 + "  - {date: 2026-11-22 10:00, note: Lokasi di Balai Buntar}\n"
DICABUT = "dicabut: {date: 2026-11-22 11:00, reason: Data belum diverifikasi}\n"


@pytest.fixture(autouse=True)
def _posyandu_already_sent(ledger: Ledger) -> None:
    with ledger.lock(POSYANDU) as entry:
        entry.record("success", remote_id="1", permalink="https://www.instagram.com/p/C1/")


def front(text: str, extra: str) -> str:
    """The post with `extra` front matter lines added before its closing `---`."""
    head, body = text[4:].split("\n---\n", 1)
    return f"---\n{head}\n{extra}---\n{body}"


def sent(repo: Repo, ledger: Ledger) -> str:
    add_posts(repo)
    run_range(repo, ledger, repo.initial, repo.head)
    return repo.head


def amend(repo: Repo, extra: str) -> str:
    repo.write(UMKM, front(MULTI, extra))
    repo.write(CUCI, front(VIDEO, extra))
    return repo.commit("ralat/dicabut")


def by_channel(outcomes: list[Outcome]) -> dict[tuple[str, str], tuple[str, str]]:
    return {(o.item.post.slug, o.item.key.channel): (o.item.key.kind, o.status) for o in outcomes}


def correction_requests(networks: Networks) -> int:
    return (len(networks.graph.calls("fb_edit")) + len(networks.graph.calls("fb_delete"))
            + len(networks.graph.calls("ig_comment")) + len(networks.x.calls("tweet_delete"))
            + len([r for r in networks.x.calls("tweets") if b"in_reply_to_tweet_id" in r.body])
            + len(networks.youtube.calls("videos_update")) + len(networks.youtube.calls("videos_delete")))


def test_ralat_reaches_every_network_once(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    before = sent(repo, ledger)
    originals = {t["id"] for t in networks.x.tweets}
    _, outcomes = run_range(repo, ledger, before, amend(repo, RALAT_1))
    kind = "ralat:2026-11-22T09:00"
    assert by_channel(outcomes) == {
        ("pameran-umkm", "instagram"): (kind, "sent"), ("pameran-umkm", "facebook"): (kind, "sent"),
        ("pameran-umkm", "x"): (kind, "sent"), ("video-cuci-tangan", "facebook"): (kind, "sent"),
        ("video-cuci-tangan", "youtube"): (kind, "sent"), ("video-cuci-tangan", "x"): (kind, "sent"),
        ("video-cuci-tangan", "tiktok"): (kind, "skipped")}
    note = "Ralat (22 November 2026): Pameran berlangsung empat hari"
    # Facebook: both posts' text edited in place, the original text kept above the correction.
    assert all(post["message"].endswith("\n\n" + note) and len(post["message"]) > len(note) + 2
               for post in networks.graph.feed)
    # YouTube: the description edited, the title kept (videos.update needs the whole snippet).
    video = networks.youtube.videos[0]
    assert video["snippet"]["description"].endswith(note)
    assert video["snippet"]["title"] == "Video Kampanye Cuci Tangan"
    # X: one reply to each original tweet; Instagram: one comment on the media.
    replies = [t for t in networks.x.tweets if t["in_reply_to"]]
    assert {t["in_reply_to"] for t in replies} == originals
    site = "https://warta.example.go.id/dinas-contoh/berita/2026/2026-11-21-"
    assert sorted(t["text"] for t in replies) == [
        f"{note} {site}{slug}/" for slug in ("pameran-umkm", "video-cuci-tangan")]
    assert [c["text"] for c in networks.graph.comments] == [note]
    assert networks.graph.comments[0]["media"] == networks.graph.ig_media[0]["id"]
    tiktok = next(o for o in outcomes if o.item.key.channel == "tiktok")
    assert "tidak dapat disunting" in tiktok.message and not tiktok.bad

    # Exactly once: the same range again, then `due`, carry nothing more.
    count = correction_requests(networks)
    assert count == 6
    _, again = run_range(repo, ledger, before, repo.head)
    _, due = run_due(repo, ledger)
    assert correction_requests(networks) == count
    assert {o.status for o in again} <= {"already"} and not [o for o in due if o.item.key.kind]

    # A second ralat entry is one more correction per copy, the first is not repeated.
    latest = repo.head
    repo.write(UMKM, front(MULTI, RALAT_2))
    _, outcomes = run_range(repo, ledger, latest, repo.commit("ralat kedua"))
    assert sorted(by_channel(outcomes).values()) == [("ralat:2026-11-22T10:00", "sent")] * 3
    assert correction_requests(networks) == count + 3
    umkm = next(p for p in networks.graph.feed if "UMKM" in p["message"])
    assert umkm["message"].count("Ralat (") == 2


def test_dicabut_deletes_where_possible_and_records_the_rest(repo: Repo, ledger: Ledger,
                                                             networks: Networks) -> None:
    before = sent(repo, ledger)
    _, outcomes = run_range(repo, ledger, before, amend(repo, RALAT_1 + DICABUT))
    assert {k for k, _ in by_channel(outcomes).values()} == {"dicabut"}  # the withdrawal supersedes the ralat
    assert networks.graph.feed == [] and networks.youtube.videos == []
    assert [t for t in networks.x.tweets if not t["in_reply_to"]] == []
    assert [c["text"] for c in networks.graph.comments] == [
        "Berita ini dicabut (22 November 2026): Data belum diverifikasi"]
    instagram = next(o for o in outcomes if o.item.key.channel == "instagram")
    assert instagram.status == "sent" and MANUAL_DELETE in instagram.message
    record = ledger.records(Key("dinas-contoh", UMKM, "instagram", "dicabut"))[-1]
    assert record["event"] == "success" and MANUAL_DELETE in record["note"]
    tiktok = next(o for o in outcomes if o.item.key.channel == "tiktok")
    assert tiktok.status == "skipped" and "tidak dapat dihapus" in tiktok.message
    assert not any(o.bad for o in outcomes)

    count = correction_requests(networks)
    assert count == 6  # 2 Facebook, 1 YouTube, 2 X deletions and 1 Instagram comment
    _, due = run_due(repo, ledger)
    _, again = run_range(repo, ledger, before, repo.head)
    assert not [o for o in due if o.item.key.kind] and {o.status for o in again} <= {"already"}
    assert correction_requests(networks) == count


def test_withdrawn_post_is_never_sent_anew_and_unsent_copies_get_no_correction(
        repo: Repo, ledger: Ledger, networks: Networks) -> None:
    repo.write(UMKM, front(MULTI, RALAT_1 + DICABUT))
    plan, outcomes = run_range(repo, ledger, repo.initial, repo.commit("dicabut sebelum terkirim"))
    assert plan.items == [] and outcomes == []
    assert networks.total_posts() == 0 and correction_requests(networks) == 0


def test_dicabut_of_a_copy_already_deleted_by_hand_is_done_not_failed(
        repo: Repo, ledger: Ledger, networks: Networks) -> None:
    before = sent(repo, ledger)
    networks.graph.feed.clear()  # a person removed both Facebook posts on the page already
    networks.youtube.videos.clear()
    _, outcomes = run_range(repo, ledger, before, amend(repo, DICABUT))
    gone = [o for o in outcomes if o.item.key.channel in ("facebook", "youtube")]
    assert len(gone) == 3 and all(o.status == "sent" and "sudah tidak ada" in o.message for o in gone)
    assert not any(o.bad for o in outcomes)
    _, due = run_due(repo, ledger)
    assert not [o for o in due if o.item.key.kind]


def test_a_refused_edit_is_not_retried_and_a_person_can_close_it_with_confirm_kind(
        repo: Repo, ledger: Ledger, networks: Networks) -> None:
    from tests.dispatch.test_cli import warta

    before = sent(repo, ledger)
    networks.graph.fail("fb_edit", 400, {"error": {"message": "Permissions error", "type": "OAuthException",
                                                   "code": 200}}, times=2)
    _, outcomes = run_range(repo, ledger, before, amend(repo, RALAT_1))
    failed = [o for o in outcomes if o.bad]
    assert [o.item.key.channel for o in failed] == ["facebook", "facebook"]
    _, again = run_due(repo, ledger)
    blocked = [o for o in again if o.item.key.kind]
    assert len(blocked) == 2 and all("--kind ralat:2026-11-22T09:00" in o.message for o in blocked)
    assert len(networks.graph.calls("fb_edit")) == 2  # not retried
    for post in (UMKM, CUCI):
        result = warta(repo.root, "confirm", "--agency", "dinas-contoh", "--post-id", post,
                       "--channel", "facebook", "--kind", "ralat:2026-11-22T09:00", "--skip",
                       "--ledger", str(ledger.root))
        assert result.returncode == 0, result.stderr
    _, due = run_due(repo, ledger)
    assert not [o for o in due if o.item.key.kind]
