"""Render a report context to HTML and PDF.

One function builds the Jinja environment (autoescape on, undefined names are
errors). Templates, the stylesheet, labels and fonts are looked up in the
user's ``--templates`` folder first, then in the bundled ``templates/``.

WeasyPrint only ever sees assets through :class:`AssetFetcher`, which serves
files from those folders and refuses everything else: other ``file://`` paths,
any network address, large ``data:`` URLs. A refused or failing fetch stops the
render, so a report never silently falls back to a font that happens to be
installed.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import datetime as dt
import functools
import gc
import hashlib
import io
import os
import re
import shutil
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape as xml_escape

import jinja2
from markupsafe import Markup

from ogmp.diagnostics import Location, Problem, shown
from ogmp.errors import InvalidInputError, OgmpError
from ogmp.messages import LANGS, Message
from ogmp.options import DEFAULT_PDF_VARIANT, PdfVariant
from ogmp.provenance import EmbeddedFile
from ogmp.report.context import ReportContext
from ogmp.report.linebreak import break_thai_lines
from ogmp.report.national_context import NationalContext, RollUpContext
from ogmp.report.thaidict import use_extended_dictionary
from ogmp.resources import bundled_dir
from ogmp.yamlsource import YamlDocument, read_yaml

ASSET_ROOT = "/__ogmp_assets__/"
ASSET_BASE_URL = f"file://{ASSET_ROOT}"
MAX_DATA_URL = 64 * 1024
MAX_ASSET_BYTES = 8 * 1024 * 1024
REPORT_TEMPLATE = "report.html.j2"
NATIONAL_TEMPLATE = "national.html.j2"
ROLL_UP_TEMPLATE = "rollup.html.j2"
STYLESHEET = "report.css"
SCREEN_STYLESHEET = "screen.css"
"""Rules for a browser's screen, added to standalone HTML only."""
_CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
_FONT_URL = re.compile(r"url\((['\"]?)(fonts/[^)'\"]+)\1\)")


class RenderError(OgmpError):
    """A report could not be rendered; nothing was written."""


def template_dirs(override: Path | None = None) -> list[Path]:
    """Where templates and assets are looked up, in order."""
    bundled = bundled_dir("templates")
    return [override, bundled] if override is not None else [bundled]


def jinja_environment(dirs: Sequence[Path]) -> jinja2.Environment:
    """The one Jinja environment of ogmp: autoescaped, strict about undefined names."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def load_labels(dirs: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """The report's fixed texts: the bundled ``labels.yaml``, with what each templates folder's
    own ``labels.yaml`` overrides on top (a folder may override a few labels in one language)."""
    merged: dict[str, dict[str, Any]] = {lang: {} for lang in LANGS}
    origin: dict[tuple[str, str], YamlDocument] = {}
    problems: list[Problem] = []
    for folder in reversed(dirs):  # the bundled folder is last: it goes in first
        path = folder / "labels.yaml"
        if not path.is_file():
            continue
        try:
            document = read_yaml(path, shown=shown(path))
        except InvalidInputError as error:
            problems += error.problems
            continue
        data = document.data
        if not isinstance(data, dict) or any(not isinstance(data.get(lang) or {}, dict) for lang in LANGS):
            problems.append(document.problem((), Message("labels.languages")))
            continue
        for lang in LANGS:
            for key, text in (data.get(lang) or {}).items():
                merged[lang][key] = text
                origin[(lang, key)] = document
    if not origin and not problems:
        problems.append(Problem(shown(dirs[-1] / "labels.yaml"), None, (), Message("file.not_found")))
    for key in sorted(merged["th"].keys() ^ merged["en"].keys()):
        lang = "th" if key in merged["th"] else "en"
        message = Message("labels.unpaired", key=key)
        problems.append(origin[(lang, key)].problem((lang, key), message, key=True))
    if problems:
        raise InvalidInputError(problems)
    return merged


class TemplateError(OgmpError):
    """A template of the ``--templates`` folder could not be compiled or rendered."""


def _template_problem(dirs: Sequence[Path], name: str | None, line: int | None, message: Message) -> Problem:
    """A problem at ``line`` of the template ``name``, named by its path in its folder."""
    path = next((folder / name for folder in dirs if name and (folder / name).is_file()), None)
    where = shown(path) if path is not None else (name or "?")
    return Problem(where, Location(line, 0) if line else None, (), message)


def _failing_template_line(error: BaseException, dirs: Sequence[Path]) -> tuple[str | None, int | None]:
    """The template and line that were running when ``error`` was raised (Jinja rewrites its
    tracebacks so that template frames carry the template's file and line)."""
    roots = [str(folder.resolve()) for folder in dirs]
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(error.__traceback__):
        filename = str(Path(frame.filename).resolve()) if frame.filename else ""
        for root in roots:
            if filename.startswith(root + os.sep):
                found = (filename[len(root) + 1 :], frame.lineno)
    return found


def check_templates(dirs: Sequence[Path]) -> None:
    """Every problem of the templates in use, found before a round starts rendering: labels
    that cannot be read, a template that does not compile, an include of a missing template."""
    import jinja2.meta

    problems: list[Problem] = []
    try:
        load_labels(dirs)
    except InvalidInputError as error:
        problems += error.problems
    environment = jinja_environment(dirs)
    for name in sorted(
        set(environment.list_templates(extensions=["j2"]))
        | {REPORT_TEMPLATE, NATIONAL_TEMPLATE, ROLL_UP_TEMPLATE}
    ):
        try:
            source, _, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
            tree = environment.parse(source, name)
        except jinja2.TemplateNotFound:
            problems.append(_template_problem(dirs, name, None, Message("template.missing", name=name)))
            continue
        except jinja2.TemplateSyntaxError as error:
            message = Message("template.syntax", detail=error.message or "")
            problems.append(_template_problem(dirs, name, error.lineno, message))
            continue
        for included in jinja2.meta.find_referenced_templates(tree):
            if included is not None and included not in environment.list_templates():
                line = next(
                    (number for number, text in enumerate(source.splitlines(), 1) if included in text), None
                )
                message = Message("template.include_missing", name=included)
                problems.append(_template_problem(dirs, name, line, message))
    if problems:
        raise InvalidInputError(problems)


def find_asset(dirs: Sequence[Path], relative: str) -> Path | None:
    """An asset file by its path relative to a templates folder, never outside one."""
    parts = PurePosixPath(relative).parts
    if not parts or any(part in ("..", "") or part.startswith("/") for part in parts):
        return None
    for folder in dirs:
        root = folder.resolve()
        candidate = (root / Path(*parts)).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


def inline_stylesheet(dirs: Sequence[Path]) -> str:
    """The stylesheet and the screen's rules with the fonts embedded, so that an HTML report
    stands alone."""
    parts = []
    for name in (STYLESHEET, SCREEN_STYLESHEET):
        path = find_asset(dirs, name)
        if path is None:
            raise RenderError(Message("render.asset_missing", url=name))
        parts.append(path.read_text(encoding="utf-8"))
    css = "\n".join(parts)

    def embed(match: re.Match[str]) -> str:
        font = find_asset(dirs, match.group(2))
        if font is None:
            raise RenderError(Message("render.asset_missing", url=match.group(2)))
        encoded = base64.b64encode(font.read_bytes()).decode("ascii")
        return f'url("data:font/ttf;base64,{encoded}")'

    return _FONT_URL.sub(embed, css)


@functools.lru_cache(maxsize=4)
def _rendering_environment(dirs: tuple[Path, ...]) -> jinja2.Environment:
    # One per process and templates folders, so that each template is compiled once, not once
    # per report; Jinja still compiles a template again when its file changes.
    return jinja_environment(dirs)


def render_html(
    context: ReportContext | NationalContext | RollUpContext,
    dirs: Sequence[Path],
    *,
    standalone: bool,
    template_name: str = REPORT_TEMPLATE,
) -> str:
    """A report as HTML: standalone (stylesheet and fonts inside) or for WeasyPrint."""
    environment = _rendering_environment(tuple(dirs))
    inline_css = Markup(inline_stylesheet(dirs)) if standalone else None
    try:
        template = environment.get_template(template_name)
        html = template.render(
            report=context, labels=context.labels, inline_css=inline_css, stylesheet=STYLESHEET
        )
    except jinja2.TemplateSyntaxError as error:
        problem = _template_problem(
            dirs, error.name, error.lineno, Message("template.syntax", detail=error.message or "")
        )
    except jinja2.TemplateNotFound as error:
        name, line = _failing_template_line(error, dirs)
        problem = _template_problem(dirs, name, line, Message("template.include_missing", name=error.name))
    except jinja2.UndefinedError as error:
        name, line = _failing_template_line(error, dirs)
        problem = _template_problem(dirs, name, line, Message("template.undefined", detail=str(error)))
    except (
        jinja2.TemplateError,
        ArithmeticError,
        LookupError,
        TypeError,
        ValueError,
        AttributeError,
    ) as error:
        name, line = _failing_template_line(error, dirs)
        problem = _template_problem(dirs, name, line, Message("template.failed", detail=str(error)[:200]))
    else:
        return break_thai_lines(html, context.terms, for_weasyprint=not standalone)
    raise TemplateError(Message("problem.located", where=problem.where(), message=problem.message))


def render_pdf(
    html: str,
    dirs: Sequence[Path],
    *,
    variant: PdfVariant = DEFAULT_PDF_VARIANT,
    identifier: bytes | None = None,
    files: Sequence[EmbeddedFile] = (),
    created: dt.datetime | None = None,
) -> bytes:
    """The report as PDF bytes; any asset that cannot be served stops the render.

    With the same ``html``, ``files`` and ``created`` the bytes are the same: the
    file identifier and every date come from the arguments, and the embedded fonts'
    timestamps from ``created`` (SOURCE_DATE_EPOCH, which fontTools honours).
    """
    use_extended_dictionary()  # Pango breaks Thai lines where PyThaiNLP would
    import weasyprint  # imported here: only reports need it, and it is slow to import

    from ogmp.report import textlayer

    textlayer.install()
    fetcher = AssetFetcher(dirs)
    moment = created or dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    attachments = [
        weasyprint.Attachment(
            file_obj=io.BytesIO(item.data),
            name=item.name,
            description=item.description,
            created=moment,
            modified=moment,
            relationship=item.relationship,
            url_fetcher=fetcher,
        )
        for item in files
    ]
    options: dict[str, Any] = {
        "attachments": attachments,
        "pdf_identifier": identifier or True,
        "custom_metadata": True,
    }
    if variant != "none":
        options["pdf_variant"] = variant
    try:
        font_config = _font_configuration(dirs, shared="@font-face" not in html)
        with _environment("SOURCE_DATE_EPOCH", str(int(moment.timestamp()))), _collecting_only_the_render():
            # Dropped within the block: the collection at its end frees the document's cycles.
            document = weasyprint.HTML(string=html, base_url=ASSET_BASE_URL, url_fetcher=fetcher)
            pdf: bytes = document.write_pdf(font_config=font_config, **options)
            del document
    except weasyprint.urls.FatalURLFetchingError as error:
        raise RenderError(Message("render.asset_refused", url=fetcher.last_refused or str(error))) from None
    return pdf


_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- ogmp: no system fonts; reports use only the fonts of the templates folders. -->
<fontconfig>
{dirs}<cachedir>{cache}</cachedir>
</fontconfig>
"""


@contextlib.contextmanager
def _only_bundled_fonts(dirs: Sequence[Path]) -> Iterator[None]:
    """Hide the machine's fonts from fontconfig while a font configuration is made.

    WeasyPrint reads its fontconfig configuration when it makes a font configuration; with
    one that knows only the ``fonts`` folders of the templates in use, text can only use
    those fonts, so a report looks the same on every machine. (With no font at all,
    Pango crashes the process, so the folders are listed even though the stylesheet
    loads the same fonts through @font-face.) Characters those fonts lack (emoji,
    Arabic) are drawn as boxes, and still extract as the characters they are.
    """
    fonts = [folder / "fonts" for folder in dirs if (folder / "fonts").is_dir()]
    with tempfile.TemporaryDirectory(prefix="ogmp-fonts-") as folder:
        listed = "".join(f"<dir>{xml_escape(str(path.resolve()))}</dir>\n" for path in fonts)
        config = Path(folder) / "fonts.conf"
        config.write_text(_FONTCONFIG.format(dirs=listed, cache=xml_escape(folder)), encoding="utf-8")
        with _environment("FONTCONFIG_FILE", str(config)):
            yield


_FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc", ".woff", ".woff2"})
_font_configurations: dict[tuple[object, ...], Any] = {}
_KEPT_FONT_CONFIGURATIONS = 4


def _font_key(dirs: Sequence[Path]) -> tuple[object, ...]:
    """What a font configuration depends on: the templates folders (which the stylesheet's
    @font-face URLs resolve in), the stylesheet (its @font-face rules) and every font file in
    the folders, by size and modification time."""
    roots = tuple(str(folder.resolve()) for folder in dirs)
    stylesheet = find_asset(dirs, STYLESHEET)
    rules = hashlib.sha256(stylesheet.read_bytes()).hexdigest() if stylesheet is not None else None
    files = tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for folder in dirs
        if folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.suffix.lower() in _FONT_SUFFIXES and (stat := path.stat())
    )
    return (roots, rules, files)


def _font_configuration(dirs: Sequence[Path], *, shared: bool = True) -> Any:
    """The process's WeasyPrint font configuration for ``dirs``: made once, with only the
    templates' fonts (:func:`_only_bundled_fonts`), and reused by every document rendered
    with the same folders, stylesheet and fonts, so that fontconfig scans the fonts and
    WeasyPrint loads the @font-face fonts once per process instead of once per report.
    Not ``shared``: a configuration of its own (a document with @font-face rules of its own,
    which would otherwise stay in the configuration for the next documents)."""
    from weasyprint.text.fonts import FontConfiguration

    if not shared:
        with _only_bundled_fonts(dirs):
            return FontConfiguration()
    key = _font_key(dirs)
    config = _font_configurations.get(key)
    if config is None:
        with _only_bundled_fonts(dirs):
            config = FontConfiguration()
        while len(_font_configurations) >= _KEPT_FONT_CONFIGURATIONS:
            _drop_font_configuration(next(iter(_font_configurations)))
        _font_configurations[key] = config
    return config


def _drop_font_configuration(key: tuple[object, ...]) -> None:
    config = _font_configurations.pop(key)
    folder = getattr(config, "_folder", None)  # where WeasyPrint keeps the @font-face fonts
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        config._folder = None


@atexit.register
def _drop_font_configurations() -> None:
    for key in list(_font_configurations):
        _drop_font_configuration(key)


RENDER_GC_THRESHOLD = 5000
"""Allocations between two young collections while a PDF is laid out (Python's default: 700)."""


@contextlib.contextmanager
def _collecting_only_the_render() -> Iterator[None]:
    """Garbage collection during a render that looks only at the render's own objects.

    A warm worker holds half a million objects (the dictionaries of Thai words, the
    catalogues, WeasyPrint's own), and laying out a report of 45 pages makes each full
    collection walk all of them, a fifth of the render's time. Within the block, what
    existed before it is frozen (:func:`gc.freeze`), young collections come less often, and
    at its end one collection frees the render's cycles before everything is unfrozen, so
    memory stays as flat as without it. Left alone where the process has frozen objects of
    its own or collects nothing.
    """
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], RENDER_GC_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()
        gc.unfreeze()


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """The environment variable ``name`` set to ``value`` within the block, as it was after."""
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            del os.environ[name]
        else:
            os.environ[name] = previous


def _asset_fetcher_class() -> type:
    import weasyprint.urls as urls

    class _AssetFetcher(urls.URLFetcher):  # type: ignore[misc]
        """Serves the project's own assets; refuses every other URL."""

        def __init__(self, dirs: Sequence[Path]) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=True)
            self.dirs = list(dirs)
            self.last_refused: str | None = None
            self.served: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data" and len(url) <= MAX_DATA_URL:
                return super().fetch(url, headers)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = unquote(parts.path)
                if path.startswith(ASSET_ROOT):
                    asset = find_asset(self.dirs, path[len(ASSET_ROOT) :])
                    if asset is not None and asset.stat().st_size <= MAX_ASSET_BYTES:
                        self.served.append(path[len(ASSET_ROOT) :])
                        headers = {
                            "Content-Type": _CONTENT_TYPES.get(
                                asset.suffix.lower(), "application/octet-stream"
                            )
                        }
                        return urls.URLFetcherResponse(url, asset.read_bytes(), headers, 200)
            self.last_refused = url[:200]
            raise ValueError(f"refused: {url[:200]}")

    return _AssetFetcher


def AssetFetcher(dirs: Sequence[Path]) -> Any:
    """A WeasyPrint URL fetcher limited to the templates folders (built lazily: WeasyPrint is slow to import)."""
    return _asset_fetcher_class()(dirs)
