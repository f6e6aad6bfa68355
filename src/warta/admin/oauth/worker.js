/* GitHub OAuth token exchange for Warta's /admin/ (Decap CMS, backend `github`).
 *
 * A Cloudflare Worker (or any runtime with fetch/Request/Response and ES modules).
 * Decap opens <base_url>/auth in a popup; this redirects to GitHub; GitHub returns to
 * /callback with a code; the worker trades it for a token using the OAuth App's secret
 * and hands the token to the /admin/ window, and only to EDITOR_ORIGIN.
 *
 * Environment (Worker secrets/vars): GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET,
 * EDITOR_ORIGIN (the editor's own host, e.g. https://editor.warta.bengkuluprov.go.id: never the
 * public site's, whose pages carry author content; SITE_ORIGIN is read for older deployments),
 * optional OAUTH_SCOPE: "public_repo" (default, enough for a public repository) or "repo"
 * (private repository; grants every private repository of the user, so only when needed).
 * Set `base_url` in config.yml with `warta admin --auth-url https://<worker host>`.
 * The worker sends no CORS headers: no page can read its answers with fetch.
 */
const GITHUB = "https://github.com";
const SCOPES = ["public_repo", "repo"];

function editorOrigin(env) {
  const value = env.EDITOR_ORIGIN || env.SITE_ORIGIN || "";
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.hostname === "localhost" || url.hostname === "127.0.0.1"
      ? url.origin : null;
  } catch {
    return null;
  }
}

function scope(env) {
  const value = env.OAUTH_SCOPE || "public_repo";
  return SCOPES.includes(value) ? value : null;
}

// A request that says where it comes from must come from the editor (the popup's Referer).
function fromElsewhere(request, origin) {
  for (const name of ["origin", "referer"]) {
    const value = request.headers.get(name);
    if (!value) continue;
    try {
      if (new URL(value).origin !== origin) return true;
    } catch {
      return true;
    }
  }
  return false;
}

function html(body, status = 200, headers = {}) {
  return new Response(`<!doctype html><meta charset="utf-8"><body>${body}</body>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

function reply(env, status, content) {
  // The Decap handshake: announce, wait for the opener's answer, then post to that origin only.
  const message = JSON.stringify(`authorization:github:${status}:${JSON.stringify(content)}`)
    .replace(/</g, "\\u003c");
  const origin = JSON.stringify(editorOrigin(env));
  return html(`<p>Menghubungkan ke editor Warta…</p><script>
(function () {
  if (!window.opener) return;
  function receive(e) {
    if (e.origin !== ${origin}) return;
    window.removeEventListener("message", receive, false);
    window.opener.postMessage(${message}, e.origin);
    setTimeout(function () { window.close(); }, 300);
  }
  window.addEventListener("message", receive, false);
  window.opener.postMessage("authorizing:github", ${origin});
})();
</script>`, 200, { "set-cookie": "warta_oauth_state=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax" });
}

function cookie(request, name) {
  const header = request.headers.get("cookie") || "";
  const pair = header.split(/;\s*/).find((c) => c.startsWith(name + "="));
  return pair ? pair.slice(name.length + 1) : null;
}

async function auth(request, env) {
  const url = new URL(request.url);
  if (fromElsewhere(request, editorOrigin(env))) {
    return html("<p>Permintaan masuk hanya diterima dari editor Warta.</p>", 403);
  }
  const state = crypto.randomUUID();
  const target = new URL(`${GITHUB}/login/oauth/authorize`);
  target.searchParams.set("client_id", env.GITHUB_CLIENT_ID);
  target.searchParams.set("redirect_uri", `${url.origin}/callback`);
  target.searchParams.set("scope", scope(env));
  target.searchParams.set("state", state);
  return new Response(null, {
    status: 302,
    headers: {
      location: target.toString(),
      "set-cookie": `warta_oauth_state=${state}; Path=/; Max-Age=600; Secure; HttpOnly; SameSite=Lax`,
    },
  });
}

async function callback(request, env) {
  const url = new URL(request.url);
  const state = url.searchParams.get("state");
  if (!state || state !== cookie(request, "warta_oauth_state")) {
    return reply(env, "error", { message: "Sesi masuk kedaluwarsa. Tutup jendela ini dan coba lagi." });
  }
  const response = await fetch(`${GITHUB}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({
      client_id: env.GITHUB_CLIENT_ID,
      client_secret: env.GITHUB_CLIENT_SECRET,
      code: url.searchParams.get("code"),
      redirect_uri: `${url.origin}/callback`,
    }),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok || !data.access_token) {
    return reply(env, "error", { message: data.error_description || "GitHub menolak permintaan masuk." });
  }
  return reply(env, "success", { token: data.access_token, provider: "github" });
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (!editorOrigin(env) || !scope(env)) {
      // Fail closed: without the editor's origin the token could not be handed to anyone safely.
      return html("<p>Penukar token belum dikonfigurasi (EDITOR_ORIGIN, OAUTH_SCOPE).</p>", 500);
    }
    if (request.method !== "GET") return html("<p>Metode tidak diizinkan.</p>", 405, { allow: "GET" });
    if (pathname === "/auth") return auth(request, env);
    if (pathname === "/callback") return callback(request, env);
    return html("<p>Penukar token editor Warta.</p>", 404);
  },
};
