"""The secret write-back, as PyGithub sends it and the fake GitHub answers it, held against GitHub's own
OpenAPI description (npm `@octokit/openapi`, installed by scripts/test.sh under .warta/node)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.gate.fake_github import REPO, FakeGitHub
from warta.gate.github import open_repository, sync_issue
from warta.tokens import GitHubSecrets

SPEC_FILE = Path(__file__).resolve().parents[2] / \
    ".warta/node/node_modules/@octokit/openapi/generated/api.github.com.json"
if not SPEC_FILE.is_file():
    pytest.skip("npm install --prefix .warta/node @octokit/openapi (scripts/test.sh)", allow_module_level=True)


def nullable(node: Any) -> Any:
    """OpenAPI 3.0 `nullable: true` as JSON Schema."""
    if isinstance(node, list):
        return [nullable(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: nullable(v) for k, v in node.items()}
    if node.pop("nullable", False):
        if isinstance(node.get("type"), str):
            node["type"] = [node["type"], "null"]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    data = json.loads(SPEC_FILE.read_text())
    data["components"] = nullable(data["components"])
    return data


def operation(spec: dict[str, Any], method: str, path: str) -> dict[str, Any] | None:
    for template, item in spec["paths"].items():
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), path) and method.lower() in item:
            return nullable(item[method.lower()])  # type: ignore[no-any-return]
    return None


def validate(spec: dict[str, Any], schema: dict[str, Any], value: Any) -> None:
    jsonschema.Draft7Validator({**schema, "components": spec["components"]}).validate(value)


def test_secret_write_back_and_status_issue_match_githubs_description(
        spec: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_GITHUB_THROTTLE", "0")
    server = FakeGitHub()
    server.environments["social"] = {"policy": None, "branches": []}
    exchanges: list[tuple[str, str, Any, tuple[int, Any, dict[str, str]]]] = []
    handle = server.handle

    def recording(method: str, raw_path: str, body: Any, auth: str | None) -> tuple[int, Any, dict[str, str]]:
        answer = handle(method, raw_path, body, auth)
        exchanges.append((method, raw_path.split("?")[0], body, answer))
        return answer

    server.handle = recording  # type: ignore[method-assign]
    server.start()
    try:
        store = GitHubSecrets(REPO, "gh-app-token", server.url, "social")
        store.check()
        store.put("WARTA_TOKEN_DINAS_CONTOH_TIKTOK", "refresh:rt-baru")
        store.put("WARTA_TOKEN_DINAS_CONTOH_TIKTOK", "refresh:rt-lebih-baru")
        repo = open_repository(REPO, "gh-app-token", server.url)
        for body in ("| a | b |", "| a | c |", None):  # `warta dispatch health --issue`: open, update, close
            sync_issue(repo, "Token media sosial bermasalah", body)
    finally:
        server.stop()
    assert server.secrets[("social", "WARTA_TOKEN_DINAS_CONTOH_TIKTOK")] == "refresh:rt-lebih-baru"
    seen = {(m, re.sub(r"/secrets/WARTA_\w+", "/secrets/{name}", p)) for m, p, _, _ in exchanges}
    assert {("GET", f"/repos/{REPO}/environments/social/secrets/public-key"),
            ("PUT", f"/repos/{REPO}/environments/social/secrets/{{name}}")} <= seen
    for method, path, body, (status, payload, _) in exchanges:
        op = operation(spec, method, path)
        assert op is not None, f"{method} {path} is not in GitHub's OpenAPI description"
        if body is not None:
            validate(spec, op["requestBody"]["content"]["application/json"]["schema"], body)
        answer = op["responses"].get(str(status))
        assert answer is not None, f"{method} {path}: status {status} not described"
        content = (answer.get("content") or {}).get("application/json")
        if content and path != f"/repos/{REPO}":  # the repository itself is another helper's fake shape
            validate(spec, content["schema"], payload)
    assert [a[3][0] for a in exchanges if a[0] == "PUT"] == [201, 204]  # created, then updated
    assert [a[0] for a in exchanges if "/issues" in a[1]].count("PATCH") == 2 and server.issues[1]["state"] == "closed"
