#!/usr/bin/env python3
"""Set up (or print, or verify) Warta's GitHub protection from the roster.

    python scripts/bootstrap_github.py --dry-run [--app-id ID]     # print the plan, no token
    python scripts/bootstrap_github.py --repo ORG/REPO --app-id ID  # apply (WARTA_GITHUB_TOKEN)
    python scripts/bootstrap_github.py --repo ORG/REPO --app-id ID --check  # exit 1 on drift

The plan: one team per agency (kepala, delegates, staff), the admin team, one ruleset on the
default branch with an empty bypass list (PR required, code-owner review, stale approvals
dismissed, approval of the last push, required checks `warta/check` and `warta/persetujuan`
both from the Warta GitHub App, the merge queue instead of up-to-date branches, no force push
or deletion), and one on the data branches (`warta-ledger`, `warta-metrics`) that only the App
may update. `--check` (run daily by the roster workflow) reports any drift, the old forms too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", help="owner/nama (bawaan: <github.org>/warta)")
    parser.add_argument("--app-id", type=int, default=None, help="ID GitHub App Warta")
    parser.add_argument("--root", type=Path, default=ROOT, help="repositori Warta (roster/)")
    parser.add_argument("--base-url", default="https://api.github.com")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="cetak rencana saja")
    mode.add_argument("--check", action="store_true", help="periksa perlindungan yang berlaku")
    args = parser.parse_args(argv)

    from warta.errors import WartaError
    from warta.gate.protection import plan_text
    from warta.roster import load_roster
    from warta.timeutil import now_wib

    roster = load_roster(args.root).roster
    today = now_wib().date()
    repo = args.repo or f"{roster.province.github_org or 'ORG'}/warta"
    if args.dry_run:
        sys.stdout.write(plan_text(roster, repo, args.app_id, today))
        return 0

    from warta.gate import github as gh_api

    try:
        gh = gh_api.connect(gh_api.token_from_env(), args.base_url)
        if args.check:
            problems = gh_api.check_protection(gh, repo, roster, args.app_id, today)
            for problem in problems:
                print(f"galat: {problem}", file=sys.stderr)
            print("Perlindungan sesuai rencana." if not problems else
                  f"{len(problems)} penyimpangan dari rencana.")
            return 1 if problems else 0
        org = roster.province.github_org or repo.split("/")[0]
        for line in gh_api.sync_org_teams(gh, org, roster, today, dry_run=False,
                                          repo_name=repo):
            print(line)
        for line in gh_api.apply_environments(gh, repo):
            print(line)
        print(gh_api.apply_ruleset(gh, repo, args.app_id))
    except gh_api.API_ERRORS as exc:
        print(f"Galat GitHub: {exc}", file=sys.stderr)
        return 1
    except WartaError as exc:
        print(f"Galat: {exc.message}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
