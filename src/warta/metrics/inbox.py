"""The inbox: public comments the agency's own account has not answered, questions first."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime

from warta.metrics.model import Comment
from warta.timeutil import as_wib


@dataclass(frozen=True)
class InboxItem:
    comment: Comment
    question: bool
    age_hours: float
    sentiment: str


@dataclass(frozen=True)
class ResponseStats:
    public_comments: int
    answered: int
    median_hours: float | None

    @property
    def rate(self) -> float | None:
        return round(100.0 * self.answered / self.public_comments, 1) if self.public_comments else None


def _when(value: str) -> datetime | None:
    try:
        return as_wib(value.replace("Z", "+00:00").replace("+0000", "+00:00"))
    except ValueError:
        return None


def response_hours(comments: list[Comment]) -> dict[tuple[str, str], float | None]:
    """For every public comment: hours until the agency's first answer (None: unanswered).

    An answer is the agency's reply to the comment, or, inside a thread, the agency's
    later reply in the same thread (Instagram and Facebook nest one level deep).
    """
    replies: dict[tuple[str, str], list[datetime]] = {}
    for c in comments:
        when = _when(c.created_at)
        if c.by_agency and c.parent_id and when is not None:
            replies.setdefault((c.network, c.parent_id), []).append(when)
    result: dict[tuple[str, str], float | None] = {}
    for c in comments:
        if c.by_agency:
            continue
        asked = _when(c.created_at)
        candidates = list(replies.get((c.network, c.comment_id), []))
        if c.parent_id:
            candidates += replies.get((c.network, c.parent_id), [])
        later = [w for w in candidates if asked is not None and w >= asked]
        result[(c.network, c.comment_id)] = round(
            (min(later) - asked).total_seconds() / 3600, 1) if later and asked is not None else None
    return result


def unanswered(comments: list[Comment], now: datetime, agency: str | None = None) -> list[InboxItem]:
    """Unanswered public comments: questions first, then the oldest first."""
    hours = response_hours(comments)
    items = []
    for c in comments:
        if c.by_agency or (agency and c.agency != agency) or hours.get((c.network, c.comment_id)) is not None:
            continue
        asked = _when(c.created_at)
        age = round((now - asked).total_seconds() / 3600, 1) if asked else 0.0
        items.append(InboxItem(c, c.question, age, c.sentiment))
    return sorted(items, key=lambda i: (not i.question, -i.age_hours, i.comment.comment_id))


def response_stats(comments: list[Comment]) -> dict[str, ResponseStats]:
    """Per agency: public comments under its copies, how many it answered, median hours to answer."""
    hours = response_hours(comments)
    per: dict[str, list[float | None]] = {}
    for c in comments:
        if not c.by_agency and c.source == "komentar":  # mentions elsewhere are not comments to answer
            per.setdefault(c.agency, []).append(hours.get((c.network, c.comment_id)))
    stats = {}
    for agency, values in per.items():
        done = [v for v in values if v is not None]
        stats[agency] = ResponseStats(len(values), len(done), round(statistics.median(done), 1) if done else None)
    return stats


def format_age(hours: float) -> str:
    if hours < 1:
        return "< 1 jam"
    if hours < 48:
        return f"{hours:.0f} jam"
    return f"{hours / 24:.0f} hari"
