"""One report rendered again and again in one process, as a warm worker renders a round's.

``python bench/warm.py FILE [--times N] [--lang th|en]`` prints, as JSON, the wall and CPU
seconds of each render (the first includes importing WeasyPrint and loading the fonts), and
the page count. It renders through ``ogmp.assess.assess_paths`` in the process itself
(one job), the path every ``ogmp assess`` report takes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ogmp.assess import assess_paths  # noqa: E402
from ogmp.options import AssessOptions, RenderOptions  # noqa: E402
from ogmp.registry import Registry  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--times", type=int, default=4)
    parser.add_argument("--lang", choices=("th", "en"), default="th")
    args = parser.parse_args()
    registry = Registry()
    renders = []
    with tempfile.TemporaryDirectory(prefix="ogmp-warm-") as folder:
        options = AssessOptions(
            formats=("pdf",),
            out=Path(folder),
            render=RenderOptions(langs=(args.lang,)),
            jobs=1,
            incremental=False,
            results_kept=0,
        )
        for _ in range(args.times):
            wall, cpu = time.perf_counter(), time.process_time()
            run = assess_paths([args.file], registry, options)
            renders.append({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu})
            if not run.ok or not run.written:
                raise SystemExit(f"the report was not written: {run}")
        import pypdf

        pages = len(pypdf.PdfReader(run.written[0]).pages)
    print(json.dumps({"renders": renders, "pages": pages}))


if __name__ == "__main__":
    main()
