"""The YouTube adapter and insights, and the fake YouTube, held against Google's own API description:
the YouTube Data API v3 discovery document that ships inside google-api-python-client."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.dispatch.conftest import Networks, Repo, add_posts, run_range, statuses
from warta.dispatch.adapters.youtube import YouTube
from warta.dispatch.ledger import Ledger
from warta.http import Http

googleapiclient = pytest.importorskip("googleapiclient", reason="pip install -e '.[conformance]' (scripts/test.sh)")
DOC = json.loads((Path(googleapiclient.__file__).parent / "discovery_cache/documents/youtube.v3.json").read_text())
SCHEMAS: dict[str, Any] = DOC["schemas"]


def errors(value: Any, schema: dict[str, Any], where: str) -> list[str]:
    """Discovery-format schema check: every field known, types and enums right."""
    if "$ref" in schema:
        schema = SCHEMAS[schema["$ref"]]
    kind = schema.get("type")
    if kind == "object":
        if not isinstance(value, dict):
            return [f"{where}: not an object"]
        props, extra = schema.get("properties", {}), schema.get("additionalProperties")
        found: list[str] = []
        for key, item in value.items():
            if key in props:
                found += errors(item, props[key], f"{where}.{key}")
            elif extra:
                found += errors(item, extra, f"{where}.{key}")
            else:
                found.append(f"{where}.{key}: not in the description")
        return found
    if kind == "array":
        if not isinstance(value, list):
            return [f"{where}: not an array"]
        return [e for i, item in enumerate(value) for e in errors(item, schema["items"], f"{where}[{i}]")]
    expected = {"string": str, "boolean": bool, "integer": int, "number": (int, float)}.get(kind or "", object)
    if not isinstance(value, expected) or (kind in ("integer", "number") and isinstance(value, bool)):
        return [f"{where}: {value!r} is not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: {value!r} not one of {schema['enum']}"]
    return []


def query_errors(method: dict[str, Any], query: dict[str, str], resource: str | None) -> list[str]:
    known = {**DOC["parameters"], **method["parameters"]}
    found = [f"parameter {k} not in the description" for k in query if k not in known]
    found += [f"required parameter {k} missing" for k, p in method["parameters"].items()
              if p.get("required") and k not in query]
    if resource and "part" in query:
        found += [f"part {p} is not a {resource} property" for p in query["part"].split(",")
                  if p not in SCHEMAS[resource]["properties"]]
    return found


def test_adapter_base_is_the_descriptions_root() -> None:
    assert YouTube.default_base + "/" == DOC["rootUrl"]


def test_upload_request_and_the_fakes_answer_match_the_description(
        repo: Repo, ledger: Ledger, networks: Networks) -> None:
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    assert statuses(outcomes)[("video-cuci-tangan", "youtube")] == "sent"
    insert = DOC["resources"]["videos"]["methods"]["insert"]
    [start] = networks.youtube.calls("insert")
    # google-api-python-client builds resumable uploads on the "simple" media path plus uploadType.
    assert insert["httpMethod"] == "POST" and start.path == insert["mediaUpload"]["protocols"]["simple"]["path"]
    assert start.query["uploadType"] == "resumable"
    assert query_errors(insert, start.query, insert["request"]["$ref"]) == []
    assert errors(start.json(), {"$ref": insert["request"]["$ref"]}, "body") == []
    assert start.headers["x-upload-content-type"] in ("video/mp4",) and any(
        a.split("/")[0] == "video" for a in insert["mediaUpload"]["accept"])
    video = networks.youtube.videos[0]["answer"]
    assert errors(video, {"$ref": insert["response"]["$ref"]}, "response") == []
    assert video["status"]["uploadStatus"] in SCHEMAS["VideoStatus"]["properties"]["uploadStatus"]["enum"]


def test_insights_requests_match_the_description() -> None:
    from warta.metrics.insights.others import YouTubeInsights
    from warta.metrics.model import PublishedCopy

    insights = YouTubeInsights()
    http = Http(base="https://youtube.googleapis.com", token="token-uji", classify=insights.classify, dry_run=True,
                simulate=lambda m, u, b: (200, {"items": []}, {}))
    copy = PublishedCopy("dinas-contoh", "p", "youtube", "vid1")
    insights.numbers([copy], http, "2026-11-22", "2026-11-22T08:00:00+07:00")
    insights.comments(copy, http, {"channel_id": "UC1"})
    methods = {f"/{DOC['servicePath']}{m['path']}": (m, m["response"]["$ref"]) for r in ("videos", "commentThreads")
               for name, m in DOC["resources"][r]["methods"].items() if name == "list"}
    for call in http.calls:
        url = urlsplit(call["url"])
        method, response = methods[url.path]
        item = SCHEMAS[response]["properties"]["items"]["items"]["$ref"]
        assert query_errors(method, dict(parse_qsl(url.query)), item) == [], call["url"]
    # The statistics the collector reads are the description's field names.
    assert {"viewCount", "likeCount", "commentCount", "favoriteCount"} <= set(
        SCHEMAS["VideoStatistics"]["properties"])
