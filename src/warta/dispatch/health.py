"""Token health: for every agency × configured network, is the token there, valid, allowed to post,
and when does it die? One cheap authenticated call per network; rows `{agency, channel, status,
expires_at, problem}`, status ok | warning | broken. Token values never reach a row."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from warta.channels.networks import NETWORK_LABELS
from warta.dispatch.adapters import Adapter, registry
from warta.http import REDACTED, ApiError, Http, base_url, response_json, token_env
from warta.roster.models import Roster
from warta.roster.tokens import social_accounts
from warta.timeutil import WIB
from warta.tokens import Credential, Tokens

WARN_DAYS = 14  # an expiry closer than this is a warning: time to re-authorise calmly
# Permissions each network needs to post (channels.md; Meta permission names, X and TikTok scopes).
NEEDED = {"facebook": ("pages_manage_posts", "pages_read_engagement"),
          "instagram": ("instagram_basic", "instagram_content_publish"),
          "x": ("tweet.write", "users.read", "media.write"),
          "youtube": (),  # checked below: any of YOUTUBE_SCOPES
          "tiktok": ("video.publish",)}
YOUTUBE_SCOPES = ("https://www.googleapis.com/auth/youtube.upload", "https://www.googleapis.com/auth/youtube",
                  "https://www.googleapis.com/auth/youtube.force-ssl")


@dataclass
class Row:
    agency: str
    channel: str
    status: str  # ok | warning | broken
    expires_at: str | None = None
    problem: str | None = None

    @property
    def broken(self) -> bool:
        return self.status == "broken"

    def as_json(self) -> dict[str, Any]:
        return {"agency": self.agency, "channel": self.channel, "status": self.status,
                "expires_at": self.expires_at, "problem": self.problem}


@dataclass
class Result:
    """What one network's check learnt; folded into a Row."""

    problems: list[str]
    broken: bool = False
    expires: datetime | None = None
    expiry_note: str = ""


def targets(roster: Roster) -> list[tuple[str, str, str]]:
    """(agency slug, agency name, channel) for every configured social account, Media Center included."""
    return social_accounts(roster)


def _scopes(text: str | None, separators: str = " ,") -> set[str]:
    for sep in separators[1:]:
        text = (text or "").replace(sep, separators[0])
    return {s for s in (text or "").split(separators[0]) if s}


def _missing(channel: str, granted: set[str]) -> list[str]:
    missing = [s for s in NEEDED.get(channel, ()) if s not in granted]
    return [f"izin untuk memposting belum diberikan: {', '.join(missing)}; setujui ulang aplikasi Warta "
            "dengan izin itu"] if missing else []


def _at(now: datetime, seconds: float | None) -> datetime | None:
    return now + timedelta(seconds=seconds) if seconds else None


def check_graph(channel: str, credential: Credential, http: Http, env: Mapping[str, str],
                now: datetime) -> Result:
    """Meta `GET /debug_token`: is_valid, expires_at / data_access_expires_at (0 = never), scopes."""
    token = credential.bearer or ""
    body = response_json(http.request("GET", "/debug_token", auth=False, params={
        "input_token": token, "access_token": env.get("WARTA_META_APP_TOKEN") or token})) or {}
    data = body.get("data") if isinstance(body, dict) else None
    data = data if isinstance(data, dict) else {}
    if not data.get("is_valid"):
        error = data.get("error")
        reason = error.get("message") if isinstance(error, dict) else None
        return Result([f"token tidak berlaku: {reason or 'ditolak Meta'}"], broken=True)
    problems = _missing(channel, set(data.get("scopes") or []))
    ends = [(int(data[k]), note) for k, note in (("expires_at", "token kedaluwarsa"),
                                                  ("data_access_expires_at", "akses data berakhir"))
            if isinstance(data.get(k), int) and data[k] > 0]
    if not ends:
        return Result(problems, broken=bool(problems))
    stamp, note = min(ends)
    return Result(problems, broken=bool(problems), expires=datetime.fromtimestamp(stamp, WIB), expiry_note=note)


def check_x(channel: str, credential: Credential, http: Http, env: Mapping[str, str], now: datetime) -> Result:
    """`GET /2/users/me` answers for OAuth 1.0a and OAuth 2.0 user tokens alike."""
    http.request("GET", "/2/users/me")
    if credential.oauth1 is not None:
        return Result([])  # OAuth 1.0a user tokens do not expire
    if not credential.refreshed:
        return Result(["token OAuth 2.0 tanpa refresh mati dalam 2 jam; simpan `oauth1:…` (tidak kedaluwarsa) "
                        "atau `refresh:<token>`"], expires=_at(now, 7200), expiry_note="token akses kedaluwarsa")
    problems = _missing(channel, _scopes(credential.scope))
    return Result(problems, broken=bool(problems))


def check_youtube(channel: str, credential: Credential, http: Http, env: Mapping[str, str],
                  now: datetime) -> Result:
    """Google `GET /tokeninfo?access_token=` (no quota): scope; a refresh token with an expiry means a
    time-limited grant, which is what an OAuth app left in "Testing" hands out (7 days)."""
    base = (env.get("WARTA_YOUTUBE_OAUTH_API") or "https://oauth2.googleapis.com").rstrip("/")
    body = response_json(http.request("GET", f"{base}/tokeninfo", auth=False,
                                      params={"access_token": credential.bearer or ""})) or {}
    granted = _scopes(str(body.get("scope") or ""))
    problems = [] if granted & set(YOUTUBE_SCOPES) else [
        "izin untuk mengunggah belum diberikan: youtube.upload; setujui ulang aplikasi Warta dengan izin itu"]
    if not credential.refreshed:
        problems.append("token akses Google mati dalam 1 jam; simpan `refresh:<token>`")
        return Result(problems, broken=len(problems) > 1, expires=_at(now, _number(body.get("expires_in"))),
                       expiry_note="token akses kedaluwarsa")
    if credential.refresh_expires_in:
        problems.append("refresh token Google ini berbatas waktu: aplikasi OAuth kemungkinan masih berstatus "
                        "\"Testing\" (token mati 7 hari setelah persetujuan); ubah ke \"In production\" di "
                        "Google Cloud Console lalu setujui ulang")
        return Result(problems, broken=not granted & set(YOUTUBE_SCOPES),
                       expires=_at(now, credential.refresh_expires_in), expiry_note="refresh token kedaluwarsa")
    return Result(problems, broken=bool(problems))


def check_tiktok(channel: str, credential: Credential, http: Http, env: Mapping[str, str],
                 now: datetime) -> Result:
    """`POST /v2/post/publish/creator_info/query/` proves the token may post; expiry from the refresh."""
    http.request("POST", "/v2/post/publish/creator_info/query/", json={})
    if not credential.refreshed:
        return Result(["token akses TikTok mati dalam 24 jam; simpan `refresh:<token>`"],
                       expires=_at(now, credential.expires_in or 86400), expiry_note="token akses kedaluwarsa")
    problems = _missing(channel, _scopes(credential.scope))
    return Result(problems, broken=bool(problems), expires=_at(now, credential.refresh_expires_in),
                   expiry_note="refresh token kedaluwarsa")


CHECKS: dict[str, Callable[[str, Credential, Http, Mapping[str, str], datetime], Result]] = {
    "facebook": check_graph, "instagram": check_graph, "x": check_x, "youtube": check_youtube,
    "tiktok": check_tiktok}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float | str) and str(value).isdigit() else None


def _redact(text: str, secrets: tuple[str, ...]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


def check(agency: str, channel: str, *, env: Mapping[str, str], tokens: Tokens, client: httpx.Client,
          adapter: Adapter, now: datetime, sleep: Callable[[float], None] = time.sleep) -> Row:
    name = token_env(agency, channel)
    network = NETWORK_LABELS.get(channel, channel)
    raw = env.get(name) or ""
    if not raw:
        return Row(agency, channel, "broken", problem=f"Token {network} belum diatur: isi secret `{name}` "
                                                       "di environment `social`.")
    secrets: tuple[str, ...] = (raw, raw.removeprefix("refresh:"), *raw.removeprefix("oauth1:").split(":"))
    try:
        credential = tokens.get(agency, channel, client)
        assert credential is not None
        secrets += credential.secrets
        http = Http(base=base_url(channel, adapter.default_base), token=credential.bearer, signer=credential.auth(),
                    secrets=credential.secrets, classify=adapter.classify, client=client, sleep=sleep,
                    max_attempts=2, max_wait=5.0)
        finding = CHECKS[channel](channel, credential, http, env, now)
    except ApiError as exc:
        status = "warning" if exc.retryable else "broken"
        what = "tidak dapat diperiksa" if exc.retryable else "bermasalah"
        return Row(agency, channel, status, problem=_redact(f"Token {network} {what}: {exc.message}", secrets))
    expires_at = finding.expires.astimezone(WIB).isoformat(timespec="seconds") if finding.expires else None
    problems = list(finding.problems)
    broken = finding.broken
    if finding.expires is not None:
        if finding.expires <= now:
            broken = True
            problems.insert(0, f"{finding.expiry_note} sejak {expires_at}")
        elif finding.expires - now < timedelta(days=WARN_DAYS):
            problems.insert(0, f"{finding.expiry_note} {expires_at}; perbarui sebelum itu")
    status = "broken" if broken else "warning" if problems else "ok"
    problem = _redact("; ".join(problems), secrets) if problems else None
    return Row(agency, channel, status, expires_at, (problem[0].upper() + problem[1:] + ".") if problem else None)


def health(roster: Roster, *, env: Mapping[str, str], now: datetime, client: httpx.Client | None = None,
           adapters: Mapping[str, Adapter] | None = None, tokens: Tokens | None = None,
           sleep: Callable[[float], None] = time.sleep) -> list[Row]:
    """One row per agency × configured network, in roster order. Refresh tokens are exchanged (and a
    rotated one written back) exactly as a dispatch run would, so a daily check also keeps them alive."""
    adapters = dict(adapters or registry())
    tokens = tokens or Tokens(env)
    own = client is None
    client = client or httpx.Client(timeout=httpx.Timeout(30.0, connect=10.0))
    try:
        return [check(agency, channel, env=env, tokens=tokens, client=client, adapter=adapters[channel], now=now,
                      sleep=sleep) for agency, _, channel in targets(roster)]
    finally:
        if own:
            client.close()


def exit_code(rows: list[Row]) -> int:
    return 1 if any(r.broken for r in rows) else 0


ISSUE_TITLE = "Token media sosial bermasalah"
STATUS_LABELS = {"ok": "sehat", "warning": "perlu perhatian", "broken": "bermasalah"}


def issue_body(rows: list[Row]) -> str | None:
    """The status issue's text (rows needing attention, no token values), None when all are healthy."""
    bad = [r for r in rows if r.status != "ok"]
    if not bad:
        return None

    def cell(text: str | None) -> str:
        return (text or "–").replace("|", "\\|").replace("\n", " ")

    lines = ["Pemeriksaan harian `warta dispatch health` menemukan akun media sosial yang perlu ditangani. "
             "Isu ini diperbarui otomatis dan ditutup sendiri bila semua token sehat; nilai token tidak pernah "
             "ditampilkan.", "", "| Instansi | Jaringan | Status | Berlaku hingga | Masalah |",
             "| --- | --- | --- | --- | --- |"]
    lines += [f"| {cell(r.agency)} | {NETWORK_LABELS.get(r.channel, r.channel)} | {STATUS_LABELS[r.status]} | "
              f"{cell(r.expires_at)} | {cell(r.problem)} |" for r in sorted(bad, key=lambda r: r.status)]
    lines += ["", "Perbarui token di environment `social` (Settings → Environments → social → secrets) dengan "
              "nama yang disebut di kolom Masalah, lalu jalankan `warta dispatch health`."]
    return "\n".join(lines) + "\n"
