"""A better Thai dictionary for Pango's own line breaking.

Pango breaks Thai lines with libthai, whose dictionary splits compounds and names into their
syllables (ตัว|ชี้|วัด, กรุงเทพ|มหา|นคร). The report's own line breaking
(:mod:`ogmp.report.linebreak`) keeps every word whole whatever Pango does, but each word it has
to protect costs WeasyPrint layout time. So each rendering process first points libthai
(through ``LIBTHAI_DICTDIR``) at its dictionary extended with PyThaiNLP's words and the
programme's compounds: Pango then breaks where PyThaiNLP does, and few words need protecting.

The extended dictionary is built once per machine with the system's libdatrie (through
ctypes, no compiler needed) and kept in the user's cache folder. Where libthai's dictionary or
libdatrie cannot be found, nothing changes: the report is as correct, only slower to lay out.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ogmp.thai import COMPOUNDS

DICTIONARY_FILE = "thbrk.tri"
_SYSTEM_FOLDERS = ("/usr/share/libthai", "/usr/local/share/libthai", "/opt/homebrew/share/libthai")
_THAI_WORD = re.compile("[\u0e01-\u0e4e]+")  # the letters and marks libthai's dictionary holds


@functools.cache
def use_extended_dictionary() -> Path | None:
    """Point this process's libthai at the extended dictionary, building it if need be; the
    folder used, or None where it could not be. Call before the process lays out Thai text:
    libthai reads its dictionary once, at its first line break."""
    system = _system_dictionary()
    if system is None:
        return None
    words = sorted(word for word in _extra_words() if _THAI_WORD.fullmatch(word))
    digest = hashlib.sha256(system.read_bytes() + "\n".join(words).encode("utf-8")).hexdigest()[:16]
    for cache in _cache_folders():
        folder = cache / f"thai-dictionary-{digest}"
        if (folder / DICTIONARY_FILE).is_file() or _build(system, words, folder):
            os.environ["LIBTHAI_DICTDIR"] = str(folder)
            return folder
    return None


def _system_dictionary() -> Path | None:
    folders = [os.environ["LIBTHAI_DICTDIR"]] if os.environ.get("LIBTHAI_DICTDIR") else []
    for folder in [*folders, *_SYSTEM_FOLDERS]:
        path = Path(folder) / DICTIONARY_FILE
        if path.is_file():
            return path
    return None


def _extra_words() -> Iterable[str]:
    from pythainlp.corpus.common import thai_words

    return thai_words() | COMPOUNDS


def _cache_folders() -> list[Path]:
    folders = []
    with contextlib.suppress(RuntimeError):  # no home folder to be found
        folders.append(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ogmp")
    user = getattr(os, "getuid", lambda: "user")()
    return [*folders, Path(tempfile.gettempdir()) / f"ogmp-{user}"]


def _build(system: Path, words: list[str], folder: Path) -> bool:
    """The system dictionary with ``words`` added, saved in ``folder``; False where libdatrie
    is missing or the folder cannot be written."""
    library = _libdatrie()
    if library is None:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".thbrk.", suffix=".tmp")
        os.close(handle)
    except OSError:
        return False
    trie = library.trie_new_from_file(str(system).encode())
    if not trie:
        return False
    try:
        for word in words:
            key = (ctypes.c_uint32 * (len(word) + 1))(*map(ord, word), 0)
            library.trie_store(trie, key, 1)
        saved = library.trie_save(trie, temporary.encode()) == 0
    finally:
        library.trie_free(trie)
    # Read back before use: a dictionary libthai cannot read would leave Thai without breaks.
    check = library.trie_new_from_file(temporary.encode()) if saved else None
    if not check:
        Path(temporary).unlink(missing_ok=True)
        return False
    library.trie_free(check)
    Path(temporary).replace(folder / DICTIONARY_FILE)
    return True


def _libdatrie() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("datrie")
    if name is None:
        return None
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return None
    library.trie_new_from_file.restype = ctypes.c_void_p
    library.trie_new_from_file.argtypes = [ctypes.c_char_p]
    library.trie_store.restype = ctypes.c_int
    library.trie_store.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int32]
    library.trie_save.restype = ctypes.c_int
    library.trie_save.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    library.trie_free.restype = None
    library.trie_free.argtypes = [ctypes.c_void_p]
    return library
