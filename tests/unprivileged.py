"""Run ``ogmp`` in a child process that file permissions apply to, even when the tests run as root.

Root reads and writes through permissions (its DAC capabilities), so a test of an
unreadable file would pass for the wrong reason, or be skipped, on a CI machine that
runs as root. There the child keeps uid 0 but drops CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH with ``setpriv``: the owner's permission bits then apply to it too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_DROP = "-dac_override,-dac_read_search"


def run_ogmp(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m ogmp ARGS`` as a user whom permissions stop."""
    command = [sys.executable, "-m", "ogmp", *args]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux) to drop the permission override")
        command = [setpriv, "--bounding-set", _DROP, "--inh-caps", _DROP, *command]
    environment = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=environment, timeout=300)
