"""services/gen/ is committed; it must be exactly what `make protos` writes from protos/."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _files(base: Path) -> dict[str, bytes]:
    return {str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def test_committed_generated_code_matches_a_fresh_generation(tmp_path):
    subprocess.run(["bash", str(ROOT / "tools/gen_protos.sh"), str(tmp_path)], check=True,
                   env={"PYTHON": sys.executable, "PATH": "/usr/bin:/bin"})
    fresh = _files(tmp_path / "tracker")
    committed = _files(ROOT / "services/gen/tracker")
    assert fresh.keys() == committed.keys(), "run `make protos` and commit services/gen/"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"stale generated files (run `make protos`): {stale}"
