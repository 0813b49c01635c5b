"""An exact text layer for WeasyPrint 70 PDFs (Thai SARA AM and other multi-glyph clusters).

The defect (Kozea/WeasyPrint issue 2841, open; fix proposed in pull request 2869):
WeasyPrint maps each glyph to Unicode once, first come first served, from the text
between its own cluster offset and the next glyph's. HarfBuzz draws SARA AM (ำ) as
two glyphs, NIKHAHIT and SARA AA, so NIKHAHIT gets "" and SARA AA gets "ำ"; from then
on every plain SARA AA (า) in the document extracts as "ำ": "ลำปาง" -> "ลำปำง".

The fix follows PR 2869: every distinct (glyph, text) pair gets its own glyph id. The
first glyph drawn of a cluster carries the cluster's whole text, the cluster's other
glyphs carry none. A glyph keeps its own id for the first text it is drawn with; a
later, different text gets a new id past the font's glyphs, and the embedded font
gains a composite glyph at that id drawing the original. Character codes stay equal
to glyph ids (Identity-H), so ToUnicode is exact for every code and pdftotext, pypdf
and pdfminer.six all read the text that was typeset. WeasyPrint's ids for missing
glyphs become composites of .notdef the same way, so no PDF needs an encoding CMap
(which pypdf and pdfminer.six cannot read).

How it hooks in (wrappers only, no copied WeasyPrint code):

* ``draw.text.draw_first_line``: before WeasyPrint draws a line, glyph ids in Pango's
  glyph strings are swapped for the ids above (and restored afterwards), with their
  text and width registered on the font;
* ``pdf.fonts.Font.get_unused_glyph_id``: missing glyphs and new ids share one range;
* ``pdf.fonts.Font.subset``: ids past the font's glyphs are kept out of subsetting;
* ``pdf.fonts.Font.clean``: after subsetting, the new ids are added to the font program;
* ``pdf.fonts._build_vector_font_dictionary``: such fonts are written with Identity-H.

Fonts without TrueType outlines (CFF) keep upstream's mapping. To drop this module once
upstream is fixed: delete it and its ``install()`` call in ``ogmp.report.render``;
``tests/test_textlayer.py::test_upstream_still_has_the_defect`` starts failing on the
WeasyPrint release that fixes the defect.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

SUPPORTED_WEASYPRINT = ("70.0",)

_installed = False


class UnsupportedWeasyPrint(RuntimeError):
    """The installed WeasyPrint is not the version this fix was written and tested for."""


def install() -> None:
    """Patch WeasyPrint in this process; safe to call many times."""
    global _installed
    if _installed:
        return
    import weasyprint
    import weasyprint.draw.text as draw_text
    import weasyprint.pdf.fonts as pdf_fonts

    if weasyprint.__version__ not in SUPPORTED_WEASYPRINT:
        raise UnsupportedWeasyPrint(
            f"ogmp's text-layer fix is written for WeasyPrint {', '.join(SUPPORTED_WEASYPRINT)};"
            f" found {weasyprint.__version__}"
        )
    font_class = pdf_fonts.Font
    draw_text.draw_first_line = _drawing_with_identities(draw_text.draw_first_line)
    font_class.get_unused_glyph_id = _shared_unused_ids(font_class.get_unused_glyph_id)
    font_class.subset = _subset_real_glyphs(font_class.subset)
    font_class.clean = _clean_then_add_glyphs(font_class.clean)
    pdf_fonts._build_vector_font_dictionary = _identity_encoding(pdf_fonts._build_vector_font_dictionary)
    _installed = True


def _aliases(font: Any) -> dict[int, int]:
    """New glyph id -> the glyph it draws, for one font of one document."""
    aliases: dict[int, int] = font.__dict__.setdefault("_ogmp_aliases", {})
    return aliases


# A glyph that draws a mark carried by its base (no advance, no text of its own) gets a
# width in the PDF and in its added glyph, so that extractors grouping characters by
# their boxes (pdfminer.six) do not read two zero-width characters in a row as a line
# break, or the gap after a mark as a space. WeasyPrint cancels a glyph's width with the
# TJ adjustment it writes after it, truncated with int(); the width is chosen so that the
# truncation, and so every glyph position, stays exactly as without it (see mark_width).
TEXTLESS_MARK_WIDTH = 250


def mark_width(real_width: int, offset: float) -> int:
    """The width (thousandths of an em) to give a textless mark drawn at ``offset``.

    WeasyPrint moves the pen after a glyph by ``offset + width - int(width + offset)``;
    that is the same for the mark's real width and for the returned one exactly when
    ``width + offset`` keeps its sign. A mark pulled back by ``offset < 0`` gets
    ``floor(-offset)``: its box then ends where the pen is, which is also what
    extractors need.
    """
    if real_width + offset < 0:
        return max(real_width, math.floor(-offset))
    return max(real_width, TEXTLESS_MARK_WIDTH)


def _extensible(font: Any) -> bool:
    """Whether glyphs can be added to the font program (TrueType outlines)."""
    return "glyf" in font.tables and not font.bitmap and not font.png and not font.svg and not font.colr


def _next_free_id(font: Any) -> int:
    return int(font.glyph_count + len(font.missing) + len(_aliases(font)))


# --- drawing ------------------------------------------------------------------------


def _drawing_with_identities(original: Callable[..., Any]) -> Callable[..., Any]:
    from weasyprint.text.ffi import pango

    def draw_first_line(
        stream: Any, textbox: Any, text_overflow: str, block_ellipsis: str, matrix: Any
    ) -> Any:
        # Lines WeasyPrint rewrites while drawing (ellipsis) keep upstream's mapping.
        if (
            text_overflow == "ellipsis"
            or block_ellipsis != "none"
            or not textbox.text.strip()
            or textbox.style["font_size"] < 1e-6
        ):
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        # WeasyPrint sets this before reading the line; setting it first keeps Pango
        # from laying the line out again, which would discard the swapped ids.
        pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)
        first_line, _ = textbox.pango_layout.get_first_line()
        swapped = _assign_ids(stream, textbox, first_line)
        try:
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        finally:
            for glyph_info, glyph_id in swapped:
                glyph_info.glyph = glyph_id

    return draw_first_line


def _assign_ids(stream: Any, textbox: Any, line: Any) -> list[tuple[Any, int]]:
    """Give each glyph of ``line`` the id of its (glyph, text) pair; return what was swapped."""
    from weasyprint.text.ffi import ffi, pango

    utf8 = textbox.pango_layout.text.encode()
    swapped: list[tuple[Any, int]] = []
    run = line.runs
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        item = glyph_item.item
        font, font_size = stream.add_font(item.analysis.font)
        if not _extensible(font):
            continue
        if pango.pango_version() < 14802:
            font_size = textbox.style["font_size"]
        glyphs = glyph_item.glyphs
        # Each glyph's C struct is read once: these loops run for every glyph of a report.
        infos = [glyphs.glyphs[i] for i in range(glyphs.num_glyphs)]
        geometries = [info.geometry for info in infos]
        texts = glyph_texts(
            utf8[item.offset : item.offset + item.length],
            clusters=list(ffi.unpack(glyphs.log_clusters, glyphs.num_glyphs)),
            advances=[geometry.width for geometry in geometries],
            drawn=[
                not (glyph == pango.PANGO_GLYPH_EMPTY or glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG)
                for glyph in (info.glyph for info in infos)
            ],
            right_to_left=bool(item.analysis.level % 2),
        )
        for info, geometry, text in zip(infos, geometries, texts, strict=True):
            if text is None:
                continue
            glyph_id = info.glyph
            real = _real_width(font, glyph_id, stream, item.analysis.font, font_size)
            width = None
            if not text and geometry.width == 0:
                width = mark_width(real, geometry.x_offset / font_size)  # offset as WeasyPrint computes it
            new_id = _id_for(font, glyph_id, text, width)
            if new_id != glyph_id:
                swapped.append((info, glyph_id))
                info.glyph = new_id
    return swapped


def glyph_texts(
    utf8: bytes, *, clusters: list[int], advances: list[int], drawn: list[bool], right_to_left: bool
) -> list[str | None]:
    """The text each glyph of a run carries in the text layer (None: leave it alone).

    Pure: takes the run's UTF-8 text, each glyph's cluster offset and advance, and
    whether the glyph is drawn (not empty, not missing). Every character of the run
    ends up on exactly one glyph, in order, and on a glyph that advances whenever the
    cluster has one, so that extractors see no gaps: a cluster's text goes on its first
    advancing glyph (SARA AA for SARA AM), and a cluster that starts with combining marks
    gives them to the advancing glyph before it (so "ปั้น" reads as "ปั้" + "น", not as
    loose marks). Right-to-left runs keep one text per cluster on its first glyph.
    """
    count = len(clusters)
    starts = sorted(set(clusters))
    ends = {start: (starts[k + 1] if k + 1 < len(starts) else len(utf8)) for k, start in enumerate(starts)}
    texts: list[str | None] = [None if not drawn[i] else "" for i in range(count)]
    logical = range(count - 1, -1, -1) if right_to_left else range(count)
    groups: list[tuple[int, list[int]]] = []
    for i in logical:
        if groups and groups[-1][0] == clusters[i]:
            groups[-1][1].append(i)
        else:
            groups.append((clusters[i], [i]))
    previous: int | None = None  # the last advancing glyph, to take trailing marks
    for start, members in groups:
        text = utf8[start : ends[start]].decode("utf-8", "replace")
        visible = [i for i in sorted(members) if drawn[i]]
        if not visible:
            if previous is not None and texts[previous] is not None:
                texts[previous] = f"{texts[previous]}{text}"  # zero-width characters, e.g. U+200B
            continue
        if not right_to_left and previous is not None:
            marks = len(text) - len(text.lstrip(_COMBINING))
            if marks:
                texts[previous] = f"{texts[previous]}{text[:marks]}"
                text = text[marks:]
        advancing = [i for i in visible if advances[i] > 0]
        carrier = advancing[0] if advancing else visible[0]
        texts[carrier] = f"{texts[carrier]}{text}"
        if advancing:
            previous = advancing[-1]
    return texts


_COMBINING = "".join(chr(code) for code in range(0x0300, 0x0370)) + "".join(
    chr(code) for code in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))
)


def _real_width(font: Any, glyph_id: int, stream: Any, pango_font: Any, font_size: float) -> int:
    """The glyph's width as WeasyPrint records it (thousandths of an em)."""
    if glyph_id not in font.widths:
        from weasyprint.text.ffi import FROM_UNITS, pango

        pango.pango_font_get_glyph_extents(pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
        font.widths[glyph_id] = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
    width: int = font.widths[glyph_id]
    return width


def _id_for(font: Any, glyph_id: int, text: str, width: int | None) -> int:
    """The glyph id that draws ``glyph_id``, extracts as ``text`` and, when ``width`` is
    given (a textless mark), has that width."""
    ids: dict[tuple[int, str, int | None], int] = font.__dict__.setdefault("_ogmp_ids", {})
    key = (glyph_id, text, width)
    known = ids.get(key)
    if known is not None:
        return known
    current = font.to_unicode.get(glyph_id)
    if width is None and (current is None or current == text):
        font.to_unicode[glyph_id] = text
        ids[key] = glyph_id
        return glyph_id
    new_id = _next_free_id(font)
    if new_id > 0xFFFF:
        return glyph_id  # the font is full: keep upstream's (imperfect) mapping for this pair
    _aliases(font)[new_id] = glyph_id
    ids[key] = new_id
    font.to_unicode[new_id] = text
    font.widths[new_id] = font.widths[glyph_id] if width is None else width
    return new_id


# --- fonts ----------------------------------------------------------------------------


def _shared_unused_ids(original: Callable[..., Any]) -> Callable[..., Any]:
    def get_unused_glyph_id(self: Any, codepoint: int) -> Any:
        if codepoint not in self.missing and _extensible(self):
            self.missing[codepoint] = min(_next_free_id(self), 0xFFFF)
        return original(self, codepoint)

    return get_unused_glyph_id


def _subset_real_glyphs(original: Callable[..., Any]) -> Callable[..., Any]:
    def subset(self: Any, to_unicode: dict[int, str], hinting: Any) -> Any:
        # Ids past the font's glyphs (ours and WeasyPrint's missing-glyph ids) name no
        # glyph of the font; the glyphs they draw must be kept instead.
        kept = {glyph_id: text for glyph_id, text in to_unicode.items() if glyph_id < self.glyph_count}
        for source in _aliases(self).values():
            kept.setdefault(source, "")
        return original(self, kept, hinting)

    return subset


def _clean_then_add_glyphs(original: Callable[..., Any]) -> Callable[..., Any]:
    def clean(self: Any, to_unicode: dict[int, str], hinting: Any) -> Any:
        result = original(self, to_unicode, hinting)
        extra = {new_id: (source, self.widths[new_id]) for new_id, source in _aliases(self).items()}
        extra.update({glyph_id: (0, self.widths.get(glyph_id, 0)) for glyph_id in self.missing.values()})
        if extra and _extensible(self):
            self.file_content = add_composite_glyphs(self.file_content, extra, font_number=self.index)
            self.__dict__["_ogmp_extended"] = True
        return result

    return clean


def add_composite_glyphs(
    font_file: bytes, extra: dict[int, tuple[int, int]], *, font_number: int = 0
) -> bytes:
    """``font_file`` with a glyph at each id of ``extra`` drawing the glyph it names.

    ``extra`` maps each new id to (the glyph it draws, its advance in thousandths of an
    em, as written in the PDF's width array, so that both agree). Ids between the font's
    last glyph and the new ones get empty glyphs. Each new glyph is a composite of one
    component at offset 0.
    """
    import io

    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

    font = TTFont(io.BytesIO(font_file), fontNumber=font_number, lazy=False)
    units_per_em = font["head"].unitsPerEm
    order = font.getGlyphOrder()
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    last = max(extra)
    added: list[tuple[str, Any]] = []
    for glyph_id in range(len(order), last + 1):
        name = f"ogmp{glyph_id}"
        order.append(name)
        target, width = extra.get(glyph_id, (None, 0))
        advance = round(width * units_per_em / 1000)
        glyph = Glyph()
        if target is None or target >= len(order) or target in extra:
            glyph.numberOfContours = 0
            hmtx[name] = (advance, 0)
        else:
            source = order[target]
            component = GlyphComponent()
            component.glyphName = source
            component.x = component.y = 0
            component.flags = 0x0004  # round the offset to the grid
            glyph.numberOfContours = -1
            glyph.components = [component]
            hmtx[name] = (advance, hmtx[source][1])
        added.append((name, glyph))
    # Added once the order is complete: fontTools rebuilds its map of names for each glyph
    # added while the order is longer than the glyphs it knows.
    for name, glyph in added:
        glyf[name] = glyph
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    if "post" in font and font["post"].formatType == 2.0:
        font["post"].formatType = 3.0  # no glyph names: they are not needed in a PDF
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


def _identity_encoding(original: Callable[..., Any]) -> Callable[..., Any]:
    def build(
        font_dictionary: Any,
        pdf: Any,
        font: Any,
        widths: Any,
        compress: bool,
        reference: Any,
        pdf_version: Any,
    ) -> Any:
        if not font.__dict__.get("_ogmp_extended"):
            return original(font_dictionary, pdf, font, widths, compress, reference, pdf_version)
        missing = font.missing
        font.missing = {}  # every id is a glyph of the font now: Identity-H, no CMap
        try:
            return original(font_dictionary, pdf, font, widths, compress, reference, pdf_version)
        finally:
            font.missing = missing

    return build
