"""Thai line breaking for the reports: no line break inside a Thai word, compound or name.

Thai has no spaces between words, so the layout engine (Pango in WeasyPrint, the browser for
the HTML report) guesses where a line may break with its own dictionary, and splits compounds
and names it does not know: พระ|ราชบัญญัติ, กรุงเทพ|มหานคร. Before layout, every Thai word of
the report's text, as PyThaiNLP's dictionary tokeniser cuts it with a dictionary extended by
the programme's terms and the catalogues' names, is put in a ``<span class="nobr">`` the line
may not break inside, with a ``<wbr>`` between two words where it may. Neither adds a
character: text copied from the PDF or the page, and search in it, find the text as written.

Figures stay with their word (``พ.ศ. 2540``, ``มาตรา 77``), a name with its parenthesised
abbreviation (``สำนักงานพัฒนารัฐบาลดิจิทัล (สพร.)``), and a heading's last word with the one
before it, so that no syllable stands alone on a heading's last line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from ogmp.models.catalogue import Catalogues
from ogmp.models.rubric import Rubric
from ogmp.report.thaidict import use_extended_dictionary
from ogmp.thai import COMPOUNDS, THAI_MONTHS, segment

NO_BREAK_CLASS = "nobr"

_THAI = re.compile("[\u0e01-\u0e5b]")
_SKIPPED = re.compile(r"(?is)<(style|script|svg|title|head)\b.*?</\1\s*>")
_TEXT = re.compile(r">([^<>]+)(?=<(/?)([a-zA-Z0-9]*))")
_HEADING_END = re.compile(r"h[1-6]", re.IGNORECASE)
# Words a figure after them stays with (พ.ศ. 2540, มาตรา 77, ร้อยละ 41), and how short an
# abbreviation in brackets is to stay with the word before it (กรมควบคุมมลพิษ (คพ.)).
_BEFORE_FIGURE = frozenset(
    {
        "พ.ศ.",
        "ค.ศ.",
        "มาตรา",
        "ฉบับที่",
        "ครั้งที่",
        "ข้อ",
        "ระดับ",
        "อันดับที่",
        "ร้อยละ",
        "ปีงบประมาณ",
        "ปี",
        "องค์ประกอบที่",
        "ตัวชี้วัด",
        "หน้า",
    }
)
_MONTHS = frozenset(THAI_MONTHS)
_FIGURE = re.compile(r"[0-9๐-๙]")
_ABBREVIATION = re.compile(r"\([^()\s]{1,12}\)\S*")
_ABBREVIATION_INSIDE = re.compile(r"(\([^()\s]{1,12}\))")
_LONGEST_TERM = 24  # longer names may still break between their own words in a narrow cell


def report_terms(catalogues: Catalogues, rubric: Rubric | None = None) -> frozenset[str]:
    """The words a report's lines must not break inside, beyond the general dictionary: the
    programme's compounds, the names of provinces, kinds of unit and their offices, bodies and
    places in the catalogues, and the rubric's names of principles, drivers and levels."""
    names: list[str] = [
        *(province.as_unit.th for province in catalogues.provinces.provinces),
        *(province.name.th for province in catalogues.provinces.provinces),
        *(kind.name.th for kind in catalogues.units.kinds),
        *(actor for kind in catalogues.units.kinds for actor in kind.actors.th),
        *(region.name.th for region in catalogues.provinces.regions),
        *(practice.by.th for practice in catalogues.practices.practices if practice.by is not None),
        *(practice.where.th for practice in catalogues.practices.practices if practice.where is not None),
        *(country.name.th for country in catalogues.indices.countries),
    ]
    if rubric is not None:
        names += [principle.name.th for principle in rubric.principles]
        names += [driver.name.th for driver in rubric.drivers]
        names += [level.th for level in rubric.levels.values()]
        names += [stage.name.th for stage in rubric.stages]
    return COMPOUNDS | frozenset(_words_of(names))


def _words_of(names: Iterable[str]) -> Iterable[str]:
    # A name with spaces is several words; each short enough one is a term.
    for name in names:
        for word in name.split():
            if _THAI.search(word) and len(word) <= _LONGEST_TERM and "(" not in word:
                yield word


Breaks = Callable[[str], frozenset[int]]
"""Where the layout engine itself would break a text: the offsets it may break before."""


def break_thai_lines(html: str, terms: frozenset[str], *, for_weasyprint: bool = False) -> str:
    """``html`` with its Thai words kept whole and break opportunities between them.

    For WeasyPrint, whose layout slows with every inline box, only the words Pango would break
    inside are wrapped, and a ``<wbr>`` goes only where Pango would not break by itself: the
    same lines with a third of the markup. For a browser, every word and every break is marked.
    """
    if not _THAI.search(html):
        return html
    parts: list[str] = []
    position = 0
    for skipped in _SKIPPED.finditer(html):
        parts.append(_break_text_nodes(html[position : skipped.start()], terms, for_weasyprint))
        parts.append(skipped.group(0))
        position = skipped.end()
    parts.append(_break_text_nodes(html[position:], terms, for_weasyprint))
    return "".join(parts)


def _break_text_nodes(fragment: str, terms: frozenset[str], for_weasyprint: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        text = match.group(1)
        if not _THAI.search(text):
            return match.group(0)
        heading_end = match.group(2) == "/" and bool(_HEADING_END.fullmatch(match.group(3)))
        return ">" + _broken_text(text, terms, heading_end, for_weasyprint)

    return _TEXT.sub(replace, fragment)


@functools.lru_cache(maxsize=16384)
def _broken_text(text: str, terms: frozenset[str], heading: bool, for_weasyprint: bool) -> str:
    # A report repeats many texts (level names, labels, the rubric's names), and a worker's
    # reports share most of them: each is cut once per process. A text is always cut the same
    # way (the dictionaries stay the same within a process), so this changes no output.
    breaks = _pango_breaks() if for_weasyprint else None
    return break_text(text, _segmenter(terms), heading=heading, breaks=breaks)


def break_text(
    text: str, segment: Callable[[str], list[str]], *, heading: bool = False, breaks: Breaks | None = None
) -> str:
    """One text node (already HTML-escaped) with its Thai words kept whole. With ``breaks``,
    marks only what the layout engine would get wrong."""
    pieces = _kept_together(_words(text, segment))
    if heading:
        pieces = _last_two_together(pieces)
    engine = breaks(text) if breaks is not None else None
    out: list[str] = []
    previous, previous_wrapped = "", False
    offset = 0
    for piece, whole in pieces:
        start, offset = offset, offset + len(piece)
        if piece.isspace():
            out.append(piece)
            previous, previous_wrapped = piece, False
            continue
        if whole and engine is not None:
            whole = any(start < point < offset for point in engine)
        meeting = (
            previous and not previous.isspace() and _THAI.search(previous[-1]) and _THAI.search(piece[0])
        )
        # For WeasyPrint a kept word is an inline block (report.css), which a line may break
        # before and after like an ideograph; between two plain words only where Pango would not.
        beside_kept = whole or previous_wrapped
        if meeting and (engine is None or (not beside_kept and start not in engine)):
            out.append("<wbr>")
        out.append(f'<span class="{NO_BREAK_CLASS}">{piece}</span>' if whole else piece)
        previous, previous_wrapped = piece, whole
    return "".join(out)


def _kept_together(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Pieces with a figure joined to the word before it and a short abbreviation in brackets
    joined to the name before it, each with the space between them."""
    out: list[tuple[str, bool]] = []
    for piece in pieces:
        if len(out) >= 2 and out[-1][0] == " " and not out[-2][0].isspace():
            word = out[-2][0]
            before = word.lstrip("(")
            # a figure after its word or a month (15 มิถุนายน 2564), a month after its day
            figure = (before in _BEFORE_FIGURE or before.split(" ")[-1] in _MONTHS) and _FIGURE.match(
                piece[0]
            )
            date = piece[0] in _MONTHS and _FIGURE.fullmatch(word[-1])
            if figure or date or _ABBREVIATION.fullmatch(piece[0]):
                out[-2:] = [(word + " " + piece[0], True)]
                continue
        out.append(piece)
    return out


def _words(text: str, segment: Callable[[str], list[str]]) -> list[tuple[str, bool]]:
    """``text`` cut into words and the spaces between them, each Thai word (of more than three
    letters, which a line could break inside) marked to be kept whole."""
    if not text:
        return []
    if not _THAI.search(text):
        return [(token, False) for token in re.split(r"(\s+)", text) if token]
    words: list[tuple[str, bool]] = []
    for chunk in _ABBREVIATION_INSIDE.split(text):
        if not chunk:
            continue
        tokens = [chunk] if _ABBREVIATION_INSIDE.fullmatch(chunk) else segment(chunk)
        for token in tokens:
            # A word of four letters or more may be broken inside; one longer than a term
            # (a body's full name the dictionary holds as one word) must still break somewhere.
            whole = 3 < len(token) <= _LONGEST_TERM and bool(_THAI.search(token)) and not token.isspace()
            if words and not token.isspace() and not words[-1][0].isspace():
                last, kept = words[-1]
                # Only two Thai words meet at a break: "100:" or "OG&amp;MP" stays whole.
                if not (_THAI.search(last[-1]) and _THAI.search(token[0])):
                    words[-1] = (last + token, kept or whole or bool(_THAI.search(token)))
                    continue
            words.append((token, whole))
    return words


def _last_two_together(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    # The last word of a heading goes to the next line only with the word before it.
    words = [i for i, (piece, _) in enumerate(pieces) if not piece.isspace()]
    if len(words) < 2:
        return pieces
    first, last = words[-2], words[-1]
    together = "".join(piece for piece, _ in pieces[first : last + 1])
    return [*pieces[:first], (together, True), *pieces[last + 1 :]]


@functools.cache
def _pango_breaks() -> Breaks | None:
    """Pango's own line breaks, as WeasyPrint computes them; None where this WeasyPrint does
    not expose them (every word and break is then marked)."""
    try:
        from weasyprint.text.line_break import get_log_attrs
    except ImportError:  # pragma: no cover - an older or newer WeasyPrint
        return None
    use_extended_dictionary()  # before Pango's first Thai break in this process

    def breaks(text: str) -> frozenset[int]:
        attributes = get_log_attrs(text, "th")
        return frozenset(i for i in range(1, len(text)) if attributes[i].is_line_break)

    return breaks


@functools.lru_cache(maxsize=8)
def _segmenter(terms: frozenset[str]) -> Callable[[str], list[str]]:
    return functools.partial(segment, terms=terms)
