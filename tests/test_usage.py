"""The language the command line's own usage errors are told in."""

from __future__ import annotations

import pytest

from ogmp.usage import message_language


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        ([], None, "th"),
        ([], "en", "en"),
        ([], "EN ", "en"),
        ([], "both", "th"),
        (["validate", "--lang", "en"], None, "en"),
        (["validate", "--lang=en"], None, "en"),
        (["validate", "--lang", "en", "x", "--lang", "th"], "en", "th"),  # the last one counts
        (["validate", "--", "--lang", "en"], None, "th"),  # after --, a file name
        (["validate", "--lang"], "en", "en"),  # no value yet: the environment's
    ],
)
def test_the_language_asked_for_by_option_or_environment(
    monkeypatch: pytest.MonkeyPatch, args: list[str], env: str | None, lang: str
) -> None:
    monkeypatch.delenv("OGMP_LANG", raising=False)
    if env is not None:
        monkeypatch.setenv("OGMP_LANG", env)
    assert message_language(args) == lang
