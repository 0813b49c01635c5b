"""Benchmark a national round: ``python bench/run.py`` (``--quick`` to check that it runs).

Generates a realistic synthetic round (every province, and 7,850 local administrations in
Thailand's proportions of types, each naming its province), runs ogmp on it as a user would
(a new process per command) and writes the figures, with the machine they were measured on,
to bench/RESULTS.md.

Targets (2 cores, HarfBuzz-Subset installed): the round of 77 provinces in Thai and English
within 90 s (the goal 60 s), with a parallel speed-up of at least 1.8 on 2 cores; one report's
render no slower than Chromium's print of the same HTML; ``assess --format json`` of 7,850
local administrations within 60 s and under 300 MB, flat; validating 7,850 files within 20 s;
validating one file within 0.3 s.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ogmp.models.rubric import Indicator, Rubric  # noqa: E402
from ogmp.registry import Registry  # noqa: E402

NOTES = [
    "มีคำสั่งแต่งตั้งคณะทำงานระดับจังหวัดแล้ว แต่ยังประชุมไม่สม่ำเสมอ",
    "ข้อมูลจุดความร้อนรายเดือนเก็บอยู่ในไฟล์ Excel ของแต่ละหน่วยงาน ยังไม่ได้รวมเป็นชุดเดียว",
    "เผยแพร่ค่าฝุ่นรายวันผ่านเพจของจังหวัดและกลุ่มไลน์ของอำเภอ",
    "ภาคประชาสังคมร่วมเป็นคณะทำงานและร่วมลงพื้นที่ดับไฟป่ากับอาสาสมัคร",
    "ยังไม่มีช่องทางให้ประชาชนร่วมตัดสินใจเรื่องงบประมาณ",
    "อปท. ได้รับการถ่ายโอนภารกิจควบคุมไฟป่าบางส่วนแล้ว",
    "มีการมอบรางวัลหมู่บ้านปลอดการเผาเป็นปีที่สอง",
    "ใช้ข้อมูลดาวเทียมของ GISTDA วางแผนเฝ้าระวังในช่วงฤดูไฟป่า",
]
REASONS = [
    "จังหวัดไม่มีพื้นที่ป่าต้นน้ำ ตัวชี้วัดนี้จึงไม่เกี่ยวข้อง",
    "หน่วยงานไม่มีอำนาจหน้าที่ในเรื่องนี้",
]
ROUND = 2567


@dataclass(frozen=True)
class Unit:
    code: str
    kind: str
    name_th: str
    name_en: str
    local_type: str | None = None
    parent: str | None = None


# Thailand's local administrations by type (Department of Local Administration, about 7,850 in
# all): the synthetic round has as many of each, spread over the 76 provinces besides Bangkok.
LOCAL_TYPES = (
    ("pao", 76, "องค์การบริหารส่วนจังหวัด", "Provincial Administrative Organisation"),
    ("city_municipality", 30, "เทศบาลนคร", "City Municipality"),
    ("town_municipality", 195, "เทศบาลเมือง", "Town Municipality"),
    ("subdistrict_municipality", 2247, "เทศบาลตำบล", "Subdistrict Municipality"),
    ("sao", 5300, "องค์การบริหารส่วนตำบล", "Subdistrict Administrative Organisation"),
    ("special", 2, "เมืองพัทยา", "Pattaya City"),
)


def assessment_text(unit: Unit, rubric: Rubric, rng: random.Random) -> str:
    """One plausible, valid assessment: mostly levels 1-3, some evidence, a few n/a."""
    lines = [
        "unit:",
        f"  code: '{unit.code}'",
        f"  kind: {unit.kind}",
        "  name:",
        f"    th: {unit.name_th}",
        f"    en: {unit.name_en}",
        *([f"  local_type: {unit.local_type}", f"  parent: {unit.parent}"] if unit.parent else []),
        "agenda: pm25",
        f"round: {ROUND}",
        "rubric:",
        f"  id: {rubric.id}",
        f"  version: {rubric.version}",
        f"date: {ROUND}-{rng.randint(3, 9):02d}-{rng.randint(1, 28):02d}",
        "assessors:",
        "  - name: ผู้ประเมินสมมุติ",
        "    role: หัวหน้าสำนักงานจังหวัด",
        "components:",
    ]
    base = rng.choice([1, 2, 2, 3, 3, 4])
    for component in rubric.components:
        lines += [
            f"  {component.id}:",
            f"    target: {rng.choice([3, 4, 4, 5])}",
            f"    note: {rng.choice(NOTES)}",
            "    indicators:",
            *indicator_lines(component.indicators, unit.code, base, rng),
        ]
    return "\n".join(lines) + "\n"


def indicator_lines(indicators: Sequence[Indicator], code: str, base: int, rng: random.Random) -> list[str]:
    lines = []
    for indicator in indicators:
        lines.append(f"      {indicator.id}:")
        if rng.random() < 0.04:
            lines += ["        level: n/a", f"        reason: {rng.choice(REASONS)}"]
            continue
        lines.append(f"        level: {max(1, min(5, base + rng.choice([-1, 0, 0, 1])))}")
        if rng.random() < 0.7:
            lines.append("        evidence:")
            for n in range(rng.randint(1, 3)):
                if rng.random() < 0.5:
                    lines += [
                        f"          - url: https://www.example.go.th/{code.lower()}/{indicator.id}/{n}",
                        f"            public: {str(rng.random() < 0.7).lower()}",
                    ]
                else:
                    lines += [
                        f"          - file: evidence/{indicator.id}-{n}.pdf",
                        "            public: false",
                        f"            title: รายงานการประชุมครั้งที่ {n + 1}",
                    ]
        if rng.random() < 0.5:
            lines.append(f"        note: {rng.choice(NOTES)}")
    return lines


def generate(
    folder: Path, registry: Registry, rubric: Rubric, provinces: int, locals_: int
) -> tuple[Path, Path]:
    """A round folder of ``provinces`` provinces, and a round of ``locals_`` local
    administrations, each in its province."""
    rng = random.Random(ROUND)
    round_dir, local_dir = folder / "round", folder / "local"
    round_dir.mkdir(parents=True)
    local_dir.mkdir(parents=True)
    chosen = [p for p in registry.catalogues.provinces.provinces if p.code != "TH-S"][:provinces]
    for province in chosen:
        th, en = province.as_unit.th, province.as_unit.en
        unit = Unit(province.code, "province", th, en)
        (round_dir / f"{province.code.lower()}.yaml").write_text(
            assessment_text(unit, rubric, rng), encoding="utf-8"
        )
    for unit in local_units(registry, locals_):
        (local_dir / f"{unit.code.lower()}.yaml").write_text(
            assessment_text(unit, rubric, rng), encoding="utf-8"
        )
    return round_dir, local_dir


def local_units(registry: Registry, count: int) -> list[Unit]:
    """``count`` local administrations in Thailand's proportions of types, each in a province."""
    provinces = [p for p in registry.catalogues.provinces.provinces if p.code not in ("TH-S", "TH-10")]
    total = sum(number for _, number, _, _ in LOCAL_TYPES)
    units: list[Unit] = []
    for local_type, number, name_th, name_en in LOCAL_TYPES:
        share = max(1, round(number * count / total))
        for n in range(share):
            if len(units) >= count:
                break
            if local_type == "special":
                province = next(p for p in provinces if p.code == "TH-20")  # Pattaya, Chon Buri
            else:
                province = provinces[n % len(provinces)]
            sequence = n // len(provinces) + 1 if local_type != "special" else n + 1
            where = province.name
            units.append(
                Unit(
                    f"{province.code[3:]}{LOCAL_TYPES.index((local_type, number, name_th, name_en))}{n:05d}",
                    "local",
                    f"{name_th}สมมุติ {sequence} จังหวัด{where.th}"
                    if local_type != "pao"
                    else f"{name_th}{where.th}",
                    f"Example {name_en} {sequence}, {where.en}"
                    if local_type != "pao"
                    else f"{where.en} {name_en}",
                    local_type,
                    province.code,
                )
            )
    while len(units) < count:  # rounding left a few short: more subdistrict organisations
        units.append(replace(units[-1], code=f"{int(units[-1].code) + 1:08d}"))
    return units


@dataclass
class MemorySampler:
    """Samples the resident memory of a process and all its children (Linux /proc)."""

    pid: int
    samples: list[float] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def _tree(self) -> list[int]:
        pids, frontier = [self.pid], [self.pid]
        while frontier:
            parent = frontier.pop()
            try:
                children = [
                    int(c) for c in Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
                ]
            except OSError:
                children = []
            pids += children
            frontier += children
        return pids

    def _resident_mb(self) -> float:
        total = 0
        for pid in self._tree():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        return total / 1024

    def run(self) -> None:
        while not self._stop.wait(0.25):
            self.samples.append(self._resident_mb())

    @property
    def peak(self) -> float:
        return max(self.samples, default=0.0)

    def summary(self) -> str:
        if len(self.samples) < 8:
            return "not sampled (run too short)"
        quarter = max(1, len(self.samples) // 4)
        return (
            f"peak {max(self.samples):.0f} MB; highest in the first quarter of the run"
            f" {max(self.samples[:quarter]):.0f} MB, in the last quarter {max(self.samples[-quarter:]):.0f} MB"
            f" ({len(self.samples)} samples, every 0.25 s)"
        )


@dataclass
class Run:
    seconds: float
    returncode: int
    output: str
    memory: MemorySampler | None
    cpu: float = 0.0
    """CPU seconds of the process and its children (user and system)."""


def run(command: list[str], *, sample_memory: bool = False) -> Run:
    """Run ``command`` as a new process; its wall time, and its memory when asked."""
    started, children = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = MemorySampler(process.pid) if sample_memory and Path("/proc").exists() else None
    thread = threading.Thread(target=sampler.run, daemon=True) if sampler else None
    if thread:
        thread.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    if sampler and thread:
        sampler._stop.set()
        thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return Run(seconds, process.returncode, output, sampler, cpu)


def checked(result: Run) -> Run:
    if result.returncode != 0:
        raise SystemExit(f"a benchmark command failed:\n{result.output[-3000:]}")
    return result


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    memory = "unknown memory"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    import weasyprint

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory}, {platform.system()} {platform.release()},"
        f" Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}"
    )


def chromium_print(html: Path, out: Path) -> tuple[float, float] | None:
    """Median wall and CPU seconds of Chromium's headless print-to-PDF of ``html`` (3 runs),
    when Chromium is installed."""
    browser = next(
        (
            shutil.which(name)
            for name in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(name)
        ),
        None,
    )
    if browser is None:
        return None
    with tempfile.TemporaryDirectory(prefix="ogmp-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            html.as_uri(),
        ]
        runs = []
        for _ in range(3):
            result = run(command)
            if result.returncode != 0 or not out.exists():
                return None
            runs.append(result)
    return statistics.median(r.seconds for r in runs), statistics.median(r.cpu for r in runs)


def warm_renders(file: Path, lang: str) -> tuple[float, float, int]:
    """Median wall and CPU seconds of one report rendered in a warm process (renders 2-4 of 4),
    and its pages."""
    result = checked(run([sys.executable, str(ROOT / "bench" / "warm.py"), str(file), "--lang", lang]))
    figures = json.loads(result.output.strip().splitlines()[-1])
    warm = figures["renders"][1:]
    return (
        statistics.median(r["wall"] for r in warm),
        statistics.median(r["cpu"] for r in warm),
        figures["pages"],
    )


def verdict(value: float, target: float, unit: str = "s") -> str:
    if value <= target:
        return f"met ({value:.2f} {unit} against {target:.2f} {unit})"
    return f"**missed by {value - target:.2f} {unit} ({value / target:.2f} x the target of {target:.2f} {unit})**"


def at_least(value: float, target: float) -> str:
    if value >= target:
        return f"met ({value:.2f} against at least {target:.2f})"
    return f"**missed: {value:.2f} against at least {target:.2f}**"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--provinces", type=int, default=77)
    parser.add_argument("--local-units", type=int, default=7850)
    parser.add_argument(
        "--speed-up-provinces", type=int, default=16, help="provinces rendered with 1 and 2 workers"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rubric", default="ogmp-8")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument(
        "--quick", action="store_true", help="10 provinces, 500 local units: check that it runs"
    )
    args = parser.parse_args()
    if args.quick:
        args.provinces, args.local_units, args.speed_up_provinces = 10, 500, 4
        if args.results == ROOT / "bench" / "RESULTS.md":
            args.results = Path(tempfile.gettempdir()) / "ogmp-bench-quick.md"

    registry = Registry()
    found = registry.find(args.rubric)
    rubric = getattr(found, "rubric", None)
    if rubric is None:
        raise SystemExit(f"no usable rubric {args.rubric}")
    ogmp = [sys.executable, "-m", "ogmp"]

    with tempfile.TemporaryDirectory(prefix="ogmp-bench-") as temporary:
        folder = Path(temporary)
        started = time.perf_counter()
        round_dir, local_dir = generate(folder, registry, rubric, args.provinces, args.local_units)
        generated = time.perf_counter() - started
        one_file = sorted(round_dir.iterdir())[0]

        single = statistics.median(
            checked(run([*ogmp, "validate", "-q", str(one_file)])).seconds for _ in range(7)
        )
        validation = checked(run([*ogmp, "validate", "-q", str(local_dir)], sample_memory=True))
        local_json = checked(
            run(
                [*ogmp, "assess", str(local_dir), "-q", "-f", "json", "--out", str(folder / "local-json")],
                sample_memory=True,
            )
        )
        roll_up_out = folder / "local-summaries"
        roll_ups = checked(
            run(
                [
                    *ogmp,
                    "assess",
                    str(local_dir),
                    "-q",
                    "-f",
                    "pdf,xlsx",
                    "--reports",
                    "summaries",
                    "--lang",
                    "both",
                    "--jobs",
                    str(args.jobs),
                    "--out",
                    str(roll_up_out),
                ],
                sample_memory=True,
            )
        )
        roll_up_pdfs = sorted(roll_up_out.glob("rollup-*.pdf"))
        import pypdf

        roll_up_pages = [len(pypdf.PdfReader(p).pages) for p in roll_up_pdfs]
        national_pages = {
            p.name: len(pypdf.PdfReader(p).pages) for p in sorted(roll_up_out.glob("national-*.pdf"))
        }

        out = folder / "reports"
        assess = [*ogmp, "assess", str(round_dir), "-q", "-f", "pdf", "--lang", "both"]
        whole = checked(
            run([*assess, "--jobs", str(args.jobs), "--rebuild", "--out", str(out)], sample_memory=True)
        )
        pdfs = sorted(out.glob("*.pdf"))
        unit_pdfs = [p for p in pdfs if not p.name.startswith("national-")]
        unchanged = checked(run([*assess, "--jobs", str(args.jobs), "--out", str(out)]))

        changed = round_dir / one_file.name
        changed.write_text(
            changed.read_text(encoding="utf-8").replace("level: 2", "level: 3", 1), encoding="utf-8"
        )
        before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.pdf")}
        one_changed = checked(run([*assess, "--jobs", str(args.jobs), "--out", str(out)]))
        rewritten = sorted(p.name for p in out.glob("*.pdf") if p.stat().st_mtime_ns != before.get(p.name))

        subset = folder / "subset"
        subset.mkdir()
        for file in sorted(round_dir.iterdir())[: args.speed_up_provinces]:
            shutil.copy(file, subset / file.name)
        subset_command = [*ogmp, "assess", str(subset), "-q", "-f", "pdf", "--lang", "both", "--rebuild"]
        serial = checked(run([*subset_command, "--jobs", "1", "--out", str(folder / "serial")]))
        parallel = checked(run([*subset_command, "--jobs", "2", "--out", str(folder / "parallel")]))

        html_out = folder / "html"
        one_unit = [*ogmp, "assess", str(one_file), "-q", "--jobs", "1"]
        checked(run([*one_unit, "-f", "html,pdf", "--out", str(html_out)]))
        [html_file] = html_out.glob("*.th.html")
        chromium = chromium_print(html_file, folder / "chromium.pdf")
        commands = [
            checked(run([*one_unit, "-f", "pdf", "--out", str(folder / f"one{n}")])) for n in range(3)
        ]
        one_report = statistics.median(r.seconds for r in commands)
        one_report_cpu = statistics.median(r.cpu for r in commands)
        warm_th, warm_th_cpu, pages = warm_renders(one_file, "th")
        warm_en, warm_en_cpu, pages_en = warm_renders(one_file, "en")

    round_goal = 60.0 * args.provinces / 77
    round_target = 90.0 * args.provinces / 77
    validate_target = 20.0 * args.local_units / 7850
    json_target = 60.0 * args.local_units / 7850
    assert validation.memory is not None and whole.memory is not None
    assert local_json.memory is not None and roll_ups.memory is not None
    speed_up = serial.seconds / parallel.seconds
    if chromium:
        chromium_wall, chromium_cpu = chromium
        chromium_rows = [
            f"| Chromium's headless print-to-PDF of the same report's HTML, whole command (median of 3)"
            f" | {chromium_wall:.2f} s, {chromium_cpu:.2f} s of CPU | |",
            f"| ratio ogmp / Chromium, warm render (the render a worker of a round does) | {warm_th / chromium_wall:.2f}"
            f" (CPU {warm_th_cpu / chromium_cpu:.2f}) | {verdict(warm_th / chromium_wall, 1.0, 'x')} |",
            f"| ratio ogmp / Chromium, whole command (a new process each) | {one_report / chromium_wall:.2f}"
            f" (CPU {one_report_cpu / chromium_cpu:.2f}) | |",
        ]
    else:
        chromium_rows = [
            "| Chromium headless print-to-PDF of the same report's HTML | Chromium not installed | |"
        ]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {dt.date.today().isoformat()} with `python bench/run.py{' --quick' if args.quick else ''}`"
        f" on: {machine()}.",
        f"Rubric {rubric.id} v{rubric.version} ({len(rubric.components)} components,"
        f" {len(rubric.indicators_by_id)} indicators); synthetic files generated in {generated:.1f} s:"
        f" {args.provinces} provinces and {args.local_units:,} local administrations in Thailand's proportions"
        " of types, each naming its province. Every figure is the wall time of a new `ogmp` process, as a"
        " user runs it, unless it says otherwise.",
        "",
        "| what | figure | target |",
        "|---|---|---|",
        f"| `ogmp validate` of one file (median of 7) | {single:.3f} s | {verdict(single, 0.3)} |",
        f"| `ogmp validate` of {args.local_units:,} files | {validation.seconds:.1f} s"
        f" | {verdict(validation.seconds, validate_target)} |",
        f"| memory while validating them | {validation.memory.summary()} | flat |",
        f"| `ogmp assess --format json` of {args.local_units:,} local administrations | {local_json.seconds:.1f} s"
        f" | {verdict(local_json.seconds, json_target)} |",
        f"| memory over that run | {local_json.memory.summary()}"
        f" | {verdict(local_json.memory.peak, 300, 'MB')}, flat |",
        f"| the same round's summaries (`-f pdf,xlsx --reports summaries --lang both`): {len(roll_up_pdfs)}"
        f" provincial roll-ups of {min(roll_up_pages, default=0)}-{max(roll_up_pages, default=0)} pages and"
        f" the national summaries ({', '.join(f'{n}: {c} pages' for n, c in national_pages.items())}),"
        f" {args.jobs} workers | {roll_ups.seconds:.1f} s | |",
        f"| memory over that run (all processes) | {roll_ups.memory.summary()} | flat |",
        f"| round of {args.provinces} provinces in Thai and English ({len(pdfs)} PDFs: {len(unit_pdfs)} unit"
        f" reports and the national summary), {args.jobs} workers | {whole.seconds:.1f} s"
        f" | {verdict(whole.seconds, round_target)} (goal {round_goal:.0f} s) |",
        f"| per unit report in that run (wall time / unit reports) | {whole.seconds / len(unit_pdfs):.2f} s | |",
        f"| memory over the round (all processes) | {whole.memory.summary()} | flat |",
        f"| parallel speed-up: {args.speed_up_provinces} provinces in both languages with 1 worker"
        f" ({serial.seconds:.1f} s) and with 2 ({parallel.seconds:.1f} s) | {speed_up:.2f} | {at_least(speed_up, 1.8)} |",
        f"| second run, nothing changed (incremental) | {unchanged.seconds:.1f} s | |",
        f"| third run, one file changed: re-rendered {', '.join(rewritten)} | {one_changed.seconds:.1f} s | |",
        f"| one Thai report ({pages} pages) in a warm process (median of renders 2-4) | {warm_th:.2f} s,"
        f" {warm_th_cpu:.2f} s of CPU | |",
        f"| one English report ({pages_en} pages) in a warm process | {warm_en:.2f} s, {warm_en_cpu:.2f} s of CPU | |",
        f"| one Thai report, whole command (median of 3) | {one_report:.2f} s, {one_report_cpu:.2f} s of CPU | |",
        *chromium_rows,
        "",
    ]
    analysis = ROOT / "bench" / "analysis.md"  # written by hand from profiles
    if analysis.is_file() and not args.quick:
        lines += ["", analysis.read_text(encoding="utf-8")]
    args.results.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    print(f"written to {args.results}")


if __name__ == "__main__":
    main()
