"""`warta build` progress: a Rich bar on a terminal, one plain line per built shard in CI."""

from __future__ import annotations

import io

from rich.console import Console

from warta.commands.progress import ShardProgress
from warta.site.build import BUILT, CACHED, FAILED, FRESH


def run(console: Console) -> None:
    with ShardProgress(console) as progress:
        progress.start(4)
        for slug, state in (("a", FRESH), ("b", CACHED), ("c", BUILT), ("d", FAILED)):
            progress.shard(slug, state)


def test_plain_lines_without_a_terminal() -> None:
    out = io.StringIO()
    run(Console(file=out, force_terminal=False, width=200))
    lines = out.getvalue().splitlines()
    assert [line.split(" (")[0].strip() for line in lines] == ["[3/4] c: dibangun", "[4/4] d: gagal"]
    assert all(line.endswith("dtk)") for line in lines)


def test_bar_on_a_terminal_counts_built_cached_failed() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=200)
    with ShardProgress(console) as progress:
        progress.start(4)
        for slug, state in (("a", FRESH), ("b", CACHED), ("c", BUILT), ("d", FAILED)):
            progress.shard(slug, state)
        assert progress.bar is not None
        progress.bar.refresh()
    text = out.getvalue()
    assert "4/4" in text and "1 dibangun, 2 dari cache, 1 gagal" in text and "d: gagal" in text
