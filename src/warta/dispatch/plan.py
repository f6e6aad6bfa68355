"""What to send: the pushed range's new posts and channels, reconciled against the ledger."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from warta import git as wgit
from warta.channels.captions import render_caption
from warta.content.models import Post
from warta.dispatch import corrections, gitrange
from warta.dispatch.ledger import KeyState, Ledger
from warta.dispatch.model import Item, ItemStatus, Key, KeyStatus, content_hash
from warta.errors import UsageError
from warta.roster.models import SOCIAL_CHANNELS, Agency, Roster
from warta.roster.tokens import MEDIA_CENTER as MEDIA_CENTER  # ledger and token name of the Media Center

DEFAULT_HORIZON_DAYS = 30

RETRIED = (KeyStatus.FAILED, KeyStatus.UNCERTAIN, KeyStatus.NOT_SENT)  # shown in the plan's `ledger`


@dataclass(frozen=True)
class Link:
    key: Key
    path: str
    explicit_id: str | None


@dataclass
class Plan:
    mode: str  # range | reconcile | due
    after: str
    before: str | None
    items: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Already-sent keys whose post now has a path or id the ledger does not know yet:
    # `run`/`due` record them (record_links) so the post keeps its identity for good.
    links: list[Link] = field(default_factory=list)

    @property
    def due(self) -> list[Item]:
        return [i for i in self.items if i.status is ItemStatus.DUE]

    @property
    def scheduled(self) -> list[Item]:
        return [i for i in self.items if i.status is ItemStatus.SCHEDULED]


MEDIA_CENTER_NAME = "Media Center Provinsi Bengkulu"


def horizon() -> timedelta:
    """How far back a reconciling run looks for posts the ledger has never seen."""
    raw = os.environ.get("WARTA_DISPATCH_HORIZON_DAYS", "")
    try:
        return timedelta(days=int(raw)) if raw else timedelta(days=DEFAULT_HORIZON_DAYS)
    except ValueError:
        raise UsageError(f"WARTA_DISPATCH_HORIZON_DAYS harus bilangan bulat, bukan `{raw}`.") from None


def channels_for(post: Post, agency: Agency) -> list[str]:
    """The post's social channels that the agency's roster also has an account for."""
    enabled = agency.enabled_channels()
    return [c for c in post.channels if c in SOCIAL_CHANNELS and c in enabled]


class _Builder:
    """Resolves each post to its dispatch identity and lists what is still to send.

    A post is the same post, whatever its current path or id, when (in this order) its
    explicit `id`, its path, the path it was renamed from in this push, or any earlier path
    in its lineage (renames, and delete+add replacements of the same date or slug: see
    gitrange.lineage) is a post id, path or id the ledger recorded for a sent post.
    """

    def __init__(self, roster: Roster, states: dict[Key, KeyState], aliases: dict[str, str],
                 lineage: dict[str, list[str]], now: datetime) -> None:
        self.roster = roster
        self.states = states
        self.aliases = aliases
        self.lineage = lineage
        self.now = now
        self.items: list[Item] = []
        self.links: list[Link] = []

    def post_id(self, post: Post, old_path: str | None = None) -> str:
        """Stable id: the id the ledger already knows the post by, else explicit id, else path."""
        if post.explicit_id and post.explicit_id in self.aliases:
            return self.aliases[post.explicit_id]
        earlier = [*([old_path] if old_path else []), *self.lineage.get(post.path, []),
                   *(self.lineage.get(old_path, []) if old_path else [])]
        for candidate in [*reversed(earlier), post.path]:  # the earliest known name wins
            if candidate in self.aliases:
                return self.aliases[candidate]
        return post.explicit_id or post.path

    def add(self, post: Post, text: str, channels: list[str], reason: str,
            old_path: str | None = None) -> None:
        agency = self.roster.agency(post.agency)
        if agency is None or post.draft:
            return
        post_id = self.post_id(post, old_path)
        self.items += corrections.items(post, text, post_id, self.states, self._account, self._owner_name,
                                        self.roster.province.site_url, self.now)
        if post.dicabut is not None:
            return  # a withdrawn post is never sent anew
        targets = [(post.agency, agency.name, channel, agency.channels.get(channel)) for channel in channels]
        if post.media_center:  # Pedoman VIII.4: also on the province's Media Center accounts
            accounts = self.roster.province.media_center_channels
            targets += [(MEDIA_CENTER, MEDIA_CENTER_NAME, channel, accounts[channel])
                        for channel in channels if isinstance(accounts.get(channel), dict)]
        for owner, owner_name, channel, account in targets:
            key = Key(owner, post_id, channel)
            state = self.states.get(key)
            if state is not None and state.done:
                if self.aliases.get(post.path) != post_id or (
                        post.explicit_id and self.aliases.get(post.explicit_id) != post_id):
                    self.links.append(Link(key, post.path, post.explicit_id))
                continue
            caption = render_caption(post, channel, self.roster.province.site_url)
            ledger = state.status if state and state.status in RETRIED else KeyStatus.NEW
            self.items.append(Item(
                key=key, post=post, caption=caption,
                account=account if isinstance(account, dict) else {},
                agency_name=owner_name, site_url=self.roster.province.site_url,
                due_at=post.goes_live, status=ItemStatus.DUE if post.goes_live <= self.now else ItemStatus.SCHEDULED,
                reason=reason if ledger == "new" else "retry", content_hash=content_hash(text, caption),
                ledger=ledger))

    def _account(self, owner: str, channel: str) -> dict[str, Any]:
        agency = self.roster.agency(owner)
        accounts = agency.channels if agency is not None else self.roster.province.media_center_channels
        account = accounts.get(channel)
        return account if isinstance(account, dict) else {}

    def _owner_name(self, owner: str) -> str:
        agency = self.roster.agency(owner)
        return agency.name if agency is not None else MEDIA_CENTER_NAME

    def sorted_items(self) -> list[Item]:
        order = {c: i for i, c in enumerate(SOCIAL_CHANNELS)}
        return sorted(self.items, key=lambda i: (i.due_at, i.key.agency, i.post.path,
                                                 order.get(i.key.channel, 99)))


def _reconcile(repo: wgit.Repo, sha: str, ledger: Ledger, now: datetime, mode: str,
               before: str | None) -> Plan:
    snap = gitrange.snapshot(repo, sha)
    states = ledger.all(corrections=True)
    builder = _Builder(snap.roster, states, ledger.aliases(), gitrange.lineage(repo, sha), now)
    oldest = now - horizon()
    old = 0
    for post, text in snap.posts.values():
        agency = snap.roster.agency(post.agency)
        if agency is None or post.draft:
            continue
        post_id = builder.post_id(post)
        channels = channels_for(post, agency)
        if post.goes_live < oldest:
            # Never seen and long published: the back catalogue is not blasted out again.
            kept = [c for c in channels if Key(post.agency, post_id, c) in states
                    or Key(MEDIA_CENTER, post_id, c) in states]
            old += len(channels) - len(kept)
            channels = kept
        builder.add(post, text, channels, "reconcile")
    plan = Plan(mode, sha, before, builder.sorted_items(), links=builder.links)
    if old:
        plan.notes.append(f"{old} kiriman dari berita yang terbit lebih dari {horizon().days} hari lalu "
                          "dan belum pernah tercatat di ledger tidak dikirim otomatis.")
    return plan


def plan_range(root: Path, before: str, after: str, now: datetime, ledger: Ledger) -> Plan:
    """Items for a push before..after; an unknown or null `before` reconciles everything at `after`."""
    repo = gitrange.open_repo(root)
    after_sha = gitrange.resolve(repo, after)
    before_sha = gitrange.known_commit(repo, before)
    if before_sha is None:
        if not re.fullmatch(r"[0-9a-fA-F]{4,64}", before or ""):
            raise UsageError(f"`--before {before}` bukan SHA commit (harus heksadesimal).")
        plan = _reconcile(repo, after_sha, ledger, now, "reconcile", None)
        plan.notes.insert(0, f"Commit awal `{before}` tidak dikenal: semua berita di `{after_sha[:12]}` "
                             "dicocokkan dengan ledger.")
        return plan
    changes = gitrange.changed_posts(repo, before_sha, after_sha)
    snap = gitrange.snapshot(repo, after_sha, [c.path for c in changes if c.status != "D"])
    replaced = gitrange.pair_replacements([c.path for c in changes if c.status == "D"],
                                          [c.path for c in changes if c.status == "A"])
    builder = _Builder(snap.roster, ledger.all(corrections=True), ledger.aliases(),
                       gitrange.lineage(repo, after_sha, replaced), now)
    for change in changes:
        found = snap.posts.get(change.path)
        if change.status == "D" or found is None:
            continue
        post, text = found
        agency = snap.roster.agency(post.agency)
        if agency is None or post.draft:
            continue
        channels = channels_for(post, agency)
        old = gitrange.post_at(repo, before_sha, change.old_path or change.path) \
            if change.status in "MR" else None
        if old is None or old[0].draft:
            builder.add(post, text, channels, "added", change.old_path)
        else:
            added = [c for c in channels if c not in old[0].channels]
            builder.add(post, text, added, "new-channel", change.old_path)
    return Plan("range", after_sha, before_sha, builder.sorted_items(), links=builder.links)


def plan_due(root: Path, now: datetime, ledger: Ledger) -> Plan:
    """Items at HEAD whose time has come, or that failed or stayed uncertain, not yet sent."""
    repo = gitrange.open_repo(root)
    try:
        head = repo.head.commit.hexsha
    except ValueError:
        raise UsageError(f"Repositori {root} belum punya commit.") from None
    return _reconcile(repo, head, ledger, now, "due", None)
