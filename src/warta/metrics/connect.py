"""One network's Http for one agency, authorised the way dispatch does it (`warta.tokens`):
bearer tokens as they are, `refresh:` tokens exchanged (rotated ones written back), X `oauth1:` signed."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import httpx

from warta.errors import WartaError
from warta.http import ApiError, Http, base_url, base_url_env, token_env
from warta.tokens import Credential, Tokens

if TYPE_CHECKING:
    from warta.metrics.insights import Insights


class NoToken(WartaError):
    """The agency's token for this network is not set."""


def connect(agency: str, network: str, client: httpx.Client, env: Mapping[str, str], *,
            sleep: Callable[[float], None] = time.sleep, max_wait: float = 60.0) -> Http:
    """Raises NoToken when the secret is missing and WartaError when the network refuses it."""
    from warta.metrics.insights import ADAPTERS

    adapter = ADAPTERS[network]
    name = token_env(agency, network)
    try:
        token = Tokens(env).get(agency, network, client)
    except ApiError as exc:
        raise WartaError(f"Token `{name}` tidak dapat dipakai: {exc.message}") from None
    if token is None:
        raise NoToken(f"Token `{name}` belum diatur.")
    return credential_http(token, network, adapter, env, sleep=sleep, client=client, max_wait=max_wait)


def credential_http(credential: Credential, network: str, adapter: Insights, env: Mapping[str, str], *,
                    sleep: Callable[[float], None], client: httpx.Client | None, max_wait: float) -> Http:
    """The network's Http (base URL overridable by `WARTA_<NETWORK>_API`) with a resolved credential."""
    base = env.get(base_url_env(network)) or base_url(network, adapter.default_base)
    return Http(base=base.rstrip("/"), token=credential.bearer, classify=adapter.classify, sleep=sleep,
                client=client, signer=credential.auth(), secrets=credential.secrets, max_wait=max_wait)
