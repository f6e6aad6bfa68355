"""`warta gate evaluate` (and `warta gate post`): the approval verdict as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from warta.errors import UsageError
from warta.gate.evaluate import evaluate
from warta.gate.input import GateInput, parse_gate_input
from warta.limits import LimitExceeded, run_limited
from warta.output import print_json
from warta.timeutil import now_wib


def read_input(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"Berkas masukan `{path}` tidak ditemukan.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"Berkas masukan `{path}` tidak dapat dibaca: {exc}.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"Berkas masukan `{path}` bukan JSON yang sah (baris {exc.lineno}, "
                         f"kolom {exc.colno}: {exc.msg}).") from None


def evaluate_command(path: Path) -> int:
    """Print the verdict; 0 approved, 1 not approved (bad input raises UsageError, exit 2)."""
    gate_input = parse_gate_input(read_input(path))
    try:
        # The verdict reads the PR's front matter: under hard limits, failing closed (warta.limits).
        verdict = run_limited(_verdict, gate_input, what="Putusan persetujuan")
    except LimitExceeded as exc:
        verdict = {"approved": False, "requirements": [
            {"scope": "limits", "eligible": [], "satisfied_by": None, "reason": exc.message}]}
    print_json(verdict)
    return 0 if verdict["approved"] else 1


def _verdict(gate_input: GateInput) -> dict[str, object]:
    return evaluate(gate_input, now_wib()).as_dict()


def post_command(repo: str, number: int | None, head_sha: str | None, checkout: Path,
                 base_url: str, *, group: tuple[str, str, str | None] | None = None,
                 quality: Path | None = None) -> int:
    """Evaluate PRs (or one merge group: ref, head, base) through the GitHub API and report
    each as check run and comment; with `quality`, also post that `warta/check` result."""
    from warta.gate.github import API_ERRORS, GitHubError, connect, post_verdict, token_from_env
    from warta.gate.github.queue import gate_merge_group, post_quality

    if sum(x is not None for x in (number, head_sha, group)) != 1:
        raise UsageError("Isi salah satu: `--pr NOMOR`, `--head-sha SHA`, atau `--merge-group-ref` "
                         "dengan `--merge-group-head` dan `--merge-group-base`.")
    if quality is not None and head_sha is not None:
        raise UsageError("`--quality` hanya untuk `--pr` atau antrean merge.")
    result = read_input(quality) if quality is not None else None
    if result is not None and not (isinstance(result, dict) and isinstance(result.get("sha"), str)):
        raise UsageError(f"Berkas `{quality}` bukan hasil `warta gate quality`.")
    if result is not None:
        try:
            gh_repo = connect(token_from_env(), base_url).get_repo(repo)
            # Only on the commit this run is about: the PR's current head or the group's head.
            target = group[1] if group is not None else gh_repo.get_pull(number or 0).head.sha
            if result["sha"] == target:
                post_quality(gh_repo, result)
            else:
                print(f"warta/check untuk {str(result['sha'])[:7]} tidak dikirim: yang diperiksa "
                      f"sekarang {target[:7]}.")
        except API_ERRORS as exc:
            raise GitHubError(f"Check warta/check tidak dapat dikirim ke GitHub: {exc}.") from None
    if group is not None:
        # Like a PR's run below: the group's posts are read under hard limits (fail closed).
        verdict = run_limited(gate_merge_group, connect(token_from_env(), base_url), repo, *group, checkout,
                              what="Pemeriksaan antrean merge")
        print(f"Antrean {group[0]}: {'disetujui' if verdict.approved else 'belum disetujui'}")
        return 0
    # This job holds the App's write token and reads the PR's posts (front matter, the quality
    # report): the whole run is under hard limits; when they are hit nothing is posted, and the
    # required check stays missing, so the PR cannot merge (fail closed).
    from warta.commands.report import review_comment

    return run_limited(post_verdict, repo, number, head_sha, checkout, base_url, review_comment,
                       what="Pemeriksaan persetujuan")


def quality_command(sha: str, checkout: Path, out: Path) -> int:
    """`warta check` of the commit, as JSON for `warta gate post --quality` (posted by the App)."""
    from warta.gate.github.queue import quality_result

    result = quality_result(checkout, sha)
    # One line: the workflow hands it to the App's job as a job output.
    out.write_text(json.dumps(result, ensure_ascii=True, separators=(",", ":")), encoding="utf-8")
    print(f"{sha[:7]}: {'lolos' if result['ok'] else 'ada galat'} "
          f"({result.get('errors', 0)} galat, {result.get('warnings', 0)} peringatan)")
    return 0


def sync_github_command(org: str | None, base_url: str, *, dry_run: bool) -> int:
    """Make each agency's GitHub team equal to its roster approvers and team."""
    from warta.gate.github import sync_teams

    return sync_teams(org, base_url, dry_run=dry_run)


def record_command(repo: str, number: int | None, sha: str | None, checkout: Path, ledger: Path,
                   base_url: str) -> int:
    """Write the approval record of a merged PR (or of the PRs merged as `sha`) to the ledger."""
    from warta.gate.github import connect, token_from_env
    from warta.gate.github.record import approval_record, merged_pulls_for, write_record

    if (number is None) == (sha is None):
        raise UsageError("Isi salah satu: `--pr NOMOR` atau `--sha COMMIT`.")
    gh = connect(token_from_env(), base_url)
    numbers = [number] if number is not None else merged_pulls_for(gh, repo, sha or "")
    if not numbers:
        print(f"Tidak ada pull request yang digabung sebagai {str(sha)[:7]}; tidak ada yang dicatat.")
    for n in numbers:
        record = run_limited(approval_record, gh, repo, n, checkout, what="Catatan persetujuan")
        path = write_record(ledger, record, now_wib())
        names = ", ".join(a["name"] for a in record["approvers"]) or "belum ada penyetuju"
        print(f"#{n}: {names} → {path}")
    return 0
