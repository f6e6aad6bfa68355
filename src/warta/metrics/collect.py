"""`warta metrics collect`: every published copy's numbers and comments, into the store."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

import httpx

from warta.dispatch.http import Http, base_url, token_env
from warta.dispatch.model import ApiError
from warta.metrics.insights import ADAPTERS, Insights
from warta.metrics.model import Comment, PublishedCopy, Snapshot
from warta.metrics.store import Store
from warta.roster.models import Roster
from warta.timeutil import WIB, as_wib

LABELS = {"facebook": "Facebook", "instagram": "Instagram", "x": "X", "youtube": "YouTube", "tiktok": "TikTok"}


@dataclass
class CollectResult:
    snapshots: int = 0
    comments: int = 0
    copies: int = 0
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def select_copies(copies: list[PublishedCopy], since: date | None) -> list[PublishedCopy]:
    """Copies published on or after `since` (all when None or the time is unknown)."""
    if since is None:
        return list(copies)
    keep = []
    for copy in copies:
        try:
            published = as_wib(copy.published_at).astimezone(WIB).date() if copy.published_at else None
        except ValueError:
            published = None
        if published is None or published >= since:
            keep.append(copy)
    return keep


def fresh_token(channel: str, token: str, env: Mapping[str, str], client: httpx.Client | None) -> str:
    """The same token exchange dispatch does (YouTube `refresh:` tokens become access tokens)."""
    from warta.dispatch.adapters import registry

    refresh = getattr(registry().get(channel), "access_token", None)
    if refresh is None:
        return token
    if client is not None:
        return str(refresh(token, client, env))
    with httpx.Client(timeout=30.0) as own:
        return str(refresh(token, own, env))


def _connect(agency: str, channel: str, adapter: Insights, token: str, env: Mapping[str, str],
             sleep: Callable[[float], None], client: httpx.Client | None) -> Http:
    token = fresh_token(channel, token, env, client)
    return Http(base=(env.get(f"WARTA_{channel.upper()}_API") or base_url(channel, adapter.default_base))
                .rstrip("/"), token=token, classify=adapter.classify, sleep=sleep, client=client, max_wait=300.0)


def comment_texts(comments: list[Comment], *, env: Mapping[str, str] | None = None,
                  sleep: Callable[[float], None] = time.sleep, client: httpx.Client | None = None,
                  adapters: Mapping[str, Insights] | None = None) -> dict[tuple[str, str], str | None]:
    """(network, comment id) → the comment's text read from the network now; None when it cannot be
    (no token, the network offers no such call, the comment was deleted). The store keeps no text."""
    env = os.environ if env is None else env
    adapters = ADAPTERS if adapters is None else adapters
    texts: dict[tuple[str, str], str | None] = {(c.network, c.comment_id): None for c in comments}
    groups: dict[tuple[str, str], list[Comment]] = {}
    for comment in comments:
        groups.setdefault((comment.agency, comment.network), []).append(comment)
    for (agency, channel), group in sorted(groups.items()):
        adapter = adapters.get(channel)
        token = env.get(token_env(agency, channel))
        if adapter is None or not token:
            continue
        try:
            http = _connect(agency, channel, adapter, token, env, sleep, client)
        except ApiError:
            continue
        for comment in group:
            try:
                texts[(channel, comment.comment_id)] = adapter.comment_text(comment, http)
            except ApiError:
                continue  # deleted, hidden or out of quota: shown as unavailable
    return texts


def collect(copies: list[PublishedCopy], roster: Roster, store: Store, *, now: datetime,
            since: date | None = None, env: Mapping[str, str] | None = None,
            sleep: Callable[[float], None] = time.sleep, client: httpx.Client | None = None,
            adapters: Mapping[str, Insights] | None = None) -> CollectResult:
    """One agency's network failing (token, quota, outage) never stops the others."""
    env = os.environ if env is None else env
    adapters = ADAPTERS if adapters is None else adapters
    result = CollectResult()
    day, at = now.astimezone(WIB).date().isoformat(), now.isoformat(timespec="seconds")
    groups: dict[tuple[str, str], list[PublishedCopy]] = {}
    for copy in select_copies(copies, since):
        groups.setdefault((copy.agency, copy.channel), []).append(copy)
    for (agency, channel), group in sorted(groups.items()):
        adapter = adapters.get(channel)
        label = f"{LABELS.get(channel, channel)} {agency}"
        if adapter is None:
            continue
        token = env.get(token_env(agency, channel))
        if not token:
            result.skipped.append(f"{label}: token {token_env(agency, channel)} belum diatur; dilewati.")
            continue
        try:
            http = _connect(agency, channel, adapter, token, env, sleep, client)
        except ApiError as exc:
            result.problems.append(f"{label}: token {token_env(agency, channel)} tidak dapat diperbarui: "
                                   f"{exc.message}")
            continue
        found = roster.agency(agency)
        account = dict(found.channels.get(channel) or {}) if found and isinstance(
            found.channels.get(channel), dict) else {}
        snaps: list[Snapshot] = []
        comments: list[Comment] = []
        try:
            snaps = adapter.numbers(group, http, day, at)
        except ApiError as exc:
            result.problems.append(f"{label}: angka gagal diambil: {exc.message}")
        account_numbers = getattr(adapter, "account", None)  # optional: account-level insights
        if account_numbers is not None:
            try:
                snaps += account_numbers(agency, account, http, day, at)
            except ApiError as exc:
                result.problems.append(f"{label}: angka akun gagal diambil: {exc.message}")
        for copy in group:
            try:
                comments += adapter.comments(copy, http, account)
            except ApiError as exc:
                result.problems.append(f"{label}: komentar {copy.network_post_id} gagal diambil: {exc.message}")
        result.copies += len(group)
        result.snapshots += store.append_snapshots(snaps)
        result.comments += store.append_comments(comments, day)
    return result
