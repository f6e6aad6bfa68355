"""Source numbers per post, per agency and month, and per agency over a period.

Joins the SQLite aggregation (network and website numbers) with what the comments
say (people talking, public replies, returning commenters). The result feeds
`warta.metrics.measures.compute_all`, which keeps these inputs beside each measure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warta.metrics.aggregate import Aggregator
from warta.metrics.measures import MeasureValue, compute_all
from warta.metrics.model import Comment
from warta.metrics.summary import month_of

Numbers = dict[str, int]


@dataclass
class _Talk:
    people: set[str] = field(default_factory=set)
    returning: set[str] = field(default_factory=set)
    replies: int = 0

    def numbers(self) -> Numbers:
        return {"people_talking": len(self.people), "public_replies": self.replies,
                "returning_commenters": len(self.returning)}


@dataclass
class MetricsData:
    posts: dict[tuple[str, str], dict[str, Numbers]] = field(default_factory=dict)  # (agency, post) → network → n
    post_talk: dict[tuple[str, str], Numbers] = field(default_factory=dict)
    months: dict[tuple[str, str], Numbers] = field(default_factory=dict)  # (agency, month) → numbers

    def agency_months(self, agency: str) -> list[str]:
        return sorted(m for a, m in self.months if a == agency)

    def agency_posts(self, agency: str) -> list[str]:
        return sorted({p for a, p in (*self.posts, *self.post_talk) if a == agency})


def _add(target: Numbers, source: Numbers) -> None:
    for name, value in source.items():
        target[name] = target.get(name, 0) + int(value)


def comment_numbers(comments: list[Comment]) -> tuple[dict[tuple[str, str], Numbers], dict[tuple[str, str], Numbers]]:
    """(agency, month) and (agency, post id) → people_talking, public_replies, returning_commenters."""
    by_id = {(c.network, c.comment_id): c for c in comments}
    first_month: dict[tuple[str, str], str] = {}  # (agency, author) → first month seen
    per_month: dict[tuple[str, str], _Talk] = {}
    per_post: dict[tuple[str, str], _Talk] = {}
    for c in sorted(comments, key=lambda c: c.created_at):
        if c.by_agency:
            continue
        month = month_of(c)
        parent = by_id.get((c.network, c.parent_id)) if c.parent_id else None
        public_reply = int(parent is not None and not parent.by_agency)
        buckets = (per_month.setdefault((c.agency, month), _Talk()),
                   per_post.setdefault((c.agency, c.post_id), _Talk()))
        for talk in buckets:
            talk.people.add(c.author_key)
            talk.replies += public_reply
        first = first_month.setdefault((c.agency, c.author_key), month)
        if first < month:
            per_month[(c.agency, month)].returning.add(c.author_key)
    return ({k: v.numbers() for k, v in per_month.items()}, {k: v.numbers() for k, v in per_post.items()})


def gather(aggregator: Aggregator, comments: list[Comment]) -> MetricsData:
    """Everything the measures need, from the refreshed aggregation and the comments."""
    data = MetricsData()
    for row in aggregator.post_latest():
        data.posts.setdefault((row.agency, row.post_id), {}).setdefault(row.network, {})[row.field] = row.value
    month_talk, data.post_talk = comment_numbers(comments)
    sources = [aggregator.agency_month_posts(), aggregator.agency_month_daily("account"),
               aggregator.agency_month_daily("website"), month_talk]
    for source in sources:
        for key, numbers in source.items():
            _add(data.months.setdefault(key, {}), {k: v for k, v in numbers.items() if k != "followers"})
    for source in sources[1:3]:
        for (agency, month), numbers in source.items():
            if "followers" in numbers:
                data.months[(agency, month)]["followers"] = numbers["followers"]
    for agency, month in sorted(data.months):
        previous = [m for m in data.agency_months(agency) if m < month]
        if previous and "followers" in data.months[(agency, previous[-1])]:
            data.months[(agency, month)]["followers_start"] = data.months[(agency, previous[-1])]["followers"]
    return data


def post_numbers(data: MetricsData, agency: str, post_id: str) -> Numbers:
    """A post's latest running totals over its copies on every network, plus its comments."""
    total: Numbers = {}
    for numbers in data.posts.get((agency, post_id), {}).values():
        _add(total, numbers)
    _add(total, data.post_talk.get((agency, post_id), {}))
    return total


def period_numbers(data: MetricsData, agency: str, months: list[str]) -> Numbers:
    """Sums over the months; followers at start of the first month, followers at the end of the last."""
    total: Numbers = {}
    present = [m for m in sorted(months) if (agency, m) in data.months]
    for month in present:
        levels = ("followers", "followers_start")
        _add(total, {k: v for k, v in data.months[(agency, month)].items() if k not in levels})
    if present:
        first, last = data.months[(agency, present[0])], data.months[(agency, present[-1])]
        if "followers_start" in first:
            total["followers_start"] = first["followers_start"]
        if "followers" in last:
            total["followers"] = last["followers"]
    return total


def measures_for(numbers: Numbers) -> list[MeasureValue]:
    return compute_all(numbers)
