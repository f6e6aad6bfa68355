"""Corrections (`ralat`) and withdrawals (`dicabut`) of posts already sent to the networks.

Each is its own ledger key, (agency, post id, channel, kind) with kind `ralat:<date and time>`
(of the entry; `#2`, `#3` for further entries at the same minute) or `dicabut`, and
exists only for a copy the ledger records as sent with the network's id. So it is carried
once, like a post: plan lists it until its key is done, run sends it under the key's lock.

Per network: Facebook edits the post's message (`POST /{post-id}`) and deletes it
(`DELETE /{post-id}`); YouTube appends to the description (`videos.list` then
`videos.update`) and deletes the video (`videos.delete`); X replies to the tweet and deletes
it; Instagram can only comment (its API cannot edit a caption or delete media); TikTok's
API can do neither, so that is recorded once for a person to do by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from warta.channels.captions import Caption
from warta.channels.networks import NETWORK_LABELS
from warta.content.models import Post
from warta.content.urls import post_url
from warta.dispatch.adapters import local_video
from warta.dispatch.ledger import Entry, KeyState
from warta.dispatch.model import Item, ItemStatus, Key, KeyStatus, Outcome, OutcomeStatus, Published, content_hash
from warta.formatting import tanggal
from warta.http import ApiError, Http, UncertainSend, response_json

DICABUT = "dicabut"
MANUAL_DELETE = "tidak dapat dihapus lewat API — hapus manual"
X_LIMIT = 270  # under X's 280, leaving room for weighted characters


def kinds(post: Post) -> list[tuple[str, str]]:
    """(kind, text) of every correction the post carries; a withdrawal supersedes the ralat."""
    if post.dicabut is not None:
        when, reason = post.dicabut
        return [(DICABUT, f"Berita ini dicabut ({tanggal(when)}): {reason}")]
    found: list[tuple[str, str]] = []
    for when, note in post.ralat:
        kind = f"ralat:{when.strftime('%Y-%m-%dT%H:%M')}"
        taken = sum(1 for k, _ in found if k == kind or k.startswith(kind + "#"))
        found.append((f"{kind}#{taken + 1}" if taken else kind, f"Ralat ({tanggal(when)}): {note}"))
    return found


def items(post: Post, text: str, post_id: str, states: dict[Key, KeyState],
          accounts: Callable[[str, str], dict[str, Any]], owner_names: Callable[[str], str],
          site_url: str, now: datetime) -> list[Item]:
    """Correction items still to carry for the post's copies the ledger records as sent."""
    wanted = kinds(post)
    if not wanted:
        return []
    found = []
    for key, state in states.items():
        remote_id = (state.success or {}).get("remote_id")
        if key.kind or key.post_id != post_id or state.status is not KeyStatus.SUCCESS or not remote_id:
            continue
        for kind, message in wanted:
            ckey = Key(key.agency, key.post_id, key.channel, kind)
            cstate = states.get(ckey)
            if cstate is not None and cstate.done:
                continue
            if key.channel == "x":  # X refuses two identical tweets; the link also leads to the page
                link = post_url(site_url, post)
                room = X_LIMIT - 24  # X counts every link as 23 characters
                message = (message if len(message) <= room else message[:room - 1] + "…") + " " + link
            caption = Caption(channel=key.channel, text=message)
            ledger = cstate.status if cstate is not None else KeyStatus.NEW
            found.append(Item(
                key=ckey, post=post, caption=caption, account=accounts(key.agency, key.channel),
                agency_name=owner_names(key.agency), site_url=site_url, due_at=now, status=ItemStatus.DUE,
                reason=kind.split(":")[0], content_hash=content_hash(text, caption),
                ledger=ledger if ledger is not KeyStatus.SUCCESS else KeyStatus.NEW, target=str(remote_id)))
    return found


# --- per network -----------------------------------------------------------------------------
# Each returns what was done (Published, its note saying what could not be done). A network
# without one (TikTok) is recorded once as `skipped` with what a person must do by hand.

def _facebook(item: Item, http: Http) -> Published:
    target = str(item.target)
    if item.key.kind == DICABUT:
        http.request("DELETE", f"/{target}", commit=True)
        return Published(target, None, "Kiriman Facebook dihapus.")
    field = "description" if local_video(item.post) else "message"  # a Page video's text is its description
    body = response_json(http.request("GET", f"/{target}", params={"fields": field})) or {}
    message = str(body.get(field) or "").rstrip()
    http.request("POST", f"/{target}", data={field: f"{message}\n\n{item.caption.text}".strip()}, commit=True)
    return Published(target, None, "Teks kiriman Facebook disunting.")


def _youtube(item: Item, http: Http) -> Published:
    target = str(item.target)
    if item.key.kind == DICABUT:
        http.request("DELETE", "/youtube/v3/videos", params={"id": target}, commit=True)
        return Published(target, None, "Video YouTube dihapus.")
    body = response_json(http.request("GET", "/youtube/v3/videos", params={"part": "snippet", "id": target})) or {}
    videos = body.get("items") or []
    if not videos:
        raise ApiError(f"Video YouTube {target} tidak ditemukan (sudah dihapus?).", code="not-found")
    snippet = dict(videos[0].get("snippet") or {})
    update = {key: snippet[key] for key in ("title", "categoryId", "tags", "defaultLanguage") if key in snippet}
    update["description"] = f"{str(snippet.get('description') or '').rstrip()}\n\n{item.caption.text}".strip()
    http.request("PUT", "/youtube/v3/videos", params={"part": "snippet"},
                 json={"id": target, "snippet": update}, commit=True)
    return Published(target, None, "Deskripsi video YouTube disunting.")


def _x(item: Item, http: Http) -> Published:
    target = str(item.target)
    if item.key.kind == DICABUT:
        http.request("DELETE", f"/2/tweets/{target}", commit=True)
        return Published(target, None, "Tweet dihapus.")
    body = response_json(http.request("POST", "/2/tweets", commit=True, json={
        "text": item.caption.text, "reply": {"in_reply_to_tweet_id": target}})) or {}
    reply = str(body["data"]["id"])
    handle = str(item.account.get("handle") or "i").lstrip("@")
    return Published(reply, f"https://x.com/{handle}/status/{reply}", "Ralat dikirim sebagai balasan tweet.")


def _instagram(item: Item, http: Http) -> Published:
    body = response_json(http.request("POST", f"/{item.target}/comments",
                                      data={"message": item.caption.text}, commit=True)) or {}
    note = "Ralat dikirim sebagai komentar Instagram." if item.key.kind != DICABUT else \
        f"Pemberitahuan dicabut dikirim sebagai komentar; kiriman Instagram {MANUAL_DELETE}."
    return Published(str(body.get("id")), None, note)


NETWORKS: dict[str, Callable[[Item, Http], Published]] = {
    "facebook": _facebook, "youtube": _youtube, "x": _x, "instagram": _instagram}  # TikTok: none


def manual_note(item: Item) -> str:
    label = NETWORK_LABELS.get(item.key.channel, item.key.channel)
    what = "dihapus" if item.key.kind == DICABUT else "disunting atau diberi komentar"
    return f"Kiriman {label} tidak dapat {what} lewat API — lakukan manual: {item.caption.text}"


def send_locked(item: Item, http: Http, has_token: bool, entry: Entry,
                audit: dict[str, Any], token_missing: str) -> Outcome:
    """Carry one correction under its key's lock: done keys are never carried again."""
    state = entry.state()
    if state.done:
        return Outcome(item, OutcomeStatus.ALREADY, "Sudah dilakukan sebelumnya.")
    action = NETWORKS.get(item.key.channel)
    if action is None:
        note = manual_note(item)
        entry.record("skipped", note=note, **audit)
        return Outcome(item, OutcomeStatus.SKIPPED, note)
    last = state.last or {}
    if state.status is KeyStatus.UNCERTAIN and (
            item.key.channel == "instagram" or item.key.channel == "x" and item.key.kind != DICABUT):
        # A reply or comment may already be there: a second one would repeat the correction.
        return Outcome(item, OutcomeStatus.UNCERTAIN, f"TIDAK PASTI — {item.network}: pengiriman sebelumnya "
                       f"terputus. Periksa kiriman {item.target} secara manual, lalu {_confirm(item)}.")
    if state.status is KeyStatus.FAILED and not last.get("retryable") and not last.get("auth") \
            and last.get("content_hash") == item.content_hash:
        return Outcome(item, OutcomeStatus.FAILED, f"Gagal dan tidak dicoba ulang: {last.get('error')}. "
                       f"Bila sudah dilakukan manual: {_confirm(item)}.")
    if not has_token:
        entry.record("failure", error=token_missing, code="token-missing", retryable=False, auth=True, **audit)
        return Outcome(item, OutcomeStatus.FAILED, token_missing)
    entry.record("attempt", **audit)
    try:
        done = action(item, http)
    except ApiError as exc:
        if item.key.kind == DICABUT and _gone(exc):  # deleted by hand already: nothing left to do
            note = f"Kiriman {item.network} sudah tidak ada ({exc.message})."
            entry.record("success", remote_id=item.target, permalink=None, note=note, **audit)
            return Outcome(item, OutcomeStatus.SENT, note)
        message = f"{item.network} {item.agency_name}: {exc.message}"
        entry.record("failure", error=message, code=exc.code, status=exc.status, retryable=exc.retryable,
                     auth=exc.auth, **audit)
        return Outcome(item, OutcomeStatus.FAILED, message)
    except UncertainSend as exc:
        entry.record("uncertain", error=str(exc), **audit)
        return Outcome(item, OutcomeStatus.UNCERTAIN, f"TIDAK PASTI — {item.network}: {exc}")
    entry.record("success", remote_id=done.remote_id, permalink=done.permalink, note=done.note, **audit)
    return Outcome(item, OutcomeStatus.SENT, done.note, permalink=done.permalink)


def _gone(exc: ApiError) -> bool:
    """The copy to delete no longer exists (YouTube 404; Graph "Unsupported request" 100/33)."""
    return exc.status == 404 or exc.code == "100/33"


def _confirm(item: Item) -> str:
    return (f"`warta dispatch confirm --agency {item.key.agency} --post-id {item.key.post_id} "
            f"--channel {item.key.channel} --kind {item.key.kind} --sent` (atau `--skip`)")
