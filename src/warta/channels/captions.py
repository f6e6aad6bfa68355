"""The one caption renderer: the quality checks, the PR preview and dispatch all call it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.channels.limits import LIMITS
from warta.channels.xcount import utf16_length, x_weighted_length
from warta.content.models import MediaItem, Post
from warta.content.urls import post_url

ELLIPSIS = "…"


@dataclass(frozen=True)
class Caption:
    channel: str
    text: str  # exactly what is sent (YouTube: the description)
    title: str | None = None  # YouTube video title
    tags: tuple[str, ...] = ()
    media: tuple[MediaItem, ...] = ()
    video: str | None = None
    link: str = ""
    overridden: bool = False
    cut: list[str] = field(default_factory=list)  # what the default caption had to drop
    length: int = 0  # in the network's own unit
    limit: int | None = None

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.length > self.limit


def hashtag(tag: str) -> str:
    return "#" + re.sub(r"[^0-9A-Za-z_\u00C0-\uFFFF]", "", tag.title().replace(" ", ""))


def hashtags(post: Post) -> str:
    return " ".join(dict.fromkeys(h for h in map(hashtag, post.tags) if len(h) > 1))


def measure(channel: str, text: str) -> int:
    if channel == "x":
        return x_weighted_length(text)
    if channel == "tiktok":
        return utf16_length(text)
    if channel == "youtube":
        return len(text.encode("utf-8"))
    return len(text)


def _limit(channel: str) -> int | None:
    limits = LIMITS.get(channel)
    if limits is None:
        return None
    return limits.max_description_bytes if channel == "youtube" else limits.max_text


def _join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def _truncate(channel: str, text: str, budget: int) -> str:
    if measure(channel, text) <= budget:
        return text
    # The longest word prefix that fits, by bisection: dropping one word at a time and measuring
    # the whole text again was quadratic (a long title took minutes). A longer prefix never
    # measures less, so the fitting prefixes are exactly those up to some count.
    words = text.split(" ")
    fits, too_long = 0, len(words)
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if measure(channel, " ".join(words[:middle]) + ELLIPSIS) <= budget:
            fits = middle
        else:
            too_long = middle
    return (" ".join(words[:fits]) + ELLIPSIS) if fits else ""


def _fit(channel: str, title: str, summary: str, link: str, tags: str) -> tuple[str, list[str]]:
    """Default caption within the limit: drop hashtags, then the summary, then shorten the title."""
    limit = _limit(channel)
    text = _join(title, summary, link, tags)
    cut: list[str] = []
    if limit is None or measure(channel, text) <= limit:
        return text, cut
    if tags:
        cut.append("tagar")
        text = _join(title, summary, link)
    if measure(channel, text) > limit and summary:
        cut.append("ringkasan")
        text = _join(title, link)
    if measure(channel, text) > limit:
        cut.append("sebagian judul")
        budget = limit - measure(channel, _join("x", link)) + 1
        text = _join(_truncate(channel, title, budget), link)
    return text, cut


def _youtube_title(title: str) -> str:
    clean = title.replace("<", "").replace(">", "")
    return clean if len(clean) <= 100 else clean[:99] + ELLIPSIS


def render_caption(post: Post, channel: str, site_url: str) -> Caption:
    """What `channel` receives for `post`: the override when given, else the default."""
    link = post_url(site_url, post)
    override = post.captions.get(channel) or None
    if override is not None and not override.strip():
        override = None  # a blank override (typed, then cleared in the editor) means the default
    images = tuple(m for m in post.media)
    limit = _limit(channel)
    if channel == "youtube":
        description = override or _join(post.summary, link, hashtags(post))
        description = description.replace("<", "‹").replace(">", "›")
        return Caption(channel, description, title=_youtube_title(post.title), tags=post.tags,
                       video=post.video, link=link, overridden=override is not None,
                       length=measure(channel, description), limit=limit)
    cut: list[str] = []
    if override is not None:
        text = override
    else:
        text, cut = _fit(channel, post.title, post.summary, link, hashtags(post))
    return Caption(channel, text, media=images, video=post.video, link=link,
                   overridden=override is not None, cut=cut, length=measure(channel, text),
                   limit=limit)
