"""``ogmp verify REPORT.pdf``: is a report still what its own inputs give, on every page?

A PDF report carries its inputs as attachments (the assessment, the rubric and the
catalogues it was scored with) and the scored result, with their hashes, the tool version
and how it was rendered in its metadata (:mod:`ogmp.provenance`). Verifying re-scores the
embedded assessment with the embedded rubric only and compares: the embedded files with
the recorded hashes, the recorded result with the new one, the figures printed in the text
with the new ones. Then, since a report is byte-identical for the same inputs, it renders
the report again from those inputs and compares it page by page with the one given: a
figure painted over, a page added, removed or replaced is found. A report made by another
version of ogmp, or with other templates, cannot be rendered again byte for byte; the
verification then says so, and what it checked instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ogmp import __version__, filenames
from ogmp.assess import score_checked
from ogmp.diagnostics import Problem, shown
from ogmp.errors import InvalidInputError, os_reason
from ogmp.messages import Lang, Message
from ogmp.models.catalogue import CATALOGUE_NAMES
from ogmp.models.result import UnitResult
from ogmp.provenance import RESULT, Record, catalogue_file, embedded_files, read_record
from ogmp.registry import Registry
from ogmp.thai import to_thai_digits
from ogmp.validate import CheckedFile, validate_file


@dataclass
class Verification:
    """What verifying one report found, and how far the check could go."""

    report: str
    differences: list[Message] = field(default_factory=list)
    figures_checked: int = 0
    assessment: str = ""
    rubric: str = ""
    pages: int = 0
    rendered_again: bool = False  # its pages were compared with a new rendering of its inputs
    saved_again: bool = False  # same pages, but the file was saved again by another program
    not_rendered: Message | None = None  # why its pages could not be rendered again

    @property
    def ok(self) -> bool:
        return not self.differences

    def summary(self) -> Message:
        """The verdict, saying what was compared."""
        if not self.ok:
            return Message("verify.bad", path=self.report, count=len(self.differences))
        inputs = {"path": self.report, "assessment": self.assessment, "rubric": self.rubric}
        if self.rendered_again:
            code = "verify.ok_saved_again" if self.saved_again else "verify.ok"
            return Message(code, pages=self.pages, **inputs)
        return Message(
            "verify.ok_partial", figures=self.figures_checked, why=self.not_rendered or "", **inputs
        )


def verify_report(path: Path, *, templates: Path | None = None) -> Verification:
    """Check a report against the inputs it carries: hashes, figures, text, and every page.

    ``templates`` is the ``--templates`` folder the report was made with, if any: without
    it, only a report made with the bundled templates can be rendered again.
    """
    report_name = shown(path)
    data, info, attachments, text = _read_pdf(path, report_name)
    record = read_record(info, attachments)
    verification = Verification(report_name)

    def missing(what: str) -> InvalidInputError:
        message = Message("verify.missing", what=Message(f"verify.what.{what}"))
        return InvalidInputError([Problem(report_name, None, (), message)])

    if record.assessment_file is None or record.assessment_file not in attachments:
        raise missing("assessment")
    if record.rubric_file is None:
        raise missing("rubric")
    if RESULT not in attachments:
        raise missing("result")
    if any(catalogue_file(name) not in attachments for name in CATALOGUE_NAMES):
        raise missing("catalogue")
    verification.assessment = record.assessment_file
    verification.rubric = record.rubric
    for name, recorded_hash in record.hashes.items():
        if hashlib.sha256(attachments[name]).hexdigest() != recorded_hash:
            verification.differences.append(Message("verify.hash", name=name))

    recorded = UnitResult.model_validate_json(attachments[RESULT])
    with tempfile.TemporaryDirectory(prefix="ogmp-verify-") as folder:
        registry, checked = _load_embedded(Path(folder), record, attachments, recorded)
        assert checked.assessment is not None and checked.rubric is not None and checked.document is not None
        computed = score_checked(checked, registry)
        # The change since the previous round and the follow-up of that round's plan are worked
        # out from files the report does not carry.
        computed = computed.model_copy(
            update={"comparison": recorded.comparison, "follow_up": recorded.follow_up}
        )
        _compare_figures(verification, recorded, computed, text)
        why = _why_not_rendered(record, templates)
        if why is not None:
            verification.not_rendered = why
        else:
            _compare_pages(
                verification, data, _render_again(record, attachments, checked, computed, registry, templates)
            )
    return verification


def companion_names(record: Record, attachments: dict[str, bytes]) -> list[str]:
    """The embedded reviews, decision and checked links of the report's assessment."""
    return sorted(
        name
        for name in attachments
        if name == filenames.LINKS_FILE or filenames.companion_of(name) == record.assessment_file
    )


def _load_embedded(
    root: Path, record: Record, attachments: dict[str, bytes], recorded: UnitResult
) -> tuple[Registry, CheckedFile]:
    """The embedded rubric and catalogues as a registry, and the embedded assessment checked."""
    assert record.assessment_file is not None and record.rubric_file is not None
    (root / "rubrics" / "shared").mkdir(parents=True)
    (root / "rubrics" / record.rubric_file).write_bytes(attachments[record.rubric_file])
    for name in CATALOGUE_NAMES:
        (root / "rubrics" / "shared" / f"{name}.yaml").write_bytes(attachments[catalogue_file(name)])
    assessment_path = root / Path(record.assessment_file).name
    assessment_path.write_bytes(attachments[record.assessment_file])
    for name in companion_names(record, attachments):  # found beside it, as in the unit's folder
        (root / name).write_bytes(attachments[name])
    registry = Registry([root / "rubrics"], include_bundled=False)
    # What was valid when the report was made stays valid: only "not in the future" depends on
    # the day, and an action plan's progress entries come after the assessment's own date.
    checked = validate_file(assessment_path, registry, today=max(recorded.date, dt.date.today()))
    if not checked.ok or checked.assessment is None or checked.rubric is None or checked.document is None:
        raise InvalidInputError(checked.problems)
    return registry, checked


def _compare_figures(
    verification: Verification, recorded: UnitResult, computed: UnitResult, text: str
) -> None:
    ignored = {"tool_version"}  # a newer ogmp may verify an older report
    for where, old, new in _differences(recorded.model_dump(), computed.model_dump(), ()):
        if where[-1] in ignored:
            continue
        what = ".".join(where)
        if new is _ABSENT:
            verification.differences.append(Message("verify.only_in_report", what=what))
        elif old is _ABSENT:
            verification.differences.append(Message("verify.only_in_inputs", what=what))
        else:
            verification.differences.append(
                Message("verify.figure", what=what, recorded=_show(old), computed=_show(new))
            )
    flat = "".join(text.split())
    figures = [("overall", computed.overall.score)] + [(c.id, c.score) for c in computed.components]
    for what, value in figures:
        if value is None:
            continue
        printed = f"{value:.1f}"
        verification.figures_checked += 1
        if printed not in flat and to_thai_digits(printed) not in flat:
            verification.differences.append(Message("verify.text", value=printed, what=what))


def _why_not_rendered(record: Record, templates: Path | None) -> Message | None:
    """Why this report's pages cannot be rendered again byte for byte here, or None."""
    from ogmp.batch import tree_hash
    from ogmp.report.render import template_dirs

    if record.rendering is None:
        return Message("verify.why.unrecorded", made=record.tool_version or "?")
    if record.tool_version != __version__:
        return Message("verify.why.version", made=record.tool_version, current=__version__)
    if tree_hash(template_dirs(templates)) != record.rendering.templates_sha256:
        return Message("verify.why.templates")
    return None


def _render_again(
    record: Record,
    attachments: dict[str, bytes],
    checked: CheckedFile,
    computed: UnitResult,
    registry: Registry,
    templates: Path | None,
) -> bytes:
    """The report its embedded inputs give, rendered exactly as ``record`` says it was."""
    from ogmp.options import RenderOptions
    from ogmp.report.build import ReportJob, UnitReport

    assert record.rendering is not None and record.rubric_file is not None
    assert (
        checked.assessment is not None and checked.rubric is not None and record.assessment_file is not None
    )
    files = embedded_files(
        computed,
        assessment=attachments[record.assessment_file],
        rubric=attachments[record.rubric_file],
        catalogues={name: attachments[catalogue_file(name)] for name in CATALOGUE_NAMES},
        companions={name: attachments[name] for name in companion_names(record, attachments)},
    )
    rendering = record.rendering
    lang: Lang = "en" if rendering.lang == "en" else "th"
    options = RenderOptions(
        (lang,),
        templates,
        rendering.thai_digits,
        rendering.report_date,
        rendering.pdf_variant,
        rendering.audience,
    )
    job = ReportJob(computed, checked.assessment, checked.rubric, files, checked.companions())
    return UnitReport(job, registry.catalogues, "pdf", lang, options).render()


def _compare_pages(verification: Verification, given: bytes, expected: bytes) -> None:
    verification.rendered_again = True
    found, wanted = _page_digests(given), _page_digests(expected)
    verification.pages = len(wanted)
    if len(found) != len(wanted):
        verification.differences.append(Message("verify.page_count", found=len(found), expected=len(wanted)))
    for number, (page, page_wanted) in enumerate(zip(found, wanted, strict=False), start=1):
        if page != page_wanted:
            verification.differences.append(Message("verify.page", page=number))
    verification.saved_again = not verification.differences and given != expected


def _page_digests(data: bytes) -> list[bytes]:
    """One digest per page of everything it draws: its content, fonts, images, annotations."""
    from pypdf import PdfReader

    cache: dict[tuple[int, int], bytes] = {}
    return [_digest(page, cache, set()) for page in PdfReader(io.BytesIO(data)).pages]


def _digest(value: Any, cache: dict[tuple[int, int], bytes], active: set[tuple[int, int]]) -> bytes:
    """A digest of ``value`` (a page, and all it refers to) that depends on what it holds only:
    not on object numbers, nor on whether the file shares one font between pages or copies it.
    The page tree (``/Parent``) is not followed, so each page stands for itself."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if isinstance(value, IndirectObject):
        key = (value.idnum, value.generation)
        if key in active:  # a loop back to an object being read: its content is already counted
            return b"<loop>"
        if key not in cache:
            active.add(key)
            cache[key] = _digest(value.get_object(), cache, active)
            active.discard(key)
        return cache[key]
    digest = hashlib.sha256()
    if isinstance(value, StreamObject):
        digest.update(b"stream:" + value.get_data())
    if isinstance(value, DictionaryObject):
        digest.update(b"dict:")
        for name in sorted(value):
            if name not in ("/Parent", "/P", "/Length"):
                digest.update(name.encode("utf-8", "replace") + _digest(value.raw_get(name), cache, active))
    elif isinstance(value, ArrayObject):
        digest.update(b"array:")
        for item in value:
            digest.update(_digest(item, cache, active))
    else:
        digest.update(repr(value).encode("utf-8", "replace"))
    return digest.digest()


def _read_pdf(path: Path, report_name: str) -> tuple[bytes, dict[str, Any], dict[str, bytes], str]:
    from pypdf import PdfReader

    def refuse(code: str) -> InvalidInputError:
        return InvalidInputError([Problem(report_name, None, (), Message(code))])

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInputError([Problem(report_name, None, (), Message("file.not_found"))]) from None
    except OSError as error:
        message = Message("file.unreadable", reason=os_reason(error))
        raise InvalidInputError([Problem(report_name, None, (), message)]) from None
    if b"%PDF-" not in data[:1024]:
        raise refuse("verify.not_pdf")
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # its warnings about broken files are ours to word
    try:
        reader = PdfReader(io.BytesIO(data))
        info = dict(reader.metadata or {})
        attachments = {name: contents[0] for name, contents in reader.attachments.items() if contents}
        text = "\n".join(page.extract_text() for page in reader.pages)
    except Exception:  # pypdf raises many kinds, and they change between its releases
        raise refuse("verify.damaged") from None
    finally:
        pypdf_log.setLevel(level)
    return data, info, attachments, text


_ABSENT = object()
"""An item with an id that one side lists and the other does not."""


def _differences(old: Any, new: Any, where: tuple[str, ...]) -> list[tuple[tuple[str, ...], Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in old.keys() | new.keys():
            found += _differences(old.get(key), new.get(key), (*where, str(key)))
        return sorted(found, key=lambda row: row[0])
    if _listed_by_id(old) and _listed_by_id(new) and (old or new):
        # Lists of items with ids (recommendations, say) are compared item by item, so that a
        # difference names the items rather than printing both lists whole.
        old_items = {item["id"]: item for item in old}
        new_items = {item["id"]: item for item in new}
        found = []
        for key in list(dict.fromkeys([*old_items, *new_items])):
            found += _differences(
                old_items.get(key, _ABSENT), new_items.get(key, _ABSENT), (*where, str(key))
            )
        return found
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        found = []
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            key = a.get("id", str(index)) if isinstance(a, dict) else str(index)
            found += _differences(a, b, (*where, key))
        return found
    return [] if old == new else [(where, old, new)]


def _listed_by_id(value: Any) -> bool:
    """Whether ``value`` is a list (perhaps empty) of items each with its own id."""
    if not isinstance(value, list):
        return False
    ids = [item.get("id") if isinstance(item, dict) else None for item in value]
    return all(isinstance(key, str) for key in ids) and len(set(ids)) == len(ids)


def _show(value: Any) -> str:
    return "-" if value is None else str(value)
