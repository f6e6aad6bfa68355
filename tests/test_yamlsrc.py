"""YAML that expands without bound (anchors/aliases, deep nesting) is refused before expansion."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import POST_A, write
from warta.content import load_post
from warta.roster import load_roster
from warta.yamlsrc import YamlSyntaxError, parse_yaml

REL = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"


def billion_laughs(levels: int = 9) -> str:
    """The classic bomb: 9 levels of 9 aliases each expand to 9**9 (387 million) strings."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(levels):
        name, previous = chr(ord("b") + level), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_in_front_matter_is_refused_fast(sample_repo: Path) -> None:
    bomb = billion_laughs()
    assert len(bomb.encode()) < 500
    write(sample_repo, REL, POST_A.replace("---\nPosyandu", bomb + "---\nPosyandu"))
    roster = load_roster(sample_repo).roster
    started = time.process_time()
    post, findings = load_post(sample_repo, REL, roster)
    assert time.process_time() - started < 0.5  # CPU time; before: minutes
    assert post is None
    [finding] = findings
    assert finding.code == "post-yaml-alias"
    assert finding.line == POST_A.count("\n", 0, POST_A.index("---\nPosyandu")) + 1  # the `a: &a` line
    assert "anchor" in finding.message and "`&a`" in finding.message


def test_alias_in_roster_file_is_a_finding_with_its_line(sample_repo: Path) -> None:
    path = sample_repo / "roster/badan-contoh.yml"
    path.write_text(path.read_text() + "peralatan: *a\n", encoding="utf-8")
    findings = [f for f in load_roster(sample_repo).findings if f.file == "roster/badan-contoh.yml"]
    [finding] = [f for f in findings if f.code == "roster-yaml"]
    assert finding.line == path.read_text().count("\n")
    assert "alias" in finding.message and "`*a`" in finding.message


@pytest.mark.parametrize("text", ["a: &x 1\n", "a: [1, *x]\n", "<<: *base\n"])
def test_any_anchor_or_alias_is_refused(text: str) -> None:
    with pytest.raises(YamlSyntaxError):
        parse_yaml(text)


def test_quoted_ampersand_and_asterisk_are_plain_text() -> None:
    assert parse_yaml('a: "&x *y"\nb: \'*penting*\'\nc: Tom & Jerry\n').data == {
        "a": "&x *y", "b": "*penting*", "c": "Tom & Jerry"}


def test_deep_nesting_is_refused_with_its_line() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("a: 1\nb: " + "[" * 200 + "]" * 200 + "\n", line_offset=10)
    assert caught.value.line == 12
