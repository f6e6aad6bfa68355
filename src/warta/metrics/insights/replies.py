"""Answering a citizen's comment on each network: the one call that creates the agency's reply.

Facebook, Instagram and YouTube nest replies one level deep, so an answer to a reply goes to
the thread's top comment (and is recorded against the comment it answers). TikTok offers no
API to reply to comments, so it is refused with a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.http import ApiError, Http
from warta.metrics.insights.base import body_of
from warta.metrics.model import Comment


@dataclass(frozen=True)
class Sent:
    reply_id: str
    permalink: str | None = None


class NoReplyApi(Exception):
    """The network has no API to answer comments."""


def _thread(comment: Comment) -> str:
    return comment.parent_id or comment.comment_id


def _id(value: object, network: str) -> str:
    if not isinstance(value, str | int) or not str(value):
        raise ApiError(f"{network} tidak mengembalikan id balasan.")
    return str(value)


def reply_facebook(comment: Comment, text: str, http: Http) -> Sent:
    """POST /{comment-id}/comments (Graph API): a reply to a Page post's comment."""
    body = body_of(http.request("POST", f"/{_thread(comment)}/comments", data={"message": text}, commit=True))
    return Sent(_id(body.get("id"), "Facebook"))


def reply_instagram(comment: Comment, text: str, http: Http) -> Sent:
    """POST /{ig-comment-id}/replies (Instagram Graph API); only top-level comments take replies."""
    body = body_of(http.request("POST", f"/{_thread(comment)}/replies", data={"message": text}, commit=True))
    return Sent(_id(body.get("id"), "Instagram"))


def reply_youtube(comment: Comment, text: str, http: Http) -> Sent:
    """comments.insert with snippet.parentId (the top-level comment's id)."""
    body = body_of(http.request("POST", "/youtube/v3/comments", params={"part": "snippet"},
                                json={"snippet": {"parentId": _thread(comment), "textOriginal": text}}, commit=True))
    reply_id = _id(body.get("id"), "YouTube")
    return Sent(reply_id, f"https://www.youtube.com/watch?v={comment.remote_id}&lc={reply_id}"
                if comment.remote_id else None)


def reply_x(comment: Comment, text: str, http: Http) -> Sent:
    """POST /2/tweets with reply.in_reply_to_tweet_id (user context: OAuth 1.0a or OAuth 2.0 user token)."""
    body = body_of(http.request("POST", "/2/tweets", json={
        "text": text, "reply": {"in_reply_to_tweet_id": comment.comment_id}}, commit=True))
    reply_id = _id((body.get("data") or {}).get("id"), "X")
    return Sent(reply_id, f"https://x.com/i/web/status/{reply_id}")


def reply_tiktok(comment: Comment, text: str, http: Http) -> Sent:
    raise NoReplyApi("TikTok tidak menyediakan API untuk membalas komentar; balas langsung di aplikasi TikTok.")


REPLY = {"facebook": reply_facebook, "instagram": reply_instagram, "youtube": reply_youtube, "x": reply_x,
         "tiktok": reply_tiktok}
