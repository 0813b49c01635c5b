"""Reading untrusted YAML: encodings, sizes, and the YAML features refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogmp.diagnostics import Location
from ogmp.errors import InvalidInputError
from ogmp.yamlsource import MAX_BYTES, parse_yaml, read_yaml


def problem_of(call) -> tuple[str, Location | None]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as caught:
        call()
    problem = caught.value.problems[0]
    return problem.message.code, problem.location


def parse_error(text: str) -> tuple[str, Location | None]:
    return problem_of(lambda: parse_yaml(text, "f.yaml"))


def test_scalars_stay_text_and_empty_values_are_none() -> None:
    data, _ = parse_yaml("a: 1\nb: no\nc: 09:30\nd:\ne: ~\nf: 'null'\ng: [1, x]\n", "f.yaml")
    assert data == {
        "a": "1",
        "b": "no",
        "c": "09:30",
        "d": None,
        "e": None,
        "f": "null",
        "g": ["1", "x"],
    }


def test_source_map_records_keys_and_values() -> None:
    _, source = parse_yaml("unit:\n  code: TH-52\nlist:\n  - x: 1\n", "f.yaml")
    assert source.keys[("unit", "code")] == Location(2, 3)
    assert source.values[("unit", "code")] == Location(2, 9)
    assert source.values[("list", 0, "x")] == Location(4, 8)
    # A missing key is located at its parent's key, the line the user must edit.
    assert source.locate(("unit", "name")) == Location(1, 1)
    assert source.locate(("list", 0, "y")) == Location(4, 5)


@pytest.mark.parametrize(
    ("text", "code", "location"),
    [
        ("a:\n\tb: 1\n", "yaml.tab", Location(2, 1)),
        ("a: 1\nb: 2\na: 3\n", "yaml.duplicate_key", Location(3, 1)),
        ('a: "hello\nb: 2\n', "yaml.unclosed_quote", Location(1, 4)),
        ("a:\n  b: 1\n c: 2\n", "yaml.indentation", Location(3, 2)),
        ("a: b: c\n", "yaml.colon_in_text", Location(1, 5)),
        ("a: 1\nb\nc: 2\n", "yaml.missing_colon", Location(2, 1)),
        ("a: &x 1\nb: *x\n", "yaml.alias", Location(1, 4)),
        ("a: !!python/object:os.system x\n", "yaml.tag", Location(1, 4)),
        ("a: 1\n---\nb: 2\n", "yaml.multiple_documents", Location(2, 1)),
        ("a: @x\n", "yaml.indicator_start", Location(1, 4)),
        ("? [a]\n: 1\n", "yaml.complex_key", Location(1, 3)),
    ],
)
def test_syntax_problems_name_the_line(text: str, code: str, location: Location) -> None:
    assert parse_error(text) == (code, location)


def test_alias_bomb_is_refused_before_anything_expands() -> None:
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    assert parse_error(bomb) == ("yaml.alias", Location(1, 4))


def test_self_referencing_alias_is_refused() -> None:
    assert parse_error("a: &a [*a]\n")[0] == "yaml.alias"


@pytest.mark.parametrize("depth", [30, 1_000_000])
def test_deep_nesting_is_refused_without_recursion(depth: int) -> None:
    code, _ = parse_error("a: " + "[" * depth + "]" * depth)
    assert code == "yaml.too_deep"


def test_utf8_with_bom_and_crlf_is_accepted(write) -> None:  # type: ignore[no-untyped-def]
    path = write("bom.yaml", "\ufeffunit:\r\n  name: ลำปาง\r\n".encode())
    document = read_yaml(path)
    assert document.data == {"unit": {"name": "ลำปาง"}}
    assert document.source.values[("unit", "name")] == Location(2, 9)


def test_thai_legacy_encoding_is_refused_with_the_line(write) -> None:  # type: ignore[no-untyped-def]
    path = write("cp874.yaml", "unit: TH-52\nname: จังหวัดลำปาง\n".encode("cp874"))
    assert problem_of(lambda: read_yaml(path)) == ("encoding.thai_legacy", Location(2, 7))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused(write, encoding: str) -> None:  # type: ignore[no-untyped-def]
    path = write("u16.yaml", "unit: TH-52\nname: Lampang\n".encode(encoding))
    assert problem_of(lambda: read_yaml(path))[0] == "encoding.utf16"


def test_binary_junk_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    path = write("junk.yaml", bytes(range(256)) * 4)
    assert problem_of(lambda: read_yaml(path))[0] in {"file.binary", "encoding.utf16"}


def test_invalid_utf8_that_is_not_thai(write) -> None:  # type: ignore[no-untyped-def]
    path = write("latin.yaml", "name: café\n".encode("latin-1"))
    assert problem_of(lambda: read_yaml(path)) == ("encoding.not_utf8", Location(1, 10))


def test_file_over_the_cap_is_refused_without_reading_it(write) -> None:  # type: ignore[no-untyped-def]
    path = write("big.yaml", b"")
    with path.open("wb") as handle:  # 50 MB, sparse: the size alone must be enough
        handle.truncate(50 * 1024 * 1024)
    code, location = problem_of(lambda: read_yaml(path))
    assert (code, location) == ("file.too_large", None)
    assert MAX_BYTES < 50 * 1024 * 1024


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert problem_of(lambda: read_yaml(tmp_path / "nope.yaml"))[0] == "file.not_found"
    assert problem_of(lambda: read_yaml(tmp_path))[0] == "file.not_regular"


def test_special_files_are_not_read() -> None:
    assert problem_of(lambda: read_yaml(Path("/dev/zero")))[0] == "file.not_regular"


def test_sha256_is_of_the_bytes_on_disk(write) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    raw = b"a: 1\r\n"
    assert read_yaml(write("x.yaml", raw)).sha256 == hashlib.sha256(raw).hexdigest()


BAD = Path(__file__).parent / "fixtures" / "bad"


def _first_problem(path: Path) -> tuple[str, Location | None] | None:
    try:
        read_yaml(path)
    except InvalidInputError as error:
        problem = error.problems[0]
        return problem.message.code, problem.location
    return None


@pytest.mark.parametrize("name", sorted(path.name for path in BAD.glob("*.yaml")))
def test_messages_do_not_depend_on_which_yaml_parser_runs(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """LibYAML and PyYAML's own parser word and place their errors differently (and LibYAML
    refuses deep nesting itself since PyYAML 6.0.4): the user sees the same message."""
    import yaml

    from ogmp import yamlsource

    with_libyaml = _first_problem(BAD / name)
    monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    with_python = _first_problem(BAD / name)
    assert with_libyaml == with_python


@pytest.mark.parametrize(
    ("text", "code", "location"),
    [
        ("a:\n  kind\uff1aprovince\n  b: 1\n", "yaml.fullwidth_colon", Location(2, 7)),
        ("a:\n  target:4\n  note: x\n", "yaml.colon_space", Location(2, 10)),
        ("a:\u00a0x\nb: 1\n", "yaml.odd_space", Location(1, 3)),
        ("a:\n\u00a0 b: 1\n", "yaml.odd_space", Location(2, 1)),
        ("a:\n  b\u200bc: 1\n", "yaml.invisible_key", Location(2, 4)),
        ("note: \u201cx: y\u201d\n", "yaml.curly_quote", Location(1, 7)),
        ("a:\n  note: - x\n  b: 1\n", "yaml.indicator_start", Location(2, 9)),
        ("note: *bold* text\n", "yaml.indicator_start", Location(1, 7)),
        ("note: [draft] plan\nb: 1\n", "yaml.indicator_start", Location(1, 7)),
        ("note: > 50% of it\nb: 1\n", "yaml.indicator_start", Location(1, 7)),
        ('file: "evidence\\minutes.pdf"\n', "yaml.backslash", Location(1, 16)),
        ("note: time: 10 am\n", "yaml.colon_in_text", Location(1, 11)),
        ("a: 1\n%b\n", "yaml.reserved_char", Location(2, 1)),
    ],
)
def test_a_typing_mistake_is_named_where_it_was_made(text: str, code: str, location: Location) -> None:
    assert parse_error(text) == (code, location)


def test_a_hashtag_read_as_a_comment_is_found_with_the_line_to_type() -> None:
    from ogmp.yamlsource import YamlDocument, dropped_comments

    text = 'a:\n  note: ลดฝุ่น #PM25 #ไม่เผา\n  title: "x" #y\n  level: 3  # a comment\n  b: c#d\n'
    data, source = parse_yaml(text, "f.yaml")
    found = dropped_comments(YamlDocument(Path("f.yaml"), "f.yaml", data, source, "", text))
    assert [(c.path, c.location, c.dropped, c.fix) for c in found] == [
        (("a", "note"), Location(2, 16), "#PM25 #ไม่เผา", 'note: "ลดฝุ่น #PM25 #ไม่เผา"'),
        (("a", "title"), Location(3, 14), "#y", None),
    ]


def test_an_escape_in_double_quotes_is_a_warning_at_the_backslash(write) -> None:  # type: ignore[no-untyped-def]
    document = read_yaml(write("x.yaml", 'file: "C:\\new.pdf"\nok: "a\\"b"\n'))
    assert document.data == {"file": "C:\new.pdf", "ok": 'a"b'}
    assert [(w.message.code, w.location) for w in document.warnings] == [
        ("yaml.backslash_escape", Location(1, 10))
    ]
