"""The plain data dispatch passes around: keys, plan items, outcomes and API errors."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from warta.channels.captions import Caption
from warta.channels.networks import NETWORK_LABELS
from warta.content.models import Post
from warta.http import ApiError, UncertainSend  # noqa: F401 - TEMP re-export for dispatch/run.py


class LedgerEvent(StrEnum):
    """The `event` of one ledger line (append-only JSON Lines; values are the file format)."""

    ATTEMPT = "attempt"
    SUCCESS = "success"
    FAILURE = "failure"
    UNCERTAIN = "uncertain"
    NOT_SENT = "not-sent"  # a person confirmed it never appeared; ledgers before 2026-12 wrote `not_sent`
    SKIPPED = "skipped"

    @classmethod
    def read(cls, value: object) -> LedgerEvent | None:
        """The event of a stored line, old spellings included; None for an unknown one."""
        text = str(value).replace("_", "-") if value == "not_sent" else str(value)
        try:
            return cls(text)
        except ValueError:
            return None


class KeyStatus(StrEnum):
    """A key's state folded from its ledger lines; shown as the plan's `ledger` field (JSON)."""

    NEW = "new"  # nothing recorded yet
    SUCCESS = "success"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    NOT_SENT = "not-sent"
    SKIPPED = "skipped"


class ItemStatus(StrEnum):
    DUE = "due"
    SCHEDULED = "scheduled"


class OutcomeStatus(StrEnum):
    """What happened to one item in one run (`outcome` in `warta dispatch --json`)."""

    SENT = "sent"
    ALREADY = "already"
    RECONCILED = "reconciled"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    SCHEDULED = "scheduled"
    SKIPPED = "skipped"
    DRY_RUN = "dry-run"


@dataclass(frozen=True, order=True)
class Key:
    """What is sent at most once: one post of one agency on one network; with a `kind`
    (`ralat:<date>`, `dicabut`), one correction or the withdrawal of that copy (see corrections.py)."""

    agency: str
    post_id: str
    channel: str
    kind: str = ""


@dataclass(frozen=True)
class Item:
    key: Key
    post: Post
    caption: Caption
    account: dict[str, Any]  # the agency's roster settings for this channel
    agency_name: str
    site_url: str
    due_at: datetime
    status: ItemStatus
    reason: str  # added | new-channel | reconcile | retry
    content_hash: str
    ledger: KeyStatus = KeyStatus.NEW  # new | failed | uncertain | not-sent
    target: str | None = None  # corrections: the network's id of the copy being corrected

    @property
    def network(self) -> str:
        return NETWORK_LABELS.get(self.key.channel, self.key.channel)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "agency": self.key.agency,
            "post": self.post.path,
            "post_id": self.key.post_id,
            "channel": self.key.channel,
            "due_at": self.due_at.isoformat(),
            "status": self.status,
            "caption": self.caption.text,
            "reason": self.reason,
            "ledger": self.ledger,
            "content_hash": self.content_hash,
        }
        if self.caption.title is not None:
            data["title"] = self.caption.title
        if self.key.kind:
            data["kind"] = self.key.kind
            data["target"] = self.target
        return data


@dataclass(frozen=True)
class Published:
    """The network's answer to a successful post."""

    remote_id: str
    permalink: str | None
    note: str = ""


class CannotReconcile(Exception):
    """The network's API offers no way to look for an earlier copy of a post."""


@dataclass
class Outcome:
    """What happened to one item in one run, for the summary and the exit code."""

    item: Item
    status: OutcomeStatus
    message: str = ""
    permalink: str | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)

    @property
    def bad(self) -> bool:
        return self.status in (OutcomeStatus.FAILED, OutcomeStatus.UNCERTAIN)

    def as_json(self) -> dict[str, Any]:
        data = {**self.item.as_json(), "outcome": self.status, "message": self.message,
                "permalink": self.permalink}
        if self.requests:
            data["requests"] = self.requests
        return data


def content_hash(post_text: str, caption: Caption) -> str:
    """Audit hash of what was sent: the post file and the rendered caption."""
    digest = hashlib.sha256()
    digest.update(post_text.encode("utf-8"))
    digest.update(json.dumps([caption.channel, caption.text, caption.title], ensure_ascii=False)
                  .encode("utf-8"))
    return "sha256:" + digest.hexdigest()
