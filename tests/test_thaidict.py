"""Pango's Thai dictionary, extended: built once into the cache, then used by Pango itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ogmp.report import thaidict

needs_libthai = pytest.mark.skipif(
    thaidict._system_dictionary() is None or thaidict._libdatrie() is None,
    reason="libthai's dictionary or libdatrie is not installed",
)

PANGO_BREAKS = """
import sys
from ogmp.report.thaidict import use_extended_dictionary
folder = use_extended_dictionary() if sys.argv[1] == "extended" else None
from weasyprint.text.line_break import get_log_attrs
text = "ตัวชี้วัดองค์ประกอบกรุงเทพมหานคร"
attributes = get_log_attrs(text, "th")
print(folder)
print("|".join(text[a:b] for a, b in zip([0, *[i for i in range(1, len(text)) if attributes[i].is_line_break]],
      [*[i for i in range(1, len(text)) if attributes[i].is_line_break], len(text)])))
"""


def pango_words(tmp_path: Path, mode: str) -> tuple[str, str]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    environment.pop("LIBTHAI_DICTDIR", None)
    result = subprocess.run(
        [sys.executable, "-c", PANGO_BREAKS, mode],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    folder, words = result.stdout.splitlines()
    return folder, words


@needs_libthai
def test_pango_keeps_the_programme_words_whole_with_the_extended_dictionary(tmp_path: Path) -> None:
    _, plain = pango_words(tmp_path, "plain")
    assert "ตัว|ชี้|วัด" in plain  # what libthai's own dictionary does
    folder, extended = pango_words(tmp_path, "extended")
    assert extended == "ตัวชี้วัด|องค์ประกอบ|กรุงเทพมหานคร"
    assert Path(folder).parent == tmp_path / "ogmp" and (Path(folder) / "thbrk.tri").is_file()
    # A second process finds it built.
    before = (Path(folder) / "thbrk.tri").stat().st_mtime_ns
    assert pango_words(tmp_path, "extended")[0] == folder
    assert (Path(folder) / "thbrk.tri").stat().st_mtime_ns == before


def test_without_libdatrie_nothing_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thaidict, "_libdatrie", lambda: None)
    assert thaidict._build(Path("/usr/share/libthai/thbrk.tri"), ["ตัวชี้วัด"], tmp_path / "d") is False
    assert not (tmp_path / "d" / "thbrk.tri").exists()


@needs_libthai
def test_a_folder_that_cannot_be_written_is_passed_over(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    system = thaidict._system_dictionary()
    assert system is not None
    assert thaidict._build(system, ["ตัวชี้วัด"], blocked / "d") is False
