"""The boundaries DESIGN.md draws between services and between a service's layers, as import-linter
contracts (.importlinter): services meet only through their gRPC contracts, common knows no service,
domain modules stay pure, engine libraries stay in stores and adapters."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_import_contract_is_kept():
    linter = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(linter), str(ROOT / ".importlinter"), "--no-cache"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert "Contracts: " in run.stdout, run.stdout + run.stderr  # the linter ran and read the contracts
    assert run.returncode == 0, run.stdout[run.stdout.find("Broken contracts"):] + run.stderr
