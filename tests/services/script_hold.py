"""Holds a run of .ci/services.sh open: tests/services/test_services_script.py runs the
script with this file (it is not collected on its own: no ``test_`` prefix), checks
the script from outside while the run lives, then lets it end."""

import os
import time
from pathlib import Path

import pytest


@pytest.mark.services
def test_hold_the_run_open_until_released():
    hold = Path(os.environ["SERVICES_HOLD_DIR"])
    (hold / "ready").write_text(os.environ["SERVICES_DIR"])
    deadline = time.monotonic() + 300
    while not (hold / "release").exists():
        assert time.monotonic() < deadline, "never released"
        time.sleep(0.2)
