"""The Facebook and Instagram adapters' requests held against Meta's own SDK (`facebook-business`): every
parameter an edge is sent and every field read exists in the SDK's edge parameter types and object
field lists, and the Graph API version is the one the SDK targets."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.dispatch.conftest import Networks, Repo, add_posts, run_range, statuses
from tests.dispatch.fakes import Request
from warta.channels.networks import GRAPH_VERSION
from warta.dispatch.ledger import Ledger

pytest.importorskip("facebook_business", reason="pip install -e '.[conformance]' (scripts/test.sh)")
from facebook_business import apiconfig  # noqa: E402
from facebook_business.adobjects.igmedia import IGMedia  # noqa: E402
from facebook_business.adobjects.iguser import IGUser  # noqa: E402
from facebook_business.adobjects.page import Page  # noqa: E402
from facebook_business.adobjects.pagepost import PagePost  # noqa: E402
from facebook_business.api import FacebookAdsApi  # noqa: E402

API = FacebookAdsApi(session=None)  # type: ignore[arg-type]  # requests are built, never sent
# The Instagram container object is not in the SDK: its fields are cited from Meta's reference,
# developers.facebook.com/docs/instagram-platform/reference/ig-container (status_code, status).
IG_CONTAINER_FIELDS = {"status_code", "status"}


def sdk_request(method: str, path: str) -> Any:
    """The SDK's own request for the same edge (built with pending=True, never executed)."""
    page, user = Page(fbid="100", api=API), IGUser(fbid="178", api=API)
    edges = {("POST", "feed"): page.create_feed, ("POST", "photos"): page.create_photo,
             ("POST", "videos"): page.create_video, ("GET", "feed"): page.get_feed,
             ("POST", "media"): user.create_media, ("POST", "media_publish"): user.create_media_publish,
             ("GET", "media"): user.get_media, ("GET", "content_publishing_limit"): user.get_content_publishing_limit}
    edge = path.strip("/").split("/")[-1] if path.count("/") > 2 else None
    return edges[(method, edge)](pending=True) if edge else None


def problems(request: Request) -> list[str]:
    found = []
    sdk = sdk_request(request.method, request.path)
    fields = [f for f in request.query.get("fields", "").split(",") if f]
    if sdk is None:  # GET /{object-id}?fields=…: a Page post, an Instagram media or a container
        known = set(vars(PagePost.Field)) | set(vars(IGMedia.Field)) | IG_CONTAINER_FIELDS
        return [f"{request.path}: field {f} unknown" for f in fields if f not in known]
    params = set(sdk._param_checker._type_check_info)
    for key in request.form():
        if re.sub(r"\[\d+\]$", "", key) not in params:
            found.append(f"{request.method} {request.path}: parameter {key} not in the SDK's edge")
    found += [f"{request.path}: field {f} not accepted" for f in fields if f not in sdk._accepted_fields]
    return found


def test_graph_version_is_the_sdks() -> None:
    assert apiconfig.ads_api_config["API_VERSION"] == GRAPH_VERSION


def test_facebook_and_instagram_requests_use_only_fields_meta_describes(
        repo: Repo, ledger: Ledger, networks: Networks) -> None:
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    for key in (("pameran-umkm", "instagram"), ("pameran-umkm", "facebook"), ("video-cuci-tangan", "facebook")):
        assert statuses(outcomes)[key] == "sent"
    calls = networks.graph.calls()
    assert {c.path.split("/")[-1] for c in calls} >= {"media", "media_publish", "content_publishing_limit",
                                                       "photos", "feed", "videos"}
    assert [p for c in calls for p in problems(c)] == []
