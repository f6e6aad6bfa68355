"""The monthly listening summary per agency, with recommendations (Pedoman VII.9–10).

Everything here is aggregate: counts, shares, topics, keywords. It never carries a
comment's text or author, so it may be shown on the public site. Mentions of the agency and
keyword matches found by wider listening count here beside the comments, by source.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from warta.metrics.inbox import response_hours
from warta.metrics.model import SOURCES, Comment
from warta.metrics.topics import keywords
from warta.timeutil import WIB, as_wib


@dataclass(frozen=True)
class TopicRow:
    topic: str
    comments: int
    questions: int
    positif: int
    negatif: int
    netral: int


@dataclass(frozen=True)
class MonthlySummary:
    agency: str
    month: str
    public_comments: int
    questions: int
    unanswered_questions: int
    sentiment: dict[str, int]
    median_response_hours: float | None
    topics: list[TopicRow] = field(default_factory=list)
    keywords: list[tuple[str, int]] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    # Where the items came from (warta.metrics.insights.listen): komentar, sebutan, kata kunci.
    sources: dict[str, int] = field(default_factory=dict)


def month_of(comment: Comment) -> str:
    try:
        return as_wib(comment.created_at.replace("Z", "+00:00")).astimezone(WIB).strftime("%Y-%m")
    except ValueError:
        return "????-??"


def summarise(comments: list[Comment], agency: str, month: str, now: datetime | None = None) -> MonthlySummary:
    hours = response_hours(comments)
    public = [c for c in comments if c.agency == agency and not c.by_agency and month_of(c) == month]
    labels = {c.comment_id: c.sentiment for c in public}
    asks = {c.comment_id for c in public if c.question}
    waits = [h for c in public if (h := hours.get((c.network, c.comment_id))) is not None]
    open_questions = sum(1 for c in public if c.comment_id in asks and hours.get((c.network, c.comment_id)) is None)
    by_topic: dict[str, list[Comment]] = {}
    for c in public:
        by_topic.setdefault(c.topic, []).append(c)
    rows = []
    for topic, items in by_topic.items():
        counted = Counter(labels[c.comment_id] for c in items)
        rows.append(TopicRow(topic, len(items), sum(c.comment_id in asks for c in items),
                             counted["positif"], counted["negatif"], counted["netral"]))
    rows.sort(key=lambda r: (-r.comments, r.topic))
    sentiment = Counter(labels.values())
    median = round(statistics.median(waits), 1) if waits else None
    summary = MonthlySummary(agency, month, len(public), len(asks), open_questions,
                             {k: sentiment.get(k, 0) for k in ("positif", "negatif", "netral")}, median, rows,
                             keywords((c.author_key, c.words) for c in public))
    sources = Counter(c.source for c in public)
    return MonthlySummary(**{**summary.__dict__, "recommendations": recommend(summary),
                             "sources": {k: sources[k] for k in SOURCES if sources[k]}})


def recommend(s: MonthlySummary) -> list[str]:
    """Follow-up actions in plain Indonesian, from the aggregates only."""
    tips: list[str] = []
    if s.unanswered_questions:
        tips.append(f"Jawab {s.unanswered_questions} pertanyaan warga yang belum dibalas (lihat `warta inbox`).")
    if s.median_response_hours is not None and s.median_response_hours > 24:
        tips.append(f"Percepat tanggapan: median {s.median_response_hours:.0f} jam; targetkan kurang dari 24 jam.")
    for row in s.topics:
        if row.negatif >= 2 and row.negatif * 100 >= 30 * row.comments:
            tips.append(f"Topik \u201c{row.topic}\u201d banyak keluhan ({row.negatif} dari {row.comments} komentar): "
                        "teruskan ke bidang terkait dan umumkan tindak lanjutnya.")
    asked = max(s.topics, key=lambda r: r.questions, default=None)
    if asked is not None and asked.questions >= 3:
        tips.append(f"Buat unggahan informasi (tanya-jawab) tentang \u201c{asked.topic}\u201d: "
                    f"{asked.questions} pertanyaan bulan ini.")
    liked = max(s.topics, key=lambda r: r.positif, default=None)
    if liked is not None and liked.positif >= 3 and liked.positif > liked.negatif:
        tips.append(f"Teruskan konten tentang \u201c{liked.topic}\u201d: paling banyak ditanggapi positif.")
    if s.public_comments == 0:
        tips.append("Belum ada komentar warga bulan ini: ajak warga bertanya dan berpendapat di setiap unggahan.")
    return tips


def months_with_comments(comments: list[Comment], agency: str) -> list[str]:
    return sorted({month_of(c) for c in comments if c.agency == agency and not c.by_agency})
