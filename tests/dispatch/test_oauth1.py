"""X with OAuth 1.0a user-context tokens (no expiry): published test vectors, then a real dispatch run
whose every request the fake X verifies with its own RFC 5849 implementation."""

from __future__ import annotations

import httpx
import pytest

from tests.dispatch.conftest import Networks, Repo, add_posts, run_range, statuses
from tests.dispatch.oauth1_server import Verifier, base_string, header_params, hmac_sha1
from warta.dispatch.ledger import Ledger
from warta.tokens import OAuth1Keys, OAuth1Signer

# X's "Creating a signature" example (developer.x.com, OAuth 1.0a), with its historical host.
X_DOC = {"api_key": "xvz1evFS4wEEPTGEFPHBog", "api_secret": "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
         "token": "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
         "token_secret": "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
         "nonce": "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "timestamp": "1318622958"}
X_DOC_URL = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true"
X_DOC_BODY = "status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21"
X_DOC_SIGNATURE = "hCtSmYh+iHYCEqBWrE7C7hYmtUk="


def test_x_documentation_example_is_reproduced_by_the_signer_and_the_verifier() -> None:
    signer = OAuth1Signer(OAuth1Keys(X_DOC["api_key"], X_DOC["api_secret"], X_DOC["token"], X_DOC["token_secret"]))
    signer.client.nonce, signer.client.timestamp = X_DOC["nonce"], X_DOC["timestamp"]
    request = httpx.Request("POST", X_DOC_URL, content=X_DOC_BODY.encode(),
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    signed = next(signer.auth_flow(request))
    params = header_params(signed.headers["Authorization"])
    assert params["oauth_signature"] == X_DOC_SIGNATURE
    assert params["oauth_version"] == "1.0" and params["oauth_signature_method"] == "HMAC-SHA1"
    assert hmac_sha1(base_string("POST", X_DOC_URL, params, X_DOC_BODY), X_DOC["api_secret"],
                     X_DOC["token_secret"]) == X_DOC_SIGNATURE


def test_rfc5849_examples() -> None:
    # Section 3.4.1.1: the signature base string of a request with query, form body and header parameters.
    oauth = header_params('OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", '
                          'oauth_token="kkk9d7dh3k39sjv7", oauth_signature_method="HMAC-SHA1", '
                          'oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", '
                          'oauth_signature="djosJKDKJSD8743243%2Fjdk33klY%3D"')
    assert base_string("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", oauth,
                       "c2&a3=2+q") == (
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26"
        "c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26"
        "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7")
    # Section 1.2: the signed photo request.
    photo = header_params('OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", '
                          'oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", '
                          'oauth_timestamp="137131202", oauth_nonce="chapoH"')
    assert hmac_sha1(base_string("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original", photo),
                     "kd94hf93k423kf44", "pfkkdhi9sl3r4s00") == "MdpQcU8iPSUjWoN/UDMsK2sui9I="


KEYS = ("api-key-1", "api-secret-2", "12345-access-token-3", "access-token-secret-4")


def test_dispatch_signs_every_x_request_and_the_fake_verifies_it(
        repo: Repo, ledger: Ledger, networks: Networks, monkeypatch: pytest.MonkeyPatch) -> None:
    networks.x.oauth1 = Verifier(*KEYS)
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "oauth1:" + ":".join(KEYS))
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    assert statuses(outcomes)[("pameran-umkm", "x")] == "sent"
    assert statuses(outcomes)[("video-cuci-tangan", "x")] == "sent"
    assert len(networks.x.tweets) == 2 and len(networks.x.tweets[0]["media"]) == 2
    calls = networks.x.calls()
    # Image upload (multipart), alt text and tweet (JSON), chunked video and the status poll (query).
    assert {c.path.split("/")[-1] for c in calls} >= {"upload", "metadata", "initialize", "append",
                                                       "finalize", "tweets"}
    assert any(c.method == "GET" and "media_id=" in c.target for c in calls)
    assert all(c.headers["authorization"].startswith("OAuth ") for c in calls)
    assert networks.x.oauth1.verified == len(calls)
    for outcome in outcomes:
        assert not any(secret in outcome.message for secret in KEYS)


def test_wrong_oauth1_secret_is_refused_as_a_token_problem(
        repo: Repo, ledger: Ledger, networks: Networks, monkeypatch: pytest.MonkeyPatch) -> None:
    networks.x.oauth1 = Verifier(*KEYS)
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "oauth1:api-key-1:api-secret-2:12345-access-token-3:salah")
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    failed = [o for o in outcomes if o.item.key.channel == "x"]
    assert {o.status for o in failed} == {"failed"} and not networks.x.tweets
    assert "WARTA_TOKEN_DINAS_CONTOH_X" in failed[0].message and "salah" not in failed[0].message


def test_malformed_oauth1_value_names_the_secret_without_echoing_it(
        repo: Repo, ledger: Ledger, networks: Networks, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "oauth1:hanya:tiga-bagian-rahasia:xyz")
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    failed = [o for o in outcomes if o.item.key.channel == "x"]
    assert {o.status for o in failed} == {"failed"} and not networks.x.calls()
    assert "empat bagian" in failed[0].message and "tiga-bagian-rahasia" not in failed[0].message


def test_dry_run_shows_an_oauth_header_without_any_key(
        repo: Repo, ledger: Ledger, networks: Networks, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_TOKEN_DINAS_CONTOH_X", "oauth1:" + ":".join(KEYS))
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo), dry_run=True)
    requests = [r for o in outcomes if o.item.key.channel == "x" for r in o.requests]
    assert requests and all(r["headers"]["Authorization"] == "OAuth ***" for r in requests)
    assert not any(key in repr(requests) for key in KEYS) and not networks.x.calls()
