"""`warta inbox reply`: answer one citizen's comment through the network, exactly once.

The same discipline as dispatch, on the same ledger mechanism (`warta.dispatch.ledger.Ledger`, a
flock per key and append-only records) kept inside the metrics store (`<store>/balasan/`), so the
store's branch carries it: check, lock, check again, record the attempt, send, record the outcome.
An attempt without an outcome is uncertain and is never sent again automatically.

Before anything is sent the text passes the checks posts pass (Pedoman VI and VIII.6): the
province's sensitive words, the ethics words, NIK/NIP, phone numbers and private e-mail.
The store then holds the agency's reply as an answer to the comment (ids, time, who, response
time), never the citizen's text.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import httpx

from warta.channels.networks import label as network_label
from warta.dispatch.ledger import Entry, Ledger
from warta.dispatch.model import Key
from warta.errors import WartaError
from warta.http import ApiError, Http, UncertainSend
from warta.metrics.model import Comment, author_key
from warta.metrics.store import Store
from warta.roster.models import Province
from warta.timeutil import WIB, as_wib

LEDGER_FOLDER = "balasan"


@dataclass(frozen=True)
class ReplyOutcome:
    status: str  # sent | already | failed | uncertain
    message: str
    reply_id: str | None = None
    permalink: str | None = None
    response_hours: float | None = None


def text_problems(text: str, province: Province) -> list[str]:
    """Why `text` may not be sent from a government account (Indonesian), empty when it may.
    The word lists and patterns are those of `warta check` for posts."""
    from warta.check.personal import find_personal_numbers
    from warta.check.quality import EMAIL, ETHICS_WORDS, PHONE, _word_pattern

    problems = []
    if not text.strip():
        problems.append("Teks balasan kosong.")
    for word in province.sensitive_words:
        if _word_pattern(word).search(text):
            problems.append(f"Teks memuat kata `{word}` yang tidak pantas untuk akun pemerintah (Pedoman VI). "
                            "Ganti kata tersebut.")
    for word in ETHICS_WORDS:
        if _word_pattern(word).search(text):
            problems.append(f"Teks memuat `{word}`: balasan akun pemerintah harus netral (netralitas ASN, "
                            "Pedoman VI). Hapus kata tersebut.")
    for number in find_personal_numbers(text):
        problems.append(f"Teks memuat {number.kind.upper()} `{number.masked}`: data pribadi tidak boleh "
                        "dipublikasikan (UU 27/2022). Hapus nomor itu.")
    for match in PHONE.finditer(text):
        problems.append(f"Teks memuat nomor telepon `{match.group().strip()}`. Pakai nomor layanan resmi instansi.")
    for match in EMAIL.finditer(text):
        if not match.group().lower().endswith(".go.id"):
            problems.append(f"Teks memuat alamat e-mail `{match.group()}`. Pakai e-mail resmi (.go.id).")
    return problems


def find_comment(comments: list[Comment], comment_id: str, network: str | None) -> Comment:
    found = [c for c in comments if c.comment_id == comment_id and (network is None or c.network == network)]
    if not found:
        raise WartaError(f"Komentar `{comment_id}` tidak ada di data metrik. Jalankan `warta metrics collect` "
                         "dahulu, lalu salin COMMENT_ID dari `warta inbox --format json`.")
    if len({c.network for c in found}) > 1:
        raise WartaError(f"Komentar `{comment_id}` ada di beberapa jaringan; sebutkan --network.")
    comment = found[-1]
    if comment.by_agency:
        raise WartaError(f"Komentar `{comment_id}` ditulis akun instansi sendiri; tidak perlu dibalas.")
    return comment


def reply_key(comment: Comment) -> Key:
    return Key(comment.agency, f"{comment.network}:{comment.comment_id}", comment.network)


def hours_between(asked: str, answered: datetime) -> float | None:
    try:
        start = as_wib(asked.replace("Z", "+00:00"))
    except ValueError:
        return None
    return round(max(0.0, (answered - start).total_seconds()) / 3600, 1)


@dataclass
class ReplyConfig:
    store: Store
    province: Province
    by: str
    env: Mapping[str, str]
    now: Callable[[], datetime]
    client: httpx.Client | None = None
    sleep: Callable[[float], None] = lambda _: None


def send_reply(comment: Comment, text: str, config: ReplyConfig) -> ReplyOutcome:
    """Exactly once per comment, however often and however concurrently it runs."""
    network = network_label(comment.network)
    problems = text_problems(text, config.province)
    if problems:
        raise WartaError("Balasan tidak dikirim:\n" + "\n".join(f"- {p}" for p in problems))
    if comment.source != "komentar" and comment.network != "x":
        raise WartaError(f"Item ini ({comment.source}) bukan komentar di unggahan instansi; {network} tidak "
                         "menyediakan balasan lewat API untuknya. Tanggapi langsung di " + network + ".")
    ledger = Ledger(config.store.root / LEDGER_FOLDER)
    key = reply_key(comment)
    earlier = ledger.state(key)
    if earlier.done:  # first check, without the lock
        return _already(earlier.success)
    from warta.metrics.inbox import response_hours

    if response_hours(config.store.comments()).get((comment.network, comment.comment_id)) is not None:
        return ReplyOutcome("already", "Komentar ini sudah dijawab akun instansi langsung di jaringan; "
                            "balasan tidak dikirim.")
    with _client(config.client) as client:
        http = _connect(comment, client, config)
        with ledger.lock(key) as entry:
            state = entry.state()  # again under the lock: another run may have answered meanwhile
            if state.done:
                return _already(state.success)
            if state.status == "uncertain":
                return ReplyOutcome("uncertain", f"Balasan sebelumnya ke {network} terputus sebelum hasilnya "
                                    "tercatat; periksa komentar itu di jaringan sebelum membalas lagi.")
            digest = hashlib.sha256(text.encode()).hexdigest()[:16]
            entry.record("attempt", by=config.by, text_sha256=digest)
            return _send(comment, text, http, entry, config, network, digest)


def _send(comment: Comment, text: str, http: Http, entry: Entry, config: ReplyConfig, network: str,
          digest: str) -> ReplyOutcome:
    from warta.metrics.insights.replies import REPLY, NoReplyApi

    try:
        sent = REPLY[comment.network](comment, text, http)
    except NoReplyApi as exc:
        entry.record("not-sent", error=str(exc), by=config.by)
        return ReplyOutcome("failed", str(exc))
    except UncertainSend:
        entry.record("uncertain", by=config.by)
        return ReplyOutcome("uncertain", f"Koneksi ke {network} terputus saat mengirim; balasan mungkin sudah "
                            "tayang. Periksa di jaringan sebelum membalas lagi.")
    except ApiError as exc:
        entry.record("failure", error=exc.message, code=exc.code, status=exc.status, by=config.by)
        return ReplyOutcome("failed", f"{network} menolak balasan: {exc.message}")
    answered = config.now()
    hours = hours_between(comment.created_at, answered)
    at = answered.isoformat(timespec="seconds")
    entry.record("success", remote_id=sent.reply_id, permalink=sent.permalink, by=config.by,
                 text_sha256=digest, comment_id=comment.comment_id, response_hours=hours)
    day = answered.astimezone(WIB).date().isoformat()
    # The answer joins the comments as the agency's reply, so the inbox and Pedoman XI count it at once.
    config.store.append_comments([replace(comment, comment_id=sent.reply_id, parent_id=comment.comment_id,
                                          by_agency=True, created_at=at, permalink=sent.permalink,
                                          sentiment="netral", question=False, words=(), source="komentar",
                                          author_key=author_key(comment.network, f"agency:{comment.agency}"))],
                                 day)
    config.store.append_replies([{
        "network": comment.network, "agency": comment.agency, "comment_id": comment.comment_id,
        "reply_id": sent.reply_id, "replied_at": at, "by": config.by, "response_hours": hours,
        "permalink": sent.permalink}], day)
    return ReplyOutcome("sent", f"Balasan terkirim ke {network} (waktu tanggap {hours} jam).", sent.reply_id,
                        sent.permalink, hours)


def _already(success: dict[str, object] | None) -> ReplyOutcome:
    success = success or {}
    who = success.get("by") or "?"
    return ReplyOutcome("already", f"Komentar ini sudah dijawab oleh {who} pada {success.get('at')}; tidak "
                        "dikirim lagi.", str(success.get("remote_id") or "") or None,
                        str(success.get("permalink") or "") or None)


class _client:
    """The caller's client, or one of our own closed afterwards."""

    def __init__(self, given: httpx.Client | None) -> None:
        self.given, self.own = given, None if given is not None else httpx.Client(timeout=30.0)

    def __enter__(self) -> httpx.Client:
        return self.given or self.own  # type: ignore[return-value]

    def __exit__(self, *exc: object) -> None:
        if self.own is not None:
            self.own.close()


def _connect(comment: Comment, client: httpx.Client, config: ReplyConfig) -> Http:
    from warta.metrics.connect import connect

    try:
        return connect(comment.agency, comment.network, client, config.env, sleep=config.sleep)
    except WartaError as exc:
        raise WartaError(f"{exc.message} Balasan tidak dikirim.") from None


def default_by(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    return env.get("GITHUB_ACTOR") or env.get("USER") or "?"


def store_dir(root: Path, store: Path | None) -> Path:
    from warta.metrics.store import DEFAULT_STORE

    return store or root / DEFAULT_STORE
