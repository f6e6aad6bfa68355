"""Author-controlled text in the evaluation tables, which skip the body sanitiser (Warta's own SVG)."""

from __future__ import annotations

import markdown

from warta.metrics.render import markdown_cell


def test_an_author_title_never_becomes_a_link_or_markup_in_a_table_cell() -> None:
    hostile = "[klik](javascript:alert(1)) <img src=x onerror=alert(1)> a|b \\[x\\](y)"
    table = f"| judul |\n| --- |\n| {markdown_cell(hostile)} |\n"
    html = markdown.markdown(table, extensions=["tables"])
    assert "<a" not in html and "<img" not in html and "javascript:" not in html.split("[klik]")[0]
    assert "[klik](javascript:alert(1))" in html  # shown as the text the author wrote
    assert html.count("<td>") == 1  # the pipe stays inside the cell
