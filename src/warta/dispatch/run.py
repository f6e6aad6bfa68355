"""Send plan items: lock, re-read, skip what succeeded, record the attempt, call, record the outcome."""

from __future__ import annotations

import os
import posixpath
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from warta import git as wgit
from warta.content.files import is_symlink_anywhere, regular_file_inside
from warta.dispatch import corrections, gitrange
from warta.dispatch.adapters import Adapter, local_video, registry
from warta.dispatch.ledger import ALIAS, Entry, KeyState, Ledger
from warta.dispatch.model import CannotReconcile, Item, KeyStatus, Outcome, OutcomeStatus
from warta.dispatch.plan import Link
from warta.git import SYMLINK_MODE
from warta.http import TIMEOUT, ApiError, Http, UncertainSend, base_url, token_env
from warta.tokens import Credential, Tokens


@dataclass
class RunConfig:
    ledger: Ledger
    dry_run: bool = False
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    adapters: dict[str, Adapter] = field(default_factory=registry)
    max_wait: float = 120.0
    backoff: float = 1.0
    timeout: httpx.Timeout = field(default_factory=lambda: TIMEOUT)


class GitMedia:
    """Media bytes as committed at `sha` (the checked-out file when it is there, e.g. in CI).

    Only regular files inside the post's agency folder are ever read: a symlink (to
    `.git/config`, which holds the workflow's push token, or anywhere else) is refused,
    whether it is in the working tree or committed.
    """

    def __init__(self, root: Path, repo: wgit.Repo | None = None, sha: str | None = None) -> None:
        self.root = root
        self.repo = repo
        self.sha = sha
        # One GitPython Repo talks to one `git cat-file` process: the per-network worker
        # threads must take turns, or their reads interleave (corrupt trees, hangs).
        self._git_lock = threading.Lock()

    def _blob(self, repo_path: str) -> tuple[bytes, int] | None:
        if self.repo is None or self.sha is None:
            return None
        with self._git_lock:
            return gitrange.blob_and_mode(self.repo, self.sha, repo_path)

    def refusal(self, repo_path: str, agency: str | None = None) -> str | None:
        """Why `repo_path` must never be read (for a post of `agency`), None when it may be."""
        folder = f"content/{agency}/" if agency else "content/"
        if not repo_path or posixpath.normpath(repo_path) != repo_path \
                or not repo_path.startswith(folder) or repo_path.count("/") < 2:
            return f"berada di luar folder `{folder}`"
        on_disk = self.root / repo_path
        if os.path.lexists(on_disk) or is_symlink_anywhere(self.root, repo_path):
            if regular_file_inside(self.root, repo_path) is None:
                return "bukan berkas biasa di dalam folder perangkat daerah (tautan simbolik/symlink?)"
            return None
        found = self._blob(repo_path)
        if found is not None and found[1] == SYMLINK_MODE:
            return "tercatat di git sebagai tautan simbolik (symlink)"
        return None

    def _file(self, repo_path: str) -> Path | None:
        refused = self.refusal(repo_path)
        if refused:
            raise ApiError(f"Berkas media `{repo_path}` ditolak: {refused}.", code="content")
        return regular_file_inside(self.root, repo_path)

    def read(self, repo_path: str) -> bytes:
        file = self._file(repo_path)
        if file is not None:
            return file.read_bytes()
        found = self._blob(repo_path)
        if found is None:
            stored = self._stored(repo_path)
            if stored is not None:
                return stored
            raise ApiError(f"Berkas media `{repo_path}` tidak ditemukan.", code="content")
        return found[0]

    def _stored(self, repo_path: str) -> bytes | None:
        """A photo kept in the province's media store (named in media.lock), sha256-verified."""
        from warta.media.resolve import MediaSource
        from warta.media.store import StoreError
        from warta.roster import load_roster

        slug = repo_path.split("/")[1]
        source = MediaSource(self.root, slug, load_roster(self.root).roster.province,
                             self.root / ".warta" / "cache" / "media-store")
        try:
            path = source.local(repo_path)
        except StoreError as exc:
            raise ApiError(exc.message, code="content") from None
        return path.read_bytes() if path is not None else None

    def size(self, repo_path: str) -> int:
        file = self._file(repo_path)
        return file.stat().st_size if file is not None else len(self.read(repo_path))


def media_refusal(item: Item, media: GitMedia) -> str | None:
    """The first of the post's local media files dispatch must not read, as a message for staff."""
    post = item.post
    paths = [(m.file, m.path) for m in post.media]
    video = local_video(post)
    if video is not None:
        paths.append((post.video or video, video))
    for written, repo_path in paths:
        refused = media.refusal(repo_path, post.agency)
        if refused:
            return (f"Berkas `{written}` di {post.path} ditolak dan tidak dikirim: {refused}. Dispatch "
                    f"hanya membaca berkas biasa di dalam `content/{post.agency}/`; ganti dengan "
                    "berkas aslinya lalu gabungkan lagi.")
    return None


def _iso_in(clock: Callable[[], float], seconds: float) -> str:
    return (datetime.fromtimestamp(clock(), UTC) + timedelta(seconds=seconds)).isoformat(timespec="seconds")


def _blocked(state: KeyState, item: Item, clock: Callable[[], float]) -> str | None:
    """Why an earlier failure must not be retried now, or None when retrying is right."""
    last = state.last or {}
    if last.get("content_hash") != item.content_hash or last.get("auth") or last.get("code") == "config":
        return None  # the post or the token may have been fixed since
    if last.get("retryable"):
        after = last.get("retry_after")
        if isinstance(after, str) and datetime.fromisoformat(after).timestamp() > clock():
            return f"Menunggu batas laju {item.network} hingga {after}: {last.get('error')}"
        return None
    return (f"Gagal dan tidak dicoba ulang tanpa perubahan: {last.get('error')}. Perbaiki berita lalu "
            "gabungkan lagi, atau tandai dengan `warta dispatch confirm --skip`.")


def _uncertain_message(item: Item, why: str) -> str:
    account = item.account.get("username") or item.account.get("handle") or item.account.get("page_id") \
        or item.account.get("channel_id") or item.account.get("account") or ""
    return (f"TIDAK PASTI — {why} Periksa akun {item.network} {account} ({item.agency_name}) secara manual. "
            f"Bila sudah tayang: `warta dispatch confirm --agency {item.key.agency} --post-id {item.key.post_id} "
            f"--channel {item.key.channel} --sent --permalink URL`; bila belum: ganti `--sent` dengan "
            "`--not-sent` agar dikirim pada jalan berikutnya.")


def _token_message(item: Item, problem: str) -> str:
    env = token_env(item.key.agency, item.key.channel)
    return (f"Token {item.network} untuk {item.agency_name} {problem}. Perbarui secret `{env}` di "
            "environment `social` repositori.")


class Sender:
    def __init__(self, config: RunConfig, media: GitMedia) -> None:
        self.config = config
        self.media = media
        self.tokens = Tokens(config.env)

    def _http(self, adapter: Adapter, token: Credential | None, client: httpx.Client) -> Http:
        return Http(base=base_url(adapter.channel, adapter.default_base), token=token.bearer if token else None,
                    classify=adapter.classify, simulate=adapter.simulate, dry_run=self.config.dry_run,
                    sleep=self.config.sleep, clock=self.config.clock, max_wait=self.config.max_wait,
                    backoff=self.config.backoff, client=client, signer=token.auth() if token else None,
                    secrets=token.secrets if token else ())

    def send(self, item: Item) -> Outcome:
        if item.status != "due":
            return Outcome(item, OutcomeStatus.SCHEDULED, f"Terjadwal {item.due_at.isoformat()}.")
        adapter = self.config.adapters.get(item.key.channel)
        if adapter is None:
            return Outcome(item, OutcomeStatus.FAILED, f"Kanal `{item.key.channel}` belum didukung.")
        with httpx.Client(timeout=self.config.timeout) as client:
            try:
                token = self.tokens.get(item.key.agency, item.key.channel, client,
                                        exchange=not self.config.dry_run)
            except ApiError as exc:
                return self._token_refused(item, exc)
            http = self._http(adapter, token, client)
            if item.key.kind:  # a correction or withdrawal of a sent copy: corrections.py
                return self._correct(item, http, token)
            if self.config.dry_run:
                return self._dry_run(item, adapter, http, token)
            with self.config.ledger.lock(item.key) as entry:
                return self._send_locked(item, adapter, http, token, entry)

    def _correct(self, item: Item, http: Http, token: Credential | None) -> Outcome:
        if self.config.dry_run:
            return Outcome(item, OutcomeStatus.DRY_RUN, f"{item.key.kind} untuk {item.target}: {item.caption.text}")
        with self.config.ledger.lock(item.key) as entry:
            return corrections.send_locked(item, http, token is not None, entry, audit_fields(item),
                                           _token_message(item, "belum diatur (variabel lingkungan kosong)"))

    def _token_refused(self, item: Item, exc: ApiError) -> Outcome:
        message = _token_message(item, f"tidak dapat diperbarui: {exc.message}")
        with self.config.ledger.lock(item.key) as entry:
            if entry.state().done:
                return Outcome(item, OutcomeStatus.ALREADY, "Sudah terkirim sebelumnya.")
            entry.record("failure", error=message, code=exc.code, status=exc.status, retryable=exc.retryable,
                         auth=exc.auth, **audit_fields(item))
        return Outcome(item, OutcomeStatus.FAILED, message)

    def _dry_run(self, item: Item, adapter: Adapter, http: Http, token: Credential | None) -> Outcome:
        refused = media_refusal(item, self.media)
        if refused:
            return Outcome(item, OutcomeStatus.FAILED, refused)
        note = "" if token else f"Token `{token_env(item.key.agency, item.key.channel)}` belum diatur. "
        try:
            published = adapter.publish(item, http, self.media)
        except ApiError as exc:
            return Outcome(item, OutcomeStatus.FAILED, (note + exc.message).strip(), requests=http.calls)
        return Outcome(item, OutcomeStatus.DRY_RUN, (note + published.note).strip(), requests=http.calls)

    def _send_locked(self, item: Item, adapter: Adapter, http: Http, token: Credential | None,
                     entry: Entry) -> Outcome:
        state = entry.state()  # re-read under the lock: another run may have sent it meanwhile
        if state.done:
            return Outcome(item, OutcomeStatus.ALREADY, "Sudah terkirim sebelumnya.",
                           permalink=(state.success or {}).get("permalink"))
        audit = audit_fields(item)
        if state.status is KeyStatus.UNCERTAIN:
            if token is None:
                return Outcome(item, OutcomeStatus.UNCERTAIN, _uncertain_message(
                    item, "Kiriman sebelumnya terputus dan token belum diatur untuk memeriksanya."))
            try:
                existing = adapter.find_existing(item, http)
            except CannotReconcile:
                return Outcome(item, OutcomeStatus.UNCERTAIN, _uncertain_message(
                    item, f"Kiriman sebelumnya terputus sebelum hasilnya tercatat, dan {item.network} "
                          "tidak bisa diperiksa otomatis."))
            except ApiError as exc:
                return Outcome(item, OutcomeStatus.UNCERTAIN, _uncertain_message(
                    item, f"Kiriman sebelumnya terputus; pemeriksaan ke {item.network} gagal ({exc.message})."))
            if existing is not None:
                entry.record("success", remote_id=existing.remote_id, permalink=existing.permalink,
                             reconciled=True, **audit)
                return Outcome(item, OutcomeStatus.RECONCILED, "Ternyata sudah tayang; dicatat tanpa mengirim ulang.",
                               permalink=existing.permalink)
            # The network shows no copy: the interrupted attempt never published; send it now.
        refused = media_refusal(item, self.media)
        if refused:  # checked on every run (it is local and cheap), recorded once per cause
            last = state.last or {}
            if (last.get("code"), last.get("error"), last.get("content_hash")) != (
                    "media-refused", refused, item.content_hash):
                entry.record("failure", error=refused, code="media-refused", retryable=False, **audit)
            return Outcome(item, OutcomeStatus.FAILED, refused)
        if state.status is KeyStatus.FAILED and (state.last or {}).get("code") != "media-refused":
            reason = _blocked(state, item, self.config.clock)
            if reason:
                return Outcome(item, OutcomeStatus.FAILED, reason)
        if token is None:
            message = _token_message(item, "belum diatur (variabel lingkungan kosong)")
            entry.record("failure", error=message, code="token-missing", retryable=False, auth=True, **audit)
            return Outcome(item, OutcomeStatus.FAILED, message)
        entry.record("attempt", **audit)
        try:
            published = adapter.publish(item, http, self.media)
        except ApiError as exc:
            message = _token_message(item, f"ditolak (kedaluwarsa atau dicabut): {exc.message}") \
                if exc.auth else f"{item.network} {item.agency_name}: {exc.message}"
            retry_after = _iso_in(self.config.clock, exc.retry_after) \
                if exc.retryable and exc.retry_after is not None else None
            entry.record("failure", error=message, code=exc.code, status=exc.status, retryable=exc.retryable,
                         retry_after=retry_after, auth=exc.auth, **audit)
            return Outcome(item, OutcomeStatus.FAILED, message)
        except UncertainSend as exc:
            entry.record("uncertain", error=str(exc), **audit)
            return Outcome(item, OutcomeStatus.UNCERTAIN, _uncertain_message(
                item, f"Jaringan terputus setelah permintaan terkirim ({exc})."))
        except Exception as exc:  # noqa: BLE001 - after the attempt anything unexpected is uncertain
            entry.record("uncertain", error=repr(exc), **audit)
            return Outcome(item, OutcomeStatus.UNCERTAIN, _uncertain_message(item, f"Galat tak terduga: {exc!r}."))
        entry.record("success", remote_id=published.remote_id, permalink=published.permalink,
                     note=published.note or None, **audit)
        return Outcome(item, OutcomeStatus.SENT, published.note, permalink=published.permalink)


def audit_fields(item: Item) -> dict[str, Any]:
    """What each record keeps about the post: its path and explicit id (the names the ledger
    recognises it by later, see Ledger.aliases) and the hash of what was sent."""
    fields: dict[str, Any] = {"path": item.post.path, "content_hash": item.content_hash}
    if item.post.explicit_id:
        fields["explicit_id"] = item.post.explicit_id
    return fields


def record_links(links: list[Link], ledger: Ledger) -> None:
    """Record that already-sent posts now also go by a new path or id (never in a dry run)."""
    for link in links:
        extra = {"explicit_id": link.explicit_id} if link.explicit_id else {}
        with ledger.lock(link.key) as entry:
            entry.record(ALIAS, path=link.path, **extra)


def execute(items: list[Item], config: RunConfig, media: GitMedia) -> list[Outcome]:
    """Each network in its own worker, so one slow or failing network never holds up another."""
    sender = Sender(config, media)
    queues: dict[str, list[Item]] = {}
    for item in items:
        queues.setdefault(item.key.channel, []).append(item)
    if not queues:
        return []

    def work(queue: list[Item]) -> list[Outcome]:
        return [sender.send(item) for item in queue]

    with ThreadPoolExecutor(max_workers=len(queues)) as pool:
        results = [pool.submit(work, queue) for queue in queues.values()]
        outcomes = [outcome for future in results for outcome in future.result()]
    order = {id(item): index for index, item in enumerate(items)}
    return sorted(outcomes, key=lambda o: order[id(o.item)])


def summary_counts(outcomes: list[Outcome]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return counts


def exit_code(outcomes: list[Outcome]) -> int:
    return 1 if any(o.bad for o in outcomes) else 0
