"""`warta metrics collect`, second half: mentions, keywords and TikTok comments (warta.metrics.insights.listen).

One agency's network failing never stops the others; a network whose token is missing is
skipped with a note. Items go to the same append-only store as comments, with their `source`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

import httpx

from warta.channels.networks import label as network_label
from warta.errors import WartaError
from warta.http import ApiError, Http
from warta.metrics.connect import NoToken, connect
from warta.metrics.insights import listen
from warta.metrics.model import Comment, PublishedCopy
from warta.metrics.store import Store
from warta.roster.models import Agency, Roster
from warta.timeutil import WIB

RESEARCH_TOKEN = "WARTA_TIKTOK_RESEARCH_TOKEN"


@dataclass
class ListenResult:
    items: int = 0
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _account(agency: Agency, network: str) -> dict[str, object]:
    value = agency.channels.get(network)
    return dict(value) if isinstance(value, dict) else {}


def _gather(agency: Agency, network: str, http: Http, copies: list[PublishedCopy], now: datetime) -> list[Comment]:
    account = _account(agency, network)
    if network == "x":
        return listen.x_items(agency.slug, account, agency.keywords, http)
    if network == "instagram":
        return listen.instagram_items(agency.slug, account, agency.keywords, http)
    if network == "facebook":
        return listen.facebook_items(agency.slug, account, http)
    if network == "youtube":
        return listen.youtube_items(agency.slug, account, agency.keywords, http, now) if agency.keywords else []
    return listen.tiktok_comments([c for c in copies if c.agency == agency.slug and c.channel == "tiktok"], http)


def listen_all(copies: list[PublishedCopy], roster: Roster, store: Store, *, now: datetime,
               env: Mapping[str, str] | None = None, sleep: Callable[[float], None] = time.sleep,
               client: httpx.Client | None = None) -> ListenResult:
    env = os.environ if env is None else env
    result = ListenResult()
    day = now.astimezone(WIB).date().isoformat()
    own = client or httpx.Client(timeout=30.0)
    try:
        for _, agency in sorted(roster.agencies.items()):
            for network in ("facebook", "instagram", "x", "youtube", "tiktok"):
                if not agency.channels.get(network):
                    continue
                label = f"{network_label(network)} {agency.slug}"
                if network == "tiktok":
                    if not any(c.agency == agency.slug and c.channel == "tiktok" for c in copies):
                        continue
                    if not env.get(RESEARCH_TOKEN):
                        result.skipped.append(f"{label}: komentar TikTok hanya terbaca lewat TikTok Research API "
                                              f"({RESEARCH_TOKEN} belum diatur); dilewati.")
                        continue
                try:
                    http = connect(agency.slug, network, own, env, sleep=sleep, max_wait=300.0) \
                        if network != "tiktok" else _research(env, own, sleep)
                    items = _gather(agency, network, http, copies, now)
                except NoToken:
                    continue  # `collect` already says which tokens are missing
                except (ApiError, WartaError) as exc:
                    result.problems.append(f"{label}: pemantauan gagal: {exc.message}")
                    continue
                result.items += store.append_comments(items, day)
    finally:
        if client is None:
            own.close()
    return result


def _research(env: Mapping[str, str], client: httpx.Client, sleep: Callable[[float], None]) -> Http:
    """TikTok's Research API authorises a research project (client token), not the agency's account."""
    from warta.metrics.insights import ADAPTERS

    adapter = ADAPTERS["tiktok"]
    base = env.get("WARTA_TIKTOK_API") or adapter.default_base
    token = env.get(RESEARCH_TOKEN)
    return Http(base=base.rstrip("/"), token=token, classify=adapter.classify, sleep=sleep, client=client,
                max_wait=300.0)
