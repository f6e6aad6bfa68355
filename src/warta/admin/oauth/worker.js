/* GitHub OAuth token exchange for Warta's /admin/ (Decap CMS, backend `github`).
 *
 * A Cloudflare Worker (or any runtime with fetch/Request/Response and ES modules).
 * Decap opens <base_url>/auth in a popup; this redirects to GitHub; GitHub returns to
 * /callback with a code; the worker trades it for a token using the OAuth App's secret
 * and hands the token to the /admin/ window, and only to SITE_ORIGIN.
 *
 * Environment (Worker secrets/vars): GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET,
 * SITE_ORIGIN (e.g. https://warta.bengkuluprov.go.id), optional OAUTH_SCOPE ("repo").
 * Set `base_url` in config.yml with `warta admin --auth-url https://<worker host>`.
 */
const GITHUB = "https://github.com";

function html(body, status = 200, headers = {}) {
  return new Response(`<!doctype html><meta charset="utf-8"><body>${body}</body>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

function reply(env, status, content) {
  // The Decap handshake: announce, wait for the opener's answer, then post to that origin only.
  const message = JSON.stringify(`authorization:github:${status}:${JSON.stringify(content)}`);
  const origin = JSON.stringify(env.SITE_ORIGIN);
  return html(`<p>Menghubungkan ke editor Warta…</p><script>
(function () {
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
  const state = crypto.randomUUID();
  const target = new URL(`${GITHUB}/login/oauth/authorize`);
  target.searchParams.set("client_id", env.GITHUB_CLIENT_ID);
  target.searchParams.set("redirect_uri", `${url.origin}/callback`);
  target.searchParams.set("scope", env.OAUTH_SCOPE || "repo");
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
    if (pathname === "/auth") return auth(request, env);
    if (pathname === "/callback") return callback(request, env);
    return html("<p>Penukar token editor Warta.</p>", 404);
  },
};
