"""Server-side OAuth 1.0a (RFC 5849) verification for the fake X, written from the RFC on purpose:
an implementation independent of the oauthlib client that signs, so a shared bug cannot hide."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time
from urllib.parse import parse_qsl, quote, unquote, urlsplit

FORM = "application/x-www-form-urlencoded"


def pct(value: str) -> str:
    """RFC 5849 3.6: UTF-8, then every byte outside ALPHA / DIGIT / - . _ ~ as %XX (upper case)."""
    return quote(value.encode("utf-8"), safe="-._~")


def header_params(header: str) -> dict[str, str]:
    """RFC 5849 3.5.1: `OAuth name="value", ...` with percent-encoded values."""
    if not header.startswith("OAuth "):
        return {}
    return {unquote(k): unquote(v) for k, v in re.findall(r'([\w.~%-]+)="([^"]*)"', header[6:])}


def base_string_uri(url: str) -> str:
    """RFC 5849 3.4.1.2: lower-case scheme and host, default ports dropped, no query or fragment."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    return f"{parts.scheme.lower()}://{host}{parts.path or '/'}"


def base_string(method: str, url: str, oauth: dict[str, str], body: str | None = None) -> str:
    """RFC 5849 3.4.1: method & URI & normalised parameters (query, form body, oauth_* but signature/realm)."""
    params = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    if body is not None:
        params += parse_qsl(body, keep_blank_values=True)
    params += [(k, v) for k, v in oauth.items() if k not in ("oauth_signature", "realm")]
    normalised = "&".join(f"{k}={v}" for k, v in sorted((pct(k), pct(v)) for k, v in params))
    return "&".join((method.upper(), pct(base_string_uri(url)), pct(normalised)))


def hmac_sha1(base: str, client_secret: str, token_secret: str) -> str:
    """RFC 5849 3.4.2."""
    key = f"{pct(client_secret)}&{pct(token_secret)}".encode()
    return base64.b64encode(hmac.new(key, base.encode(), hashlib.sha1).digest()).decode()


class Verifier:
    """Holds the four secrets; accepts a request only with a valid, fresh, never-seen signature."""

    def __init__(self, api_key: str, api_secret: str, access_token: str, access_token_secret: str,
                 window: float = 300.0) -> None:
        self.keys = (api_key, api_secret, access_token, access_token_secret)
        self.window = window
        self.nonces: set[tuple[str, str]] = set()
        self.verified = 0

    def verify(self, method: str, url: str, authorization: str, content_type: str, body: bytes) -> bool:
        oauth = header_params(authorization)
        api_key, api_secret, access_token, access_token_secret = self.keys
        if oauth.get("oauth_consumer_key") != api_key or oauth.get("oauth_token") != access_token:
            return False
        if oauth.get("oauth_signature_method") != "HMAC-SHA1" or oauth.get("oauth_version", "1.0") != "1.0":
            return False
        try:
            if abs(int(oauth.get("oauth_timestamp", "")) - time.time()) > self.window:
                return False
        except ValueError:
            return False
        nonce = (oauth.get("oauth_nonce", ""), oauth["oauth_timestamp"])
        if not nonce[0] or nonce in self.nonces:  # RFC 5849 3.3: a replayed nonce is refused
            return False
        form = body.decode() if content_type.split(";")[0].strip() == FORM else None
        expected = hmac_sha1(base_string(method, url, oauth, form), api_secret, access_token_secret)
        if not hmac.compare_digest(expected, oauth.get("oauth_signature", "")):
            return False
        self.nonces.add(nonce)
        self.verified += 1
        return True
