"""A comment's text becomes labels at collection time; the text itself is dropped there."""

from __future__ import annotations

from typing import Any

from warta.metrics.model import Comment
from warta.metrics.sentiment import classify, is_question
from warta.metrics.topics import topic_of, topic_words


def labelled(network: str, agency: str, post_id: str, remote_id: str, comment_id: str, parent_id: str | None,
             author_key: str, by_agency: bool, text: str, created_at: str,
             permalink: str | None = None, source: str = "komentar") -> Comment:
    """The stored form of a comment read from a network: labels instead of `text`."""
    return Comment(network, agency, post_id, remote_id, comment_id, parent_id, author_key, by_agency, created_at,
                   permalink, sentiment=classify(text).label, question=is_question(text), topic=topic_of(text),
                   words=topic_words(text), source=source)


def comment_from_json(record: dict[str, Any]) -> Comment | None:
    """A stored record; one written before text was dropped is labelled now and its text forgotten."""
    record = dict(record)
    text = record.pop("text", None)
    try:
        if isinstance(text, str):
            base = Comment(**record)
            return labelled(base.network, base.agency, base.post_id, base.remote_id, base.comment_id,
                            base.parent_id, base.author_key, base.by_agency, text, base.created_at, base.permalink,
                            base.source)
        comment = Comment(**record)
    except TypeError:
        return None
    words = record.get("words")
    return Comment(**{**comment.__dict__, "words": tuple(str(w) for w in words)
                      if isinstance(words, list) else ()})
