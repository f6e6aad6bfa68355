"""Refresh-token exchanges of the networks that have them (YouTube, TikTok, X): one home, used by
dispatch and metrics alike through warta.tokens. Each returns a Grant or raises ApiError (auth)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from warta.channels.networks import GOOGLE_OAUTH_BASE, TIKTOK_BASE, X_BASE
from warta.http import ApiError, base_url, response_json


@dataclass(frozen=True)
class Grant:
    """A network's answer to a refresh-token exchange."""

    access_token: str
    refresh_token: str | None = None  # set when the network rotated it
    expires_in: float | None = None
    refresh_expires_in: float | None = None
    scope: str | None = None


class Exchange(Protocol):
    """What warta.tokens needs of a network to use `refresh:` secrets."""

    rotates_refresh_token: bool

    def refresh(self, refresh_token: str, client: httpx.Client, env: Mapping[str, str]) -> Grant: ...


def _seconds(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


class YouTubeExchange:
    rotates_refresh_token = False  # Google does not rotate it

    def refresh(self, refresh_token: str, client: httpx.Client, env: Mapping[str, str]) -> Grant:
        """Exchange the long-lived refresh token (from the consent screen) for a one-hour access token.
        Client id and secret: WARTA_YOUTUBE_CLIENT_ID/_SECRET."""
        base = env.get("WARTA_YOUTUBE_OAUTH_API") or GOOGLE_OAUTH_BASE
        try:
            response = client.post(base.rstrip("/") + "/token", data={
                "grant_type": "refresh_token", "refresh_token": refresh_token,
                "client_id": env.get("WARTA_YOUTUBE_CLIENT_ID", ""),
                "client_secret": env.get("WARTA_YOUTUBE_CLIENT_SECRET", "")})
        except httpx.HTTPError as exc:
            raise ApiError(f"Google OAuth tidak terjangkau ({type(exc).__name__})", retryable=True) from None
        body = response_json(response)
        if response.status_code == 200 and isinstance(body, dict) and body.get("access_token"):
            # `refresh_token_expires_in` is only sent for time-limited grants (e.g. an app in "Testing").
            return Grant(str(body["access_token"]), expires_in=_seconds(body.get("expires_in")),
                         refresh_expires_in=_seconds(body.get("refresh_token_expires_in")),
                         scope=str(body.get("scope") or "") or None)
        error = body.get("error") if isinstance(body, dict) else None
        raise ApiError(f"Google OAuth menolak refresh token ({error or response.status_code}); jika layar "
                       "persetujuan masih \"Testing\", token mati setelah 7 hari",
                       status=response.status_code, code=str(error or response.status_code), auth=True)


class TikTokExchange:
    rotates_refresh_token = True  # a new refresh token may come back on every use: store it

    def refresh(self, refresh_token: str, client: httpx.Client, env: Mapping[str, str]) -> Grant:
        """Access tokens live 24 h, refresh tokens 365 days (developers.tiktok.com/doc/oauth-user-access-
        token-management: POST /v2/oauth/token/, grant_type=refresh_token, form-encoded; answer
        access_token, expires_in, refresh_token, refresh_expires_in, open_id, scope, token_type).
        App credentials: WARTA_TIKTOK_CLIENT_KEY/_SECRET."""
        try:
            response = client.post(base_url("tiktok", TIKTOK_BASE) + "/v2/oauth/token/", data={
                "client_key": env.get("WARTA_TIKTOK_CLIENT_KEY", ""),
                "client_secret": env.get("WARTA_TIKTOK_CLIENT_SECRET", ""),
                "grant_type": "refresh_token", "refresh_token": refresh_token},
                headers={"Cache-Control": "no-cache"})
        except httpx.HTTPError as exc:
            raise ApiError(f"OAuth TikTok tidak terjangkau ({type(exc).__name__})", retryable=True) from None
        body = response_json(response)
        body = body if isinstance(body, dict) else {}
        if response.status_code == 200 and body.get("access_token"):
            return Grant(str(body["access_token"]), refresh_token=str(body.get("refresh_token") or "") or None,
                         expires_in=_seconds(body.get("expires_in")),
                         refresh_expires_in=_seconds(body.get("refresh_expires_in")),
                         scope=str(body.get("scope") or "") or None)
        error = body.get("error") or response.status_code
        raise ApiError(f"OAuth TikTok menolak refresh token ({error}: {body.get('error_description', '')})",
                       status=response.status_code, code=str(error), auth=True)


class XExchange:
    rotates_refresh_token = True  # OAuth 2.0 (PKCE, offline.access): each refresh returns a new one

    def refresh(self, refresh_token: str, client: httpx.Client, env: Mapping[str, str]) -> Grant:
        """OAuth 2.0 user tokens live 2 h (docs.x.com, OAuth 2.0 Authorization Code Flow with PKCE:
        POST /2/oauth2/token grant_type=refresh_token; confidential clients authenticate with Basic).
        App credentials: WARTA_X_CLIENT_ID and, for a confidential client, WARTA_X_CLIENT_SECRET.
        `oauth1:` tokens need none of this: they do not expire."""
        client_id, secret = env.get("WARTA_X_CLIENT_ID", ""), env.get("WARTA_X_CLIENT_SECRET", "")
        try:
            response = client.post(base_url("x", X_BASE) + "/2/oauth2/token", data={
                "grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id},
                auth=httpx.BasicAuth(client_id, secret) if secret else httpx.USE_CLIENT_DEFAULT)
        except httpx.HTTPError as exc:
            raise ApiError(f"OAuth X tidak terjangkau ({type(exc).__name__})", retryable=True) from None
        body = response_json(response)
        body = body if isinstance(body, dict) else {}
        if response.status_code == 200 and body.get("access_token"):
            expires = body.get("expires_in")
            return Grant(str(body["access_token"]), refresh_token=str(body.get("refresh_token") or "") or None,
                         expires_in=float(expires) if isinstance(expires, int | float) else None,
                         scope=str(body.get("scope") or "") or None)
        error = body.get("error") or response.status_code
        raise ApiError(f"OAuth X menolak refresh token ({error}: {body.get('error_description', '')})",
                       status=response.status_code, code=str(error), auth=True)


EXCHANGES: dict[str, Exchange] = {"youtube": YouTubeExchange(), "tiktok": TikTokExchange(), "x": XExchange()}
