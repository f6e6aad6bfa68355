"""The documented token-exchange endpoint (admin/oauth/worker.js), run in node with a fake GitHub."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.admin.conftest import require_tool
from warta.admin.page import STATIC

WORKER = STATIC.parent / "oauth" / "worker.js"
SCRIPT = r"""
const worker = (await import(process.argv[1])).default;
const editor = "https://editor.warta.example.go.id";
const env = { GITHUB_CLIENT_ID: "cid", GITHUB_CLIENT_SECRET: "secret", EDITOR_ORIGIN: editor };
const sent = [];
globalThis.fetch = async (url, init) => {
  sent.push({ url, body: JSON.parse(init.body) });
  const ok = JSON.parse(init.body).code === "good";
  return new Response(JSON.stringify(ok ? { access_token: "tok-123" } : { error_description: "bad code" }),
                      { status: 200, headers: { "content-type": "application/json" } });
};
const base = "https://auth.example.go.id";
const auth = await worker.fetch(new Request(`${base}/auth?provider=github&scope=repo`,
  { headers: { referer: `${editor}/admin/` } }), env);
const location = new URL(auth.headers.get("location"));
const state = location.searchParams.get("state");
const cookie = auth.headers.get("set-cookie").split(";")[0];
const call = (query, withCookie) => worker.fetch(new Request(`${base}/callback?${query}`,
  { headers: withCookie ? { cookie } : {} }), env).then((r) => r.text());
const out = {
  status: auth.status, location: location.origin + location.pathname,
  params: Object.fromEntries(location.searchParams), cookie,
  good: await call(`code=good&state=${state}`, true),
  badState: await call(`code=good&state=nope`, true),
  noCookie: await call(`code=good&state=${state}`, false),
  badCode: await call(`code=bad&state=${state}`, true),
  other: (await worker.fetch(new Request(`${base}/`), env)).status,
  // A page of the public site (author content) or anywhere else asking for a token.
  fromSite: (await worker.fetch(new Request(`${base}/auth?provider=github`,
    { headers: { referer: "https://warta.example.go.id/dinas-contoh/berita/x/" } }), env)).status,
  fromFetch: (await worker.fetch(new Request(`${base}/auth`, { headers: { origin: "https://evil.example" } }),
                                 env)).status,
  post: (await worker.fetch(new Request(`${base}/callback`, { method: "POST", body: "x" }), env)).status,
  cors: auth.headers.get("access-control-allow-origin"),
  privateScope: new URL((await worker.fetch(new Request(`${base}/auth`), { ...env, OAUTH_SCOPE: "repo" }))
    .headers.get("location")).searchParams.get("scope"),
  wideScope: (await worker.fetch(new Request(`${base}/auth`), { ...env, OAUTH_SCOPE: "admin:org" })).status,
  noEditor: (await worker.fetch(new Request(`${base}/auth`), { ...env, EDITOR_ORIGIN: "" })).status,
  sent,
};
process.stdout.write(JSON.stringify(out));
"""


def test_worker_exchanges_the_code_and_answers_only_the_site(tmp_path: Path) -> None:
    node = require_tool("node", "the OAuth worker is plain JavaScript")
    module = tmp_path / "worker.mjs"
    shutil.copyfile(WORKER, module)
    result = subprocess.run([node, "--input-type=module", "-e", SCRIPT, module.as_uri()],
                            capture_output=True, text=True, check=True, timeout=30)
    out = json.loads(result.stdout)
    assert out["status"] == 302
    assert out["location"] == "https://github.com/login/oauth/authorize"
    assert out["params"]["client_id"] == "cid" and out["params"]["scope"] == "public_repo"
    assert out["privateScope"] == "repo" and out["wideScope"] == 500 and out["noEditor"] == 500
    assert out["fromSite"] == 403 and out["fromFetch"] == 403 and out["post"] == 405
    assert out["cors"] is None
    assert out["params"]["redirect_uri"] == "https://auth.example.go.id/callback"
    assert out["cookie"] == f"warta_oauth_state={out['params']['state']}"
    assert 'authorization:github:success:{\\"token\\":\\"tok-123\\",\\"provider\\":\\"github\\"}' in out["good"]
    assert 'e.origin !== "https://editor.warta.example.go.id"' in out["good"]
    assert 'postMessage("authorizing:github", "https://editor.warta.example.go.id")' in out["good"]
    assert "warta.example.go.id\"" not in out["good"].replace("editor.warta.example.go.id", "")
    for page in (out["badState"], out["noCookie"]):
        assert "authorization:github:error" in page and "tok-123" not in page
    assert "authorization:github:error" in out["badCode"] and "bad code" in out["badCode"]
    assert out["other"] == 404
    assert len(out["sent"]) == 2  # only callbacks with a valid state reach GitHub; refused requests never
    assert out["sent"][0]["url"] == "https://github.com/login/oauth/access_token"
    assert out["sent"][0]["body"] == {"client_id": "cid", "client_secret": "secret", "code": "good",
                                      "redirect_uri": "https://auth.example.go.id/callback"}
