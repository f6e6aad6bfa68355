"""A small local GitHub: the REST v3 paths and JSON shapes PyGithub uses, on 127.0.0.1.

State lives in plain dicts; `fail(method, path_regex, status)` makes matching requests
answer with an error, so tests can cut the API off mid-evaluation.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Container
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox

OWNER, NAME = "bengkuluprov", "warta"
REPO = f"{OWNER}/{NAME}"


def user(login: str, uid: int) -> dict[str, Any]:
    return {"login": login, "id": uid, "type": "User", "url": f"/users/{login}"}


@dataclass
class Pull:
    number: int
    author: dict[str, Any]
    base_sha: str
    head_sha: str
    files: list[dict[str, Any]] = field(default_factory=list)
    commits: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    changed_files: int | None = None
    commit_count: int | None = None
    heads_after: list[str] = field(default_factory=list)  # head SHA on later reads
    merged_at: str | None = None  # ISO 8601 "…Z" once merged
    merge_sha: str | None = None


class FakeGitHub:
    def __init__(self, page_size: int = 2) -> None:
        self.page_size = page_size
        self.pulls: dict[int, Pull] = {}
        self.contents: dict[tuple[str, str], str] = {}
        self.check_runs: list[dict[str, Any]] = []
        self.failures: list[tuple[str, re.Pattern[str], int, int | None]] = []
        self.requests: list[tuple[str, str]] = []
        self.teams: dict[str, dict[str, Any]] = {}
        self.rulesets: list[dict[str, Any]] = []
        self.codeowners_errors: list[dict[str, Any]] = []
        self.user_ids: dict[str, int] = {}
        self.permissions: dict[str, str] = {}
        self.environments: dict[str, dict[str, Any]] = {}
        self.branches: Container[str] = set()  # branches GitHub knows (e.g. a bare repo's heads)
        self.created_pulls: list[dict[str, Any]] = []
        self.secrets: dict[tuple[str, str], str] = {}  # (environment, name) -> decrypted value
        self.issues: dict[int, dict[str, Any]] = {}  # plain issues (not pull requests), by number
        self.secret_key = PrivateKey.generate()
        self.secret_key_id = "568250167242549743"
        self._next_id = 100
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- control -----------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"null") if length else None
                status, payload, headers = fake.handle(method, self.path, body,
                                                       self.headers.get("Authorization"))
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                self._handle("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._handle("POST")

            def do_PATCH(self) -> None:  # noqa: N802
                self._handle("PATCH")

            def do_PUT(self) -> None:  # noqa: N802
                self._handle("PUT")

            def do_DELETE(self) -> None:  # noqa: N802
                self._handle("DELETE")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def fail(self, method: str, path_regex: str, status: int, times: int | None = None) -> None:
        """Answer matching requests with `status` (403/404/422/500...), `times` times or always."""
        self.failures.append((method, re.compile(path_regex), status, times))

    def add_pull(self, pull: Pull) -> Pull:
        self.pulls[pull.number] = pull
        return pull

    # -- JSON shapes ---------------------------------------------------------------------
    def _repo_json(self) -> dict[str, Any]:
        return {"id": 1, "name": NAME, "full_name": REPO, "owner": user(OWNER, 1),
                "url": f"{self.url}/repos/{REPO}", "default_branch": "main", "private": False}

    def _pull_json(self, pull: Pull, head: str) -> dict[str, Any]:
        base = f"{self.url}/repos/{REPO}"
        return {
            "id": 5000 + pull.number, "number": pull.number, "state": "open",
            "url": f"{base}/pulls/{pull.number}",
            "issue_url": f"{base}/issues/{pull.number}",
            "user": pull.author,
            "head": {"sha": head, "ref": "pr", "label": f"{OWNER}:pr"},
            "base": {"sha": pull.base_sha, "ref": "main", "label": f"{OWNER}:main"},
            "changed_files": len(pull.files) if pull.changed_files is None
            else pull.changed_files,
            "commits": len(pull.commits) if pull.commit_count is None else pull.commit_count,
            "html_url": f"https://github.com/{REPO}/pull/{pull.number}",
            "merged": pull.merged_at is not None, "merged_at": pull.merged_at,
            "merge_commit_sha": pull.merge_sha,
        }

    def _page(self, path: str, query: dict[str, list[str]],
              items: list[Any]) -> tuple[int, Any, dict[str, str]]:
        page = int(query.get("page", ["1"])[0])
        size = self.page_size
        chunk = items[(page - 1) * size: page * size]
        headers: dict[str, str] = {}
        last = max(1, -(-len(items) // size))
        if page < last:
            headers["Link"] = (f'<{self.url}{path}?page={page + 1}>; rel="next", '
                               f'<{self.url}{path}?page={last}>; rel="last"')
        return 200, chunk, headers

    # -- routing -------------------------------------------------------------------------
    def handle(self, method: str, raw_path: str, body: Any,
               auth: str | None) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(raw_path)
        path, query = parts.path, parse_qs(parts.query)
        with self._lock:
            self.requests.append((method, path))
            for i, (m, pattern, status, times) in enumerate(self.failures):
                if m == method and pattern.search(path):
                    if times is not None:
                        self.failures[i] = (m, pattern, status, times - 1)
                        if times <= 0:
                            continue
                    return status, {"message": f"fake error {status}",
                                    "documentation_url": "https://docs.github.com/rest"}, {}
            if not auth:
                return 401, {"message": "Requires authentication"}, {}
            secrets = self._route_environment_secrets(method, path, body)
            if secrets is not None:
                return secrets
            issues = self._route_issues(method, path, query, body)
            if issues is not None:
                return issues
            return self._route(method, path, query, body)

    def _route(self, method: str, path: str, query: dict[str, list[str]],
               body: Any) -> tuple[int, Any, dict[str, str]]:
        repo = f"/repos/{REPO}"
        not_found: tuple[int, Any, dict[str, str]] = (404, {"message": "Not Found"}, {})
        if path.startswith(f"{repo}/statuses/"):
            return commit_status(self, method, path, body)
        if method == "GET" and path == repo:
            return 200, self._repo_json(), {}
        if method == "POST" and path == f"{repo}/pulls":
            if not body.get("head") or not body.get("base") or not body.get("title"):
                return 422, {"message": "Validation Failed"}, {}
            if body["head"] not in self.branches:
                return 422, {"message": "Validation Failed",
                             "errors": [{"resource": "PullRequest", "field": "head", "code": "invalid"}]}, {}
            number = max(self.pulls, default=0) + 1
            pull = self.add_pull(Pull(number=number, author=user("pengirim", 7), head_sha="0" * 40,
                                      base_sha="0" * 40))
            created = {**self._pull_json(pull, pull.head_sha), "title": body["title"],
                       "body": body.get("body"), "html_url": f"https://github.com/{REPO}/pull/{number}"}
            self.created_pulls.append(created)
            return 201, created, {}
        if method == "GET" and path == f"{repo}/pulls":
            return self._page(path, query, [self._pull_json(p, p.head_sha)
                                            for p in self.pulls.values()])
        match = re.fullmatch(rf"{repo}/pulls/(\d+)(/\w+)?", path)
        if match:
            pull = self.pulls.get(int(match.group(1)))
            if pull is None:
                return not_found
            sub = match.group(2)
            if sub is None and method == "GET":
                head = pull.heads_after.pop(0) if pull.heads_after else pull.head_sha
                return 200, self._pull_json(pull, head), {}
            if sub in ("/files", "/commits", "/reviews") and method == "GET":
                return self._page(path, query, getattr(pull, sub[1:]))
            return not_found
        match = re.fullmatch(rf"{repo}/commits/([0-9a-f]{{40}})(/pulls)?", path)
        if match and method == "GET":  # a commit, and the pull requests that contain it
            if match.group(2) is None:
                return 200, {"sha": match.group(1), "url": f"{self.url}{repo}/commits/{match.group(1)}"}, {}
            return self._page(path, query, [self._pull_json(p, p.head_sha) for p in self.pulls.values()
                                            if match.group(1) in (p.merge_sha, p.head_sha)])
        match = re.fullmatch(rf"{repo}/issues/(\d+)/comments", path)
        if match:
            pull = self.pulls.get(int(match.group(1)))
            if pull is None:
                return not_found
            if method == "GET":
                return self._page(path, query, pull.comments)
            comment = self._comment(pull.number, body["body"])
            pull.comments.append(comment)
            return 201, comment, {}
        match = re.fullmatch(rf"{repo}/issues/comments/(\d+)", path)
        if match and method == "PATCH":
            for pull in self.pulls.values():
                for comment in pull.comments:
                    if comment["id"] == int(match.group(1)):
                        comment["body"] = body["body"]
                        return 200, comment, {}
            return not_found
        if path == f"{repo}/check-runs" and method == "POST":
            if not body.get("name") or not body.get("head_sha"):
                return 422, {"message": "Validation Failed"}, {}
            run = {"id": self._id(), "status": "completed", "conclusion": None,
                   "url": f"{self.url}{repo}/check-runs/1", **body}
            self.check_runs.append(run)
            return 201, run, {}
        match = re.fullmatch(rf"{repo}/contents/(.+)", path)
        if match and method == "GET":
            ref = query.get("ref", ["main"])[0]
            text = self.contents.get((match.group(1), ref))
            if text is None:
                return not_found
            return 200, {"type": "file", "encoding": "base64", "path": match.group(1),
                         "name": match.group(1).rsplit("/", 1)[-1], "sha": "0" * 40,
                         "content": base64.b64encode(text.encode()).decode()}, {}
        return self._route_org(method, path, body)

    def _route_org(self, method: str, path: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        repo = f"/repos/{REPO}"
        not_found: tuple[int, Any, dict[str, str]] = (404, {"message": "Not Found"}, {})
        match = re.fullmatch(r"/users/([\w-]+)", path)
        if match and method == "GET":
            login = match.group(1)
            return 200, user(login, self.user_ids.setdefault(login, 50000 + len(self.user_ids))), {}
        match = re.fullmatch(r"/orgs/([\w-]+)", path)
        if match and method == "GET":
            return 200, {"login": match.group(1), "id": 3,
                         "url": f"{self.url}/orgs/{match.group(1)}"}, {}
        if re.fullmatch(r"/orgs/[\w-]+/teams", path) and method == "POST":
            slug = body["name"]
            self.teams[slug] = {"members": [], "repos": {}, "description": body.get("description")}
            return 201, self._team_json(path.split("/")[2], slug), {}
        match = re.fullmatch(r"/orgs/([\w-]+)/teams/([\w-]+)(/.*)?", path)
        if match:
            org, slug, rest = match.groups()
            team = self.teams.get(slug)
            if team is None:
                return not_found
            if rest is None and method == "GET":
                return 200, self._team_json(org, slug), {}
            if rest == "/members" and method == "GET":
                return 200, [user(login, uid) for login, uid in team["members"]], {}
            member = re.fullmatch(r"/memberships/([\w-]+)", rest or "")
            if member and method == "PUT":
                login = member.group(1)
                team["members"].append((login, self.user_ids.get(login, 0)))
                return 200, {"state": "active", "role": "member"}, {}
            if member and method == "DELETE":
                team["members"] = [m for m in team["members"] if m[0] != member.group(1)]
                return 204, None, {}
            if rest and rest.startswith("/repos/") and method == "PUT":
                team["repos"][rest[len("/repos/"):]] = (body or {}).get("permission")
                return 204, None, {}
            return not_found
        if path == f"{repo}/rulesets" and method == "GET":
            return 200, [{"id": r["id"], "name": r["name"]} for r in self.rulesets], {}
        if path == f"{repo}/rulesets" and method == "POST":
            self.rulesets.append({**body, "id": self._id()})
            return 201, self.rulesets[-1], {}
        match = re.fullmatch(rf"{repo}/rulesets/(\d+)", path)
        if match:
            found = next((r for r in self.rulesets if r["id"] == int(match.group(1))), None)
            if found is None:
                return not_found
            if method == "PUT":
                found.clear()
                found.update({**body, "id": int(match.group(1))})
            return 200, found, {}
        match = re.fullmatch(rf"{repo}/collaborators/([\w-]+)/permission", path)
        if match and method == "GET":
            permission = self.permissions.get(match.group(1), "none")
            return 200, {"permission": permission, "user": user(match.group(1), 1)}, {}
        match = re.fullmatch(rf"{repo}/environments/([\w-]+)(/deployment-branch-policies)?",
                             path)
        if match:
            env = self.environments.setdefault(match.group(1), {"policy": None, "branches": []})
            if match.group(2) is None and method == "PUT":
                env["policy"] = (body or {}).get("deployment_branch_policy")
                return 200, {"name": match.group(1)}, {}
            if match.group(2) and method == "GET":
                return 200, {"total_count": len(env["branches"]),
                             "branch_policies": [{"name": b} for b in env["branches"]]}, {}
            if match.group(2) and method == "POST":
                env["branches"].append(body["name"])
                return 200, {"name": body["name"]}, {}
            return not_found
        if path == f"{repo}/codeowners/errors" and method == "GET":
            return 200, {"errors": self.codeowners_errors}, {}
        return not_found

    def _route_environment_secrets(self, method: str, path: str,
                                   body: Any) -> tuple[int, Any, dict[str, str]] | None:
        """Environment secrets: the public key, and PUT of a value sealed with it. The fake holds the
        private key and decrypts, so a value that was not sealed for this key is refused (422)."""
        match = re.fullmatch(rf"/repos/{REPO}/environments/([\w-]+)", path)
        if match and method == "GET":  # PyGithub's get_environment reads the environment first
            name = match.group(1)
            if name not in self.environments:
                return 404, {"message": "Not Found"}, {}
            return 200, {"id": 161088068, "node_id": "EN_kwDOAAAAAM4JmJhE", "name": name,
                         "url": f"{self.url}/repos/{REPO}/environments/{name}",
                         "html_url": f"https://github.com/{REPO}/deployments/activity_log?environments_filter={name}",
                         "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
                         "protection_rules": [], "deployment_branch_policy": self.environments[name]["policy"]}, {}
        match = re.fullmatch(rf"/repos/{REPO}/environments/([\w-]+)/secrets/(public-key|[A-Za-z_][A-Za-z0-9_]*)",
                             path)
        if match is None:
            return None
        env, name = match.groups()
        if name == "public-key" and method == "GET":
            return 200, {"key_id": self.secret_key_id,
                         "key": base64.b64encode(bytes(self.secret_key.public_key)).decode()}, {}
        if method == "PUT" and name != "public-key":
            if not isinstance(body, dict) or body.get("key_id") != self.secret_key_id:
                return 422, {"message": "Bad request: key_id"}, {}
            try:
                plain = SealedBox(self.secret_key).decrypt(base64.b64decode(body.get("encrypted_value", "")))
            except (CryptoError, ValueError):
                return 422, {"message": "Bad request: encrypted_value"}, {}
            created = (env, name) not in self.secrets
            self.secrets[(env, name)] = plain.decode()
            return (201, {}, {}) if created else (204, None, {})
        return 404, {"message": "Not Found"}, {}

    def _route_issues(self, method: str, path: str, query: dict[str, list[str]],
                      body: Any) -> tuple[int, Any, dict[str, str]] | None:
        """Plain issues: list (state filter), create, edit (body, state)."""
        base = f"/repos/{REPO}/issues"
        if path == base and method == "GET":
            state = query.get("state", ["open"])[0]
            return self._page(path, query, [i for i in self.issues.values() if state in ("all", i["state"])])
        if path == base and method == "POST":
            if not isinstance(body, dict) or not body.get("title"):
                return 422, {"message": "Validation Failed"}, {}
            number = max([*self.issues, *self.pulls], default=0) + 1
            here = f"{self.url}{base}/{number}"
            self.issues[number] = {
                "id": 9000 + number, "node_id": f"I_{number}", "number": number, "title": body["title"],
                "body": body.get("body"), "state": "open", "state_reason": None,
                "user": self._full_user("warta-app[bot]", 77),
                "labels": [], "assignee": None, "assignees": [], "milestone": None, "locked": False,
                "active_lock_reason": None, "comments": 0, "created_at": "2026-11-22T01:00:00Z",
                "updated_at": "2026-11-22T01:00:00Z", "closed_at": None, "author_association": "NONE",
                "url": here, "html_url": f"https://github.com/{REPO}/issues/{number}",
                "repository_url": f"{self.url}/repos/{REPO}", "labels_url": f"{here}/labels{{/name}}",
                "comments_url": f"{here}/comments", "events_url": f"{here}/events"}
            return 201, self.issues[number], {}
        match = re.fullmatch(rf"{base}/(\d+)", path)
        if match and method == "GET" and int(match.group(1)) in self.issues:
            return 200, self.issues[int(match.group(1))], {}
        if match and method == "PATCH" and int(match.group(1)) in self.issues:
            issue = self.issues[int(match.group(1))]
            issue.update({k: v for k, v in (body or {}).items() if k in ("title", "body", "state", "state_reason")})
            return 200, issue, {}
        return None

    def _full_user(self, login: str, uid: int) -> dict[str, Any]:
        """A user as GitHub's "simple-user" schema has it (every required field)."""
        url = f"{self.url}/users/{login}"
        return {**user(login, uid), "node_id": f"U_{uid}", "avatar_url": f"https://avatars.githubusercontent.com/u/{uid}",
                "gravatar_id": "", "url": url, "html_url": f"https://github.com/{login}", "site_admin": False,
                "followers_url": f"{url}/followers", "following_url": f"{url}/following{{/other_user}}",
                "gists_url": f"{url}/gists{{/gist_id}}", "starred_url": f"{url}/starred{{/owner}}{{/repo}}",
                "subscriptions_url": f"{url}/subscriptions", "organizations_url": f"{url}/orgs",
                "repos_url": f"{url}/repos", "events_url": f"{url}/events{{/privacy}}",
                "received_events_url": f"{url}/received_events", "type": "Bot"}

    def _team_json(self, org: str, slug: str) -> dict[str, Any]:
        return {"id": abs(hash(slug)) % 10**6, "slug": slug, "name": slug,
                "url": f"{self.url}/orgs/{org}/teams/{slug}",
                "members_url": f"{self.url}/orgs/{org}/teams/{slug}/members{{/member}}",
                "organization": {"login": org, "url": f"{self.url}/orgs/{org}"}}

    def _id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _comment(self, number: int, text: str) -> dict[str, Any]:
        cid = self._id()
        return {"id": cid, "body": text, "user": user("warta-app[bot]", 77),
                "url": f"{self.url}/repos/{REPO}/issues/comments/{cid}",
                "issue_url": f"{self.url}/repos/{REPO}/issues/{number}"}


def commit_json(sha: str, author: tuple[str, str], login: str | None = None,
                uid: int | None = None, message: str = "ubah berita",
                committer_login: str | None = None, committer_id: int | None = None,
                committer: tuple[str, str] | None = None) -> dict[str, Any]:
    """A pulls/commits item: the GitHub accounts (or null) and the git identities."""
    committer = committer or author
    return {
        "sha": sha, "url": f"/repos/{REPO}/commits/{sha}",
        "commit": {"message": message,
                   "author": {"name": author[0], "email": author[1],
                              "date": "2026-11-21T01:00:00Z"},
                   "committer": {"name": committer[0], "email": committer[1],
                                 "date": "2026-11-21T01:00:00Z"}},
        "author": user(login, uid or 0) if login else None,
        "committer": user(committer_login, committer_id or 0) if committer_login
        else (user(login, uid or 0) if login else None),
    }


def review_json(rid: int, login: str, uid: int, state: str, commit_id: str,
                submitted_at: str = "2026-11-21T02:00:00Z") -> dict[str, Any]:
    return {"id": rid, "user": user(login, uid), "state": state, "commit_id": commit_id,
            "submitted_at": submitted_at, "body": ""}


def file_json(filename: str, status: str = "added",
              previous: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"sha": "1" * 40, "filename": filename, "status": status,
                            "additions": 1, "deletions": 0, "changes": 1}
    if previous:
        data["previous_filename"] = previous
    return data


# -- merge queue (kept apart from the routes above) -------------------------------------------
def enqueue(fake: FakeGitHub, number: int, group_base: str, group_head: str,
            base_ref: str = "main") -> dict[str, Any]:
    """Queue PR `number`: the `merge_group` event payload GitHub sends (`checks_requested`).

    `group_head` is the queue's merge commit of the PR onto `group_base` (a real commit the
    test makes); the branch is named as GitHub names it."""
    event = {"action": "checks_requested",
             "merge_group": {"head_sha": group_head, "base_sha": group_base,
                             "head_ref": f"refs/heads/gh-readonly-queue/{base_ref}/pr-{number}-"
                                         f"{group_base}",
                             "base_ref": f"refs/heads/{base_ref}"}}
    groups: list[dict[str, Any]] = fake.__dict__.setdefault("merge_groups", [])
    groups.append(event["merge_group"])
    return event


def queue_outcome(fake: FakeGitHub, group: dict[str, Any], required: list[str]) -> str:
    """What GitHub's queue does with a group (ALLGREEN): "merged" when every required check has
    a successful latest run on the group's head commit, else "removed" (taken off the queue)."""
    def ok(context: str) -> bool:
        runs = [r for r in fake.check_runs
                if r["name"] == context and r["head_sha"] == group["head_sha"]]
        return bool(runs) and runs[-1].get("conclusion") == "success"
    return "merged" if all(ok(c) for c in required) else "removed"


def commit_status(fake: FakeGitHub, method: str, path: str,
                  body: Any) -> tuple[int, Any, dict[str, str]]:
    """POST /repos/{owner}/{repo}/statuses/{sha}: a commit status (e.g. `warta/preview`)."""
    sha = path.rsplit("/", 1)[-1]
    if method != "POST" or not re.fullmatch(r"[0-9a-f]{40}", sha):
        return 404, {"message": "Not Found"}, {}
    if (body or {}).get("state") not in ("error", "failure", "pending", "success"):
        return 422, {"message": "Validation Failed"}, {}
    status = {"id": fake._id(), "sha": sha, **body}
    fake.__dict__.setdefault("statuses", []).append(status)
    return 201, status, {}
