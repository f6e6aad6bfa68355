"""Planning from a pushed range: added posts, new channels, drafts, deletions, renames, schedule."""

from __future__ import annotations

from tests.dispatch.conftest import NOW, NULL, Repo, add_posts
from warta.channels.xcount import x_weighted_length
from warta.dispatch.ledger import Ledger
from warta.dispatch.model import Key
from warta.dispatch.plan import plan_due, plan_range
from warta.timeutil import as_wib


def keys(plan) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(i.post.slug, i.key.channel, i.status) for i in plan.items}


def test_added_posts_plan_their_roster_channels(repo: Repo, ledger: Ledger) -> None:
    after = add_posts(repo)
    plan = plan_range(repo.root, repo.initial, after, NOW, ledger)
    assert keys(plan) == {
        ("pameran-umkm", "instagram", "due"), ("pameran-umkm", "facebook", "due"), ("pameran-umkm", "x", "due"),
        ("video-cuci-tangan", "facebook", "due"), ("video-cuci-tangan", "youtube", "due"),
        ("video-cuci-tangan", "tiktok", "due"), ("video-cuci-tangan", "x", "due"),
        ("festival-tabut", "facebook", "scheduled"),
    }
    item = next(i for i in plan.items if i.key.channel == "x")
    assert item.key == Key("dinas-contoh", "content/dinas-contoh/2026/2026-11-21-pameran-umkm.md", "x")
    assert item.content_hash.startswith("sha256:")
    assert x_weighted_length(item.caption.text) <= 280
    data = item.as_json()
    assert list(data)[:7] == ["agency", "post", "post_id", "channel", "due_at", "status", "caption"]
    assert data["due_at"] == "2026-11-21T10:00:00+07:00"


def test_roster_without_channel_and_drafts_and_deletions_plan_nothing(repo: Repo, ledger: Ledger) -> None:
    repo.write("content/badan-contoh/2026/2026-11-21-rapat.md",
               "---\ntitle: Rapat\ndate: 2026-11-21\nauthor: Citra Dewi\nchannels: [website, instagram]\n---\nIsi\n")
    repo.write("content/dinas-contoh/2026/2026-11-21-draf.md",
               "---\ntitle: Draf\ndate: 2026-11-21\nchannels: [website, facebook]\ndraft: true\n---\nIsi\n")
    (repo.root / "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md").unlink()
    after = repo.commit("badan without instagram, a draft, a deletion")
    assert plan_range(repo.root, repo.initial, after, NOW, ledger).items == []


def test_new_channel_is_planned_edit_is_not(repo: Repo, ledger: Ledger) -> None:
    path = repo.root / "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
    text = path.read_text()
    path.write_text(text.replace("channels: [website, instagram]", "channels: [website, instagram, facebook]")
                    .replace("Posyandu serentak dilaksanakan", "Posyandu serentak (diperbarui) dilaksanakan"))
    after = repo.commit("add facebook, edit body")
    plan = plan_range(repo.root, repo.initial, after, NOW, ledger)
    assert keys(plan) == {("posyandu-serentak", "facebook", "due")}
    assert plan.items[0].reason == "new-channel"


def test_rename_keeps_the_post_id_known_to_the_ledger(repo: Repo, ledger: Ledger) -> None:
    old = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
    with ledger.lock(Key("dinas-contoh", old, "instagram")) as entry:
        entry.record("success", remote_id="1", permalink="https://www.instagram.com/p/C1/")
    repo.git.git.mv(old, "content/dinas-contoh/2026/2026-11-20-posyandu-serentak-kota.md")
    after = repo.commit("rename")
    assert plan_range(repo.root, repo.initial, after, NOW, ledger).items == []
    assert plan_due(repo.root, NOW, ledger).items == []  # the reconciler follows renames too


def test_null_before_reconciles_with_the_ledger(repo: Repo, ledger: Ledger) -> None:
    after = add_posts(repo)
    plan = plan_range(repo.root, NULL, after, NOW, ledger)
    assert ("posyandu-serentak", "instagram", "due") in keys(plan)
    assert len(plan.items) == 9 and plan.mode == "reconcile"
    # Long-published posts the ledger never saw are not blasted out again.
    later = plan_range(repo.root, NULL, after, as_wib("2027-03-01T00:00:00+07:00"), ledger)
    assert later.items == [] and "30 hari" in later.notes[-1]


def test_publish_at_becomes_due(repo: Repo, ledger: Ledger) -> None:
    add_posts(repo)
    plan = plan_due(repo.root, as_wib("2026-11-25T09:00:00+07:00"), ledger)
    assert ("festival-tabut", "facebook", "due") in keys(plan)
