"""Token secrets: what a `WARTA_TOKEN_<AGENCY>_<CHANNEL>` value means and how a request is authorised.

A value is one of
- a bearer token, used as it is;
- `refresh:<refresh token>`, exchanged once per run for an access token (warta.oauth);
- for X, `oauth1:<api_key>:<api_secret>:<access_token>:<access_token_secret>`: every request is
  signed with OAuth 1.0a HMAC-SHA1 (RFC 5849), and such tokens do not expire.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from oauthlib.oauth1 import SIGNATURE_HMAC_SHA1, SIGNATURE_TYPE_AUTH_HEADER, Client

from warta.channels.networks import label
from warta.errors import WartaError
from warta.http import ApiError, token_env
from warta.oauth import EXCHANGES, Exchange, Grant

REFRESH = "refresh:"
OAUTH1 = "oauth1:"
FORM = "application/x-www-form-urlencoded"
ENVIRONMENT = "social"  # the deployment environment that holds the social tokens


@dataclass(frozen=True)
class OAuth1Keys:
    api_key: str
    api_secret: str
    access_token: str
    access_token_secret: str


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


class SecretStore(Protocol):
    """Where a rotated refresh token is written back (the `social` environment's secrets)."""

    environment: str

    def check(self) -> None:
        """Raise unless a write can succeed (called before a refresh token is spent)."""

    def put(self, name: str, value: str) -> None: ...


class GitHubSecrets:
    """The repository's deployment environment, through warta.gate.github (PyGithub, sealed values).
    Needs GITHUB_REPOSITORY (set by Actions), WARTA_SECRETS_TOKEN (a GitHub App installation token with
    environments/secrets write: the job's GITHUB_TOKEN cannot write secrets) and GITHUB_API_URL."""

    def __init__(self, repo_name: str, token: str, base_url: str, environment: str) -> None:
        self.repo_name, self.token, self.base_url, self.environment = repo_name, token, base_url, environment
        self._repo: Any = None

    def _repository(self) -> Any:
        from warta.gate.github import open_repository

        if self._repo is None:
            self._repo = open_repository(self.repo_name, self.token, self.base_url)
        return self._repo

    def check(self) -> None:
        from warta.gate.github import check_environment_secrets

        check_environment_secrets(self._repository(), self.environment)

    def put(self, name: str, value: str) -> None:
        from warta.gate.github import put_environment_secret

        put_environment_secret(self._repository(), self.environment, name, value)


def secret_store_from_env(env: Mapping[str, str]) -> SecretStore | None:
    repo, token = env.get("GITHUB_REPOSITORY"), env.get("WARTA_SECRETS_TOKEN")
    if not repo or not token:
        return None
    return GitHubSecrets(repo, token, env.get("GITHUB_API_URL") or "https://api.github.com",
                         env.get("WARTA_SECRETS_ENVIRONMENT") or ENVIRONMENT)


def _reauthorize(network: str, name: str, environment: str) -> str:
    return (f"Langkah otorisasi ulang: (1) pastikan WARTA_SECRETS_TOKEN boleh menulis secret environment "
            f"`{environment}`; (2) masuk ke akun {network} instansi dan setujui ulang aplikasi Warta; "
            f"(3) simpan refresh token yang baru sebagai `refresh:<token>` di secret `{name}` environment "
            f"`{environment}`; (4) jalankan `warta dispatch health`, lalu `warta dispatch due`.")


class Tokens:
    """One run's credentials: each agency × network is resolved (and refreshed) once, under a lock,
    and a refusal is remembered so the network's other items fail the same way without new calls."""

    def __init__(self, env: Mapping[str, str], exchanges: Mapping[str, Exchange] = EXCHANGES,
                 store: Callable[[Mapping[str, str]], SecretStore | None] = secret_store_from_env) -> None:
        self.env = env
        self.exchanges = exchanges
        self._store_factory = store
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
                    self._done[(agency, channel)] = self._resolve(channel, name, value, client)
                except ApiError as exc:
                    self._done[(agency, channel)] = exc
            found = self._done[(agency, channel)]
        if isinstance(found, ApiError):
            raise found
        return found

    def _resolve(self, channel: str, name: str, value: str, client: httpx.Client) -> Credential:
        if not value.startswith(REFRESH):
            return static_credential(value, channel, name)
        exchange = self.exchanges.get(channel)
        network = label(channel)
        if exchange is None:
            raise ApiError(f"Secret `{name}` berawalan `refresh:` tetapi {network} tidak mendukung refresh token.",
                           code="config", auth=True)
        old = value.removeprefix(REFRESH)
        store = self._writable_store(network, name) if exchange.rotates_refresh_token else None
        grant: Grant = exchange.refresh(old, client, self.env)
        if store is not None and grant.refresh_token and grant.refresh_token != old:
            # Written back BEFORE the new access token is used: a post must never outlive its token.
            try:
                store.put(name, REFRESH + grant.refresh_token)
            except Exception as exc:  # noqa: BLE001 - any failure here loses the rotated token
                raise ApiError(f"{network} mengganti refresh token, tetapi yang baru tidak dapat disimpan ke secret "
                               f"`{name}` ({_why(exc)}); token lama sudah tidak berlaku, jadi tidak ada yang "
                               f"dikirim ke {network}. {_reauthorize(network, name, store.environment)}",
                               code="token-writeback", auth=True) from None
        return Credential(bearer=grant.access_token, expires_in=grant.expires_in,
                          refresh_expires_in=grant.refresh_expires_in, scope=grant.scope, refreshed=True)

    def _writable_store(self, network: str, name: str) -> SecretStore:
        """The store, proven writable before a rotating refresh token is spent (the old one stays valid)."""
        store = self._store_factory(self.env)
        if store is None:
            raise ApiError(f"{network} mengganti refresh token setiap kali dipakai, tetapi penyimpanannya belum "
                           "diatur (GITHUB_REPOSITORY dan WARTA_SECRETS_TOKEN); refresh token belum ditukar dan "
                           f"tetap berlaku. Atur keduanya di workflow agar secret `{name}` bisa diperbarui.",
                           code="token-writeback", auth=True)
        try:
            store.check()
        except Exception as exc:  # noqa: BLE001 - nothing was spent yet; say why and stop
            raise ApiError(f"secret `{name}` tidak dapat ditulis ({_why(exc)}); refresh token belum ditukar dan "
                           f"tetap berlaku. Beri WARTA_SECRETS_TOKEN izin menulis secret environment "
                           f"`{store.environment}`.", code="token-writeback", auth=True) from None
        return store


def _why(exc: Exception) -> str:
    return str(exc) if isinstance(exc, WartaError) else type(exc).__name__
