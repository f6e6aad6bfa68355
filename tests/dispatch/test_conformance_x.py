"""The X adapter's requests and the fake X's answers, held against X's official SDK (npm
`@xdevplatform/xdk`): its operations (method + path) and the schema types generated from X's OpenAPI."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.dispatch.conftest import Networks, Repo, add_posts, run_range, statuses
from tests.dispatch.fakes import Reply, Request
from warta.dispatch.ledger import Ledger

DIST = Path(__file__).resolve().parents[2] / ".warta/node/node_modules/@xdevplatform/xdk/dist"
if not (DIST / "index.d.ts").is_file():
    pytest.skip("npm install --prefix .warta/node @xdevplatform/xdk (scripts/test.sh)", allow_module_level=True)

TYPES = (DIST / "index.d.ts").read_text()
CODE = (DIST / "index.js").read_text()
INTERFACES = {m.group(1): {f.group(1): (f.group(3).strip(), not f.group(2)) for f in re.finditer(
    r"^\s+(\w+)(\??): (.+?);\s*$", re.sub(r"/\*\*.*?\*/", "", m.group(2), flags=re.S), re.M)}
    for m in re.finditer(r"^interface (\w+) \{\n(.*?)^\}", TYPES, re.M | re.S)}
ALIASES = dict(re.findall(r"^type (\w+) = ([^;]+);", TYPES, re.M))
# Each SDK operation: `let path = "…"` then `this.client.request("METHOD", path…`.
OPERATIONS = set(re.findall(r'let path = "([^"]+)";.*?this\.client\.request\(\s*"(\w+)"', CODE, re.S))
# fake X route -> (method, SDK path, request schema, response schema)
ROUTES = {"tweets": ("POST", "/2/tweets", "CreatePostsRequest", "CreatePostsResponse"),
          "media_upload": ("POST", "/2/media/upload", "MediaUploadRequest", "MediaUploadResponse"),
          "media_init": ("POST", "/2/media/upload/initialize", "InitializeMediaUploadRequest",
                         "InitializeMediaUploadResponse"),
          "media_append": ("POST", "/2/media/upload/{id}/append", "AppendMediaUploadRequest",
                           "AppendMediaUploadResponse"),
          "media_finalize": ("POST", "/2/media/upload/{id}/finalize", None, "FinalizeMediaUploadResponse"),
          "media_status": ("GET", "/2/media/upload", None, "GetMediaUploadStatusResponse"),
          "media_metadata": ("POST", "/2/media/metadata", "CreateMediaMetadataRequest", "CreateMediaMetadataResponse")}


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def errors(value: Any, kind: str, where: str) -> list[str]:
    """The SDK's types are camelCase views of the wire's snake_case fields."""
    kind = kind.strip()
    while kind in ALIASES:
        kind = ALIASES[kind].strip()
    if kind.startswith("Array<"):
        if not isinstance(value, list):
            return [f"{where}: not an array"]
        return [e for i, v in enumerate(value) for e in errors(v, kind[6:-1], f"{where}[{i}]")]
    if kind in INTERFACES:
        if not isinstance(value, dict):
            return [f"{where}: not an object"]
        fields = {snake(k): v for k, v in INTERFACES[kind].items()}
        found = [f"{where}.{k}: not in {kind}" for k in value if k not in fields]
        found += [f"{where}.{k}: required by {kind}" for k, (_, required) in fields.items()
                  if required and k not in value]
        return found + [e for k, v in value.items() if k in fields for e in errors(v, fields[k][0], f"{where}.{k}")]
    literals = re.findall(r'"([^"]*)"', kind)
    if literals and re.fullmatch(r'(\s*"[^"]*"\s*\|?)+', kind):
        return [] if value in literals else [f"{where}: {value!r} not one of {literals}"]
    expected = {"string": str, "number": (int, float), "boolean": bool, "Record<string, any>": dict}.get(kind)
    if expected is not None and not isinstance(value, expected):
        return [f"{where}: {value!r} is not {kind}"]
    return []


def part_names(request: Request) -> dict[str, Any]:
    """Multipart part names with their values (files as '<file>'; digits as numbers, as the wire has no types)."""
    boundary = request.headers["content-type"].split("boundary=")[1].strip('"').encode()
    names: dict[str, Any] = {}
    for part in request.body.split(b"--" + boundary)[1:-1]:
        head, _, text = part.strip(b"\r\n").partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]+)"', head)
        if name:
            value = "<file>" if b"filename=" in head else text.decode()
            names[name.group(1).decode()] = int(value) if value.isdigit() else value
    return names


def test_x_requests_and_answers_match_xs_sdk(repo: Repo, ledger: Ledger, networks: Networks) -> None:
    exchanges: list[tuple[Request, Reply]] = []
    dispatch = networks.x.dispatch

    def recording(request: Request) -> Reply:
        reply = dispatch(request)
        exchanges.append((request, reply))
        return reply

    networks.x.dispatch = recording  # type: ignore[method-assign]
    _, outcomes = run_range(repo, ledger, repo.initial, add_posts(repo))
    assert statuses(outcomes)[("pameran-umkm", "x")] == "sent"
    assert statuses(outcomes)[("video-cuci-tangan", "x")] == "sent"
    seen = set()
    for request, (status, payload, _) in exchanges:
        [route] = [n for n in ROUTES if request in networks.x.calls(n)]
        seen.add(route)
        method, path, body_type, answer_type = ROUTES[route]
        assert (path, method) in OPERATIONS, f"{method} {path} is not an operation of X's SDK"
        if body_type and request.headers.get("content-type", "").startswith("application/json"):
            assert errors(request.json(), body_type, route) == []
        elif body_type:
            form = part_names(request)
            assert errors(form, body_type, route) == [], form
        if method == "GET":
            code = CODE[CODE.index(f'let path = "{path}"'):]
            code = code[:code.index("this.client.request")]
            assert all(f'params.append("{k}"' in code for k in request.query), request.query
        assert errors(payload, answer_type, f"{route} answer") == [], payload
        assert 200 <= status < 300
    assert seen == set(ROUTES)
