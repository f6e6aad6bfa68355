"""Plain data of the metrics stage: published copies, snapshots of numbers, comments."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

# Canonical source numbers every adapter and CSV layout maps its own fields onto.
SOURCE_FIELDS = (
    "views", "reach", "likes", "comments", "shares", "saves", "clicks", "downloads",
    "quotes", "replies", "visits", "visitors", "returning_visitors", "links_in",
    "new_followers", "lost_followers", "followers",
)
KINDS = ("post", "account", "website")
SOURCES = ("komentar", "sebutan", "kata kunci")


@dataclass(frozen=True, order=True)
class PublishedCopy:
    """One post's copy on one network, as the dispatch ledger recorded its success."""

    agency: str
    post_id: str
    channel: str
    network_post_id: str
    permalink: str | None = None
    published_at: str | None = None  # ISO 8601, the ledger's success time


@dataclass(frozen=True)
class Snapshot:
    """The numbers of one copy (or account, or website page) as seen on one day.

    Post snapshots are cumulative counters (the network's running totals); account and
    website snapshots are the counts of that day, except `followers`, which is a level.
    `raw` keeps the network's own field names and values, so every figure is traceable.
    """

    kind: str
    network: str
    agency: str
    post_id: str
    remote_id: str
    day: str  # yyyy-mm-dd (WIB)
    collected_at: str
    source: str  # "api" or "import:<layout>"
    values: dict[str, int] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Comment:
    """A comment or reply on a copy, as the store keeps it: ids, time and derived labels only.

    Authors are private persons (only a salted hash is kept) and the store lives on a branch
    of a public repository, so a comment's text is never kept: `warta inbox` fetches it from
    the network when staff need it. `words` holds only listening vocabulary (topic words,
    `warta.metrics.topics.VOCABULARY`), never names or free text.
    """

    network: str
    agency: str
    post_id: str
    remote_id: str  # the copy's network post id
    comment_id: str
    parent_id: str | None
    author_key: str
    by_agency: bool
    created_at: str  # ISO 8601
    permalink: str | None = None
    sentiment: str = "netral"  # positif, negatif, netral
    question: bool = False
    topic: str = "Lainnya"
    words: tuple[str, ...] = ()
    # Where listening found it: a comment under the agency's own copy, a mention of the agency's
    # account elsewhere, or a public post matching one of the agency's `kata_kunci`.
    source: str = "komentar"

    def as_json(self) -> dict[str, Any]:
        record = asdict(self)
        record["words"] = list(self.words)
        return record


def author_key(network: str, author_id: str) -> str:
    """A stable pseudonym for a comment author; names and ids never enter the store."""
    return hashlib.sha256(f"warta:{network}:{author_id}".encode()).hexdigest()[:16]


def as_int(value: Any) -> int:
    """Network numbers arrive as int, str ("1204") or {"value": n}; anything else is 0."""
    if isinstance(value, dict):
        value = value.get("value", 0)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("\u00a0", "")
        try:
            return int(float(text)) if text else 0
        except ValueError:
            return 0
    return 0
