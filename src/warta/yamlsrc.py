"""YAML with line numbers, so every finding can point at the offending key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """Parsed YAML data plus the 1-based line of every mapping key and sequence item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    line_offset: int = 0

    def line(self, *path: str | int) -> int:
        """Line of the deepest known prefix of `path` (1 when nothing matches)."""
        while path:
            if path in self.lines:
                return self.lines[path] + self.line_offset
            path = path[:-1]
        return 1 + self.line_offset


def as_mapping(value: Any) -> dict[str, Any]:
    """The value when it is a mapping, else an empty one (the schema reports the type)."""
    return value if isinstance(value, dict) else {}


# PyYAML's problems, said so that a non-programmer can act on them.
_PROBLEMS = (
    ("mapping values are not allowed", "ada tanda titik dua (:) di tempat yang tidak semestinya"),
    ("found character '\\t'", "ada karakter Tab; ganti dengan spasi"),
    ("found character that cannot start any token",
     "ada karakter yang tidak boleh mengawali nilai (Tab, `@` atau tanda petik terbalik); ganti Tab dengan "
     "spasi atau apit nilainya dengan tanda kutip"),
    ("did not find expected key", "indentasi (jumlah spasi di awal baris) tidak konsisten"),
    ("expected ',' or ']'", "daftar `[...]` belum ditutup dengan `]`"),
    ("expected ',' or '}'", "`{...}` belum ditutup dengan `}`"),
    ("could not find expected ':'", "baris tanpa tanda titik dua (:) setelah nama kunci"),
    ("found unexpected end of stream", "tanda kutip belum ditutup"),
    ("found undefined alias", "ada tanda `*` di awal nilai; apit nilainya dengan tanda kutip"),
    ("expected <block end>, but found", "indentasi (jumlah spasi di awal baris) tidak konsisten"),
    ("exceeded maximum nesting depth", "terlalu banyak tingkat `[`/`{` bersarang"),
    ("did not find expected node content",
     "nilai yang diharapkan tidak ada (misalnya `[` atau `{` yang belum ditutup, atau baris yang terpotong)"),
)


def _indonesian(problem: str) -> str:
    for english, indonesian in _PROBLEMS:
        if english in problem:
            return indonesian
    return problem


class YamlSyntaxError(Exception):
    def __init__(self, line: int, problem: str, *, expansion: bool = False) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem
        self.expansion = expansion  # an anchor, alias or deep nesting refused before composing


# libyaml when the installed PyYAML has it (about five times faster); marks and errors are the same.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _no_duplicates(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"kunci '{key}' muncul dua kali", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def _collect_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_path = (*path, key_node.value)
                lines[key_path] = key_node.start_mark.line + 1
                _collect_lines(value_node, key_path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            item_path = (*path, index)
            lines[item_path] = item.start_mark.line + 1
            _collect_lines(item, item_path, lines)


# Anchors and aliases let a few hundred bytes expand into billions of nodes ("billion
# laughs"); nothing Warta reads needs them, so they are refused while scanning tokens,
# before anything is composed or expanded. Deep nesting is refused there too (libyaml stops
# at 1000 levels, the pure-Python loader would hit Python's recursion limit first).
MAX_DEPTH = 64
_OPEN = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
         yaml.FlowSequenceStartToken)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _refuse_expansion(text: str) -> None:
    loader = _Loader(text)
    try:
        depth = 0
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                kind = "anchor" if sign == "&" else "alias"
                raise YamlSyntaxError(
                    token.start_mark.line + 1,
                    f"ada {kind} YAML `{sign}{token.value}`; Warta tidak menerima anchor (`&`) dan alias "
                    f"(`*`). Tulis nilainya langsung, atau apit nilainya dengan tanda kutip bila `{sign}` "
                    "memang bagian dari teks", expansion=True)
            if isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlSyntaxError(token.start_mark.line + 1,
                                          f"lebih dari {MAX_DEPTH} tingkat bersarang; sederhanakan strukturnya",
                                          expansion=True)
            elif isinstance(token, _CLOSE):
                depth -= 1
    finally:
        loader.dispose()  # type: ignore[no-untyped-call]


def parse_yaml(text: str, *, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document; raise YamlSyntaxError with the 1-based line on bad input.

    Anchors, aliases and deep nesting are refused before composing (bounded time and memory)."""
    try:
        try:
            _refuse_expansion(text)
        except YamlSyntaxError as exc:
            raise YamlSyntaxError(exc.line + line_offset, exc.problem, expansion=True) from None
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()  # type: ignore[no-untyped-call]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "end of stream" in (exc.problem or ""):
            mark = exc.context_mark  # an unclosed quote: point at where it was opened
        line = (mark.line + 1 if mark else 1) + line_offset
        raise YamlSyntaxError(line, _indonesian(exc.problem or str(exc))) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1 + line_offset, str(exc)) from None
    lines: dict[Path_, int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return YamlDoc(data, lines, line_offset)
