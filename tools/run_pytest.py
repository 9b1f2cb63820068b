"""Run pytest; a run that collects no test fails loudly instead of passing (pytest exits 5)."""
import sys

import pytest

code = pytest.main(sys.argv[1:])
if code == pytest.ExitCode.NO_TESTS_COLLECTED:
    print("FAILED: no tests were collected, so nothing was checked", file=sys.stderr)
    sys.exit(1)
sys.exit(int(code))
