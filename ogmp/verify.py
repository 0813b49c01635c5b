"""``ogmp verify REPORT.pdf``: does a report still say what its own inputs give?

A PDF report carries its inputs as attachments (the assessment, the rubric and the
catalogues it was scored with) and the scored result, with their hashes and the tool
version in its metadata. Verifying re-scores the embedded assessment with the embedded
rubric only, then compares: the embedded files with the recorded hashes, the recorded
result with the new one, and the figures printed in the text layer with the new ones.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ogmp.diagnostics import Problem, shown
from ogmp.errors import InvalidInputError, os_reason
from ogmp.messages import Message
from ogmp.models.result import UnitResult
from ogmp.registry import CATALOGUE_NAMES, Registry
from ogmp.report.build import RESULT_ATTACHMENT, info_key
from ogmp.scoring import score_assessment
from ogmp.thai import thai_digits
from ogmp.validate import validate_file


@dataclass
class Verification:
    """What verifying one report found."""

    report: str
    differences: list[Message] = field(default_factory=list)
    figures_checked: int = 0
    assessment: str = ""
    rubric: str = ""

    @property
    def ok(self) -> bool:
        return not self.differences


def verify_report(path: Path) -> Verification:
    """Re-score a report's embedded inputs and compare them with what it says."""
    display = shown(path)
    metadata, attachments, text = _read_pdf(path, display)
    verification = Verification(display)

    def missing(what: str) -> InvalidInputError:
        message = Message("verify.missing", what=Message(f"verify.what.{what}"))
        return InvalidInputError([Problem(display, None, (), message)])

    assessment_name = metadata.get(info_key("ogmp-assessment-file"))
    if not assessment_name or assessment_name not in attachments:
        raise missing("assessment")
    rubric_names = [name for name in attachments if name.startswith("rubric-") and name.endswith(".yaml")]
    if len(rubric_names) != 1:
        raise missing("rubric")
    if RESULT_ATTACHMENT not in attachments:
        raise missing("result")
    verification.assessment = str(assessment_name)
    verification.rubric = str(metadata.get(info_key("ogmp-rubric"), ""))

    for name, key in (
        (assessment_name, "ogmp-assessment-sha256"),
        (rubric_names[0], "ogmp-rubric-sha256"),
        (RESULT_ATTACHMENT, "ogmp-result-sha256"),
    ):
        if hashlib.sha256(attachments[name]).hexdigest() != metadata.get(info_key(key)):
            verification.differences.append(Message("verify.hash", name=name))

    recorded = UnitResult.model_validate_json(attachments[RESULT_ATTACHMENT])
    with tempfile.TemporaryDirectory(prefix="ogmp-verify-") as folder:
        root = Path(folder)
        (root / "rubrics" / "shared").mkdir(parents=True)
        (root / "rubrics" / rubric_names[0]).write_bytes(attachments[rubric_names[0]])
        for name in CATALOGUE_NAMES:
            data = attachments.get(f"shared-{name}.yaml")
            if data is None:
                raise missing("catalogue")
            (root / "rubrics" / "shared" / f"{name}.yaml").write_bytes(data)
        assessment_path = root / Path(assessment_name).name
        assessment_path.write_bytes(attachments[assessment_name])
        registry = Registry([root / "rubrics"], include_bundled=False)
        checked = validate_file(assessment_path, registry, today=recorded.date)
        if not checked.ok or checked.assessment is None or checked.rubric is None or checked.document is None:
            raise InvalidInputError(checked.problems)
        computed = score_assessment(
            checked.assessment,
            checked.rubric,
            registry.catalogues,
            file_name=assessment_name,
            sha256=checked.document.sha256,
            rubric_sha256=checked.rubric_sha256 or "",
        )

    ignored = {"tool_version"}  # a newer ogmp may verify an older report
    for where, old, new in _differences(recorded.model_dump(), computed.model_dump(), ()):
        if where[-1] in ignored or (where and where[0] == "comparison"):
            continue
        verification.differences.append(
            Message("verify.figure", what=".".join(where), recorded=_show(old), computed=_show(new))
        )

    flat = "".join(text.split())
    figures = [("overall", computed.overall.score)] + [(c.id, c.score) for c in computed.components]
    for what, value in figures:
        if value is None:
            continue
        printed = f"{value:.1f}"
        verification.figures_checked += 1
        if printed not in flat and thai_digits(printed) not in flat:
            verification.differences.append(Message("verify.text", value=printed, what=what))
    return verification


def _read_pdf(path: Path, display: str) -> tuple[dict[str, Any], dict[str, bytes], str]:
    from pypdf import PdfReader

    def refuse(code: str) -> InvalidInputError:
        return InvalidInputError([Problem(display, None, (), Message(code))])

    try:
        with path.open("rb") as handle:
            header = handle.read(1024)
    except FileNotFoundError:
        raise InvalidInputError([Problem(display, None, (), Message("file.not_found"))]) from None
    except OSError as error:
        message = Message("file.unreadable", reason=os_reason(error))
        raise InvalidInputError([Problem(display, None, (), message)]) from None
    if b"%PDF-" not in header:
        raise refuse("verify.not_pdf")
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # its warnings about broken files are ours to word
    try:
        reader = PdfReader(path)
        metadata = dict(reader.metadata or {})
        attachments = {name: contents[0] for name, contents in reader.attachments.items() if contents}
        text = "\n".join(page.extract_text() for page in reader.pages)
    except Exception:  # pypdf raises many kinds, and they change between its releases
        raise refuse("verify.damaged") from None
    finally:
        pypdf_log.setLevel(level)
    return metadata, attachments, text


def _differences(old: Any, new: Any, where: tuple[str, ...]) -> list[tuple[tuple[str, ...], Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in old.keys() | new.keys():
            found += _differences(old.get(key), new.get(key), (*where, str(key)))
        return sorted(found, key=lambda row: row[0])
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        found = []
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            key = a.get("id", str(index)) if isinstance(a, dict) else str(index)
            found += _differences(a, b, (*where, key))
        return found
    return [] if old == new else [(where, old, new)]


def _show(value: Any) -> str:
    return "-" if value is None else str(value)
