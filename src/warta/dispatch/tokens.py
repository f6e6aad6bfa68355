"""Token secrets: what a `WARTA_TOKEN_<AGENCY>_<CHANNEL>` value means and how a request is authorised.

A value is one of
- a bearer token, used as it is;
- `refresh:<refresh token>`, exchanged once per run for an access token (warta.dispatch.refresh);
- for X, `oauth1:<api_key>:<api_secret>:<access_token>:<access_token_secret>`: every request is
  signed with OAuth 1.0a HMAC-SHA1 (RFC 5849), and such tokens do not expire.
"""

from __future__ import annotations

import threading
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from oauthlib.oauth1 import SIGNATURE_HMAC_SHA1, SIGNATURE_TYPE_AUTH_HEADER, Client

from warta.dispatch.http import token_env
from warta.dispatch.model import ApiError

REFRESH = "refresh:"
OAUTH1 = "oauth1:"
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class OAuth1Keys:
    api_key: str
    api_secret: str
    access_token: str
    access_token_secret: str


@dataclass(frozen=True)
class Grant:
    """A network's answer to a refresh-token exchange."""

    access_token: str
    refresh_token: str | None = None  # set when the network rotated it
    expires_in: float | None = None
    refresh_expires_in: float | None = None
    scope: str | None = None


@dataclass(frozen=True)
class Credential:
    """How one network's requests for one agency are authorised in this run."""

    bearer: str | None = None
    oauth1: OAuth1Keys | None = None
    expires_in: float | None = None  # seconds the access token still lives, when the network said
    refresh_expires_in: float | None = None
    scope: str | None = None
    refreshed: bool = False

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret string in it, for redaction."""
        if self.oauth1 is not None:
            k = self.oauth1
            return tuple(s for s in (k.api_secret, k.access_token_secret, k.access_token, k.api_key) if s)
        return (self.bearer,) if self.bearer else ()

    def auth(self) -> httpx.Auth | None:
        return OAuth1Signer(self.oauth1) if self.oauth1 is not None else None


def parse_oauth1(value: str, env_name: str) -> OAuth1Keys:
    parts = value.removeprefix(OAUTH1).split(":")
    if len(parts) != 4 or not all(parts):
        # Never echo the value: it holds secrets.
        raise ApiError(f"Secret `{env_name}` berawalan `oauth1:` tetapi tidak berisi empat bagian "
                       "`oauth1:<api_key>:<api_secret>:<access_token>:<access_token_secret>`.",
                       code="config", auth=True)
    return OAuth1Keys(*parts)


def static_credential(value: str, channel: str, env_name: str) -> Credential:
    """The credential for a value that needs no exchange (bearer or OAuth 1.0a)."""
    if value.startswith(OAUTH1):
        if channel != "x":
            raise ApiError(f"Secret `{env_name}`: format `oauth1:` hanya berlaku untuk X.", code="config",
                           auth=True)
        return Credential(oauth1=parse_oauth1(value, env_name))
    return Credential(bearer=value)


class OAuth1Signer(httpx.Auth):
    """Signs each request as it is sent (method, final URL with query, form body), so a retry gets a
    fresh nonce and timestamp. oauthlib does the RFC 5849 work: parameter collection, percent-encoding,
    base string, HMAC-SHA1. Only application/x-www-form-urlencoded bodies are signed (RFC 5849
    3.4.1.3.1); JSON and multipart bodies are not, as X's v2 endpoints expect."""

    requires_request_body = True

    def __init__(self, keys: OAuth1Keys) -> None:
        self.client = Client(keys.api_key, client_secret=keys.api_secret,
                             resource_owner_key=keys.access_token,
                             resource_owner_secret=keys.access_token_secret,
                             signature_method=SIGNATURE_HMAC_SHA1, signature_type=SIGNATURE_TYPE_AUTH_HEADER)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        form = request.headers.get("content-type", "").split(";")[0].strip() == FORM
        body = request.content.decode() if form and request.content else None
        _, headers, _ = self.client.sign(str(request.url), request.method, body=body,
                                         headers={"Content-Type": FORM} if body is not None else None)
        request.headers["Authorization"] = headers["Authorization"]
        yield request


class Tokens:
    """One run's credentials: each agency × network is resolved (and refreshed) once, under a lock,
    and a refusal is remembered so the network's other items fail the same way without new calls."""

    def __init__(self, env: Mapping[str, str], adapters: Mapping[str, Any]) -> None:
        self.env = env
        self.adapters = adapters
        self._lock = threading.Lock()
        self._done: dict[tuple[str, str], Credential | ApiError | None] = {}

    def get(self, agency: str, channel: str, client: httpx.Client, *, exchange: bool = True) -> Credential | None:
        """None when the secret is not set; raises ApiError (auth) when it cannot be used."""
        name = token_env(agency, channel)
        value = self.env.get(name) or None
        if value is None:
            return None
        if not exchange:  # dry run: nothing is exchanged, the value is only redacted
            return static_credential(value, channel, name) if value.startswith(OAUTH1) else Credential(bearer=value)
        with self._lock:
            if (agency, channel) not in self._done:
                try:
                    self._done[(agency, channel)] = self._resolve(agency, channel, value, client)
                except ApiError as exc:
                    self._done[(agency, channel)] = exc
            found = self._done[(agency, channel)]
        if isinstance(found, ApiError):
            raise found
        return found

    def _resolve(self, agency: str, channel: str, value: str, client: httpx.Client) -> Credential:
        name = token_env(agency, channel)
        if not value.startswith(REFRESH):
            return static_credential(value, channel, name)
        adapter = self.adapters.get(channel)
        refresh = getattr(adapter, "refresh", None)
        if refresh is None:
            raise ApiError(f"Secret `{name}` berawalan `refresh:` tetapi {channel} tidak mendukung refresh token.",
                           code="config", auth=True)
        grant: Grant = refresh(value.removeprefix(REFRESH), client, self.env)
        return Credential(bearer=grant.access_token, expires_in=grant.expires_in,
                          refresh_expires_in=grant.refresh_expires_in, scope=grant.scope, refreshed=True)
