"""The websites: each agency's MkDocs site built as a shard, and the province portal.

Everything MkDocs-specific lives in this package (mostly in `engine` and `config`), so
moving to another engine (e.g. Zensical) is a change here only.
"""

from __future__ import annotations

from warta.site.build import BuildResult, build_site

__all__ = ["BuildResult", "build_site"]
