"""Reading PDFs back in tests: text with three extractors, fonts, glyph origins."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from pdfminer.converter import PDFPageAggregator
from pdfminer.high_level import extract_text as pdfminer_text
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdffonts) not installed; .ci/run installs them"
)


def without_whitespace(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdftotext(data: bytes, *options: str) -> str:
    result = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def extracted(data: bytes) -> dict[str, str]:
    """The document's text as pdftotext (content order), pypdf and pdfminer.six read it."""
    texts = {
        "pypdf": "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages),
        "pdfminer.six": pdfminer_text(io.BytesIO(data)),
    }
    if POPPLER:
        # -raw: content-stream order. The default reading-order mode also joins a word
        # broken after a hyphen at a line end ("E-" + "Government"), dropping the hyphen
        # that the text layer does hold.
        texts["pdftotext"] = pdftotext(data, "-raw")
    return texts


def fonts(data: bytes) -> list[tuple[str, str, bool]]:
    """(name, type, embedded) of every font, as pdffonts lists them."""
    result = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True)
    rows = result.stdout.decode().splitlines()[2:]
    listed = []
    for row in rows:
        parts = row.split()
        # name type... encoding emb sub uni object ID: read from the right
        embedded = parts[-5] == "yes"
        listed.append((parts[0], " ".join(parts[1:-6]), embedded))
    return listed


class _Recorder(PDFPageAggregator):
    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager, laparams=None)
        self.points: list[tuple[float, float]] = []

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):  # type: ignore[no-untyped-def]
        self.points.append((round(matrix[4], 4), round(matrix[5] + rise, 4)))
        return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)


def glyph_origins(data: bytes) -> list[tuple[float, float]]:
    """Where every glyph is drawn, in content-stream order."""
    manager = PDFResourceManager()
    device = _Recorder(manager)
    interpreter = PDFPageInterpreter(manager, device)
    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
    return device.points


def corpus(name: str) -> list[str]:
    path = Path(__file__).parent / "fixtures" / "corpus" / name
    return [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
