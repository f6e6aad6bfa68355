"""Shard groups for the publish workflow's build matrix: `python -m warta.deploy.matrix N`.

Prints `groups=<JSON>` for $GITHUB_OUTPUT: N lists of agency slugs balanced by the number
of files in each agency's content folder (largest first, each to the lightest group).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from warta.project import find_root
from warta.roster import load_roster


def shard_groups(root: Path, count: int) -> list[list[str]]:
    slugs = load_roster(root).roster.slugs()
    weight = {s: sum(len(f) for _, _, f in os.walk(root / "content" / s)) + 1 for s in slugs}
    groups: list[list[str]] = [[] for _ in range(max(1, min(count, len(slugs))))]
    load = [0] * len(groups)
    for slug in sorted(slugs, key=lambda s: (-weight[s], s)):
        lightest = load.index(min(load))
        groups[lightest].append(slug)
        load[lightest] += weight[slug]
    return [sorted(g) for g in groups if g]


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv and argv[0].isdigit() else 4
    print("groups=" + json.dumps([" ".join(g) for g in shard_groups(find_root(), count)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
