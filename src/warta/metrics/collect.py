"""`warta metrics collect`: every published copy's numbers and comments, into the store."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

import httpx

from warta.channels.networks import label as network_label
from warta.http import TIMEOUT, ApiError, Http, token_env
from warta.metrics.connect import credential_http
from warta.metrics.insights import ADAPTERS, Insights
from warta.metrics.model import Comment, PublishedCopy, Snapshot
from warta.metrics.store import Store
from warta.roster.models import Roster
from warta.timeutil import WIB, as_wib
from warta.tokens import Tokens


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


def _connect(agency: str, channel: str, adapter: Insights, tokens: Tokens, env: Mapping[str, str],
             sleep: Callable[[float], None], client: httpx.Client | None) -> Http | None:
    """The network's client with the agency's credential, resolved as dispatch does (warta.tokens:
    `refresh:` exchanged, rotated refresh tokens written back, X `oauth1:` signed); None without a secret."""
    if client is None:
        with httpx.Client(timeout=TIMEOUT) as own:
            credential = tokens.get(agency, channel, own)
    else:
        credential = tokens.get(agency, channel, client)
    if credential is None:
        return None
    return credential_http(credential, channel, adapter, env, sleep=sleep, client=client, max_wait=300.0)


def comment_texts(comments: list[Comment], *, env: Mapping[str, str] | None = None,
                  sleep: Callable[[float], None] = time.sleep, client: httpx.Client | None = None,
                  adapters: Mapping[str, Insights] | None = None) -> dict[tuple[str, str], str | None]:
    """(network, comment id) → the comment's text read from the network now; None when it cannot be
    (no token, the network offers no such call, the comment was deleted). The store keeps no text."""
    env = os.environ if env is None else env
    adapters = ADAPTERS if adapters is None else adapters
    tokens = Tokens(env)
    texts: dict[tuple[str, str], str | None] = {(c.network, c.comment_id): None for c in comments}
    groups: dict[tuple[str, str], list[Comment]] = {}
    for comment in comments:
        groups.setdefault((comment.agency, comment.network), []).append(comment)
    for (agency, channel), group in sorted(groups.items()):
        adapter = adapters.get(channel)
        if adapter is None:
            continue
        try:
            http = _connect(agency, channel, adapter, tokens, env, sleep, client)
        except ApiError:
            continue
        if http is None:
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
    tokens = Tokens(env)
    day, at = now.astimezone(WIB).date().isoformat(), now.isoformat(timespec="seconds")
    groups: dict[tuple[str, str], list[PublishedCopy]] = {}
    for copy in select_copies(copies, since):
        groups.setdefault((copy.agency, copy.channel), []).append(copy)
    for (agency, channel), group in sorted(groups.items()):
        adapter = adapters.get(channel)
        label = f"{network_label(channel)} {agency}"
        if adapter is None:
            continue
        try:
            http = _connect(agency, channel, adapter, tokens, env, sleep, client)
        except ApiError as exc:
            result.problems.append(f"{label}: token {token_env(agency, channel)} tidak dapat diperbarui: "
                                   f"{exc.message}")
            continue
        if http is None:
            result.skipped.append(f"{label}: token {token_env(agency, channel)} belum diatur; dilewati.")
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
