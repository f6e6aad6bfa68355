"""`warta build`'s progress: a Rich bar on a terminal, plain lines elsewhere (CI logs)."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from warta.site.build import BUILT, CACHED, FAILED, FRESH


class ShardProgress:
    """Shards built, taken from the cache and failed, with the elapsed time."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.counts = {BUILT: 0, CACHED: 0, FRESH: 0, FAILED: 0}
        self.total = 0
        self.started = time.perf_counter()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> ShardProgress:
        if self.console.is_terminal:
            self.bar = Progress(TextColumn("Membangun situs"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[detail]}"), TimeElapsedColumn(),
                                console=self.console, transient=True)
            self.bar.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.__exit__(kind, exc, tb)

    def _detail(self) -> str:
        return (f"{self.counts[BUILT]} dibangun, {self.counts[CACHED] + self.counts[FRESH]} dari cache, "
                f"{self.counts[FAILED]} gagal")

    def start(self, total: int) -> None:
        self.total = total
        if self.bar is not None:
            self.task = self.bar.add_task("situs", total=total, detail=self._detail())

    def shard(self, slug: str, state: str) -> None:
        self.counts[state] = self.counts.get(state, 0) + 1
        done = sum(self.counts.values())
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, completed=done, detail=self._detail())
            if state == FAILED:
                self.bar.console.print(f"  [red]{escape(slug)}: {state}[/]")
        elif state in (BUILT, FAILED):  # no terminal: one line per shard actually built
            elapsed = time.perf_counter() - self.started
            self.console.print(f"  [{done}/{self.total}] {escape(slug)}: {state} ({elapsed:.1f} dtk)",
                               markup=state == FAILED, highlight=False)
