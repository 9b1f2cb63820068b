"""The record export's XLSX writer (services.common.row_files) alone, in a process of its own: rows per second,
and the process's peak resident memory (the interpreter and openpyxl included), printed as JSON.

    python -m bench.export_writer <rows> <file>
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROW = ["LL0000001", "Alex", "Sample", "current", "1 Test Street, Testville ZZ1 1AA", "1980-05-17",
       "General needs", "Area A", "Female", "White: Irish", "alex@example.org", "07700 900123"]


def main(rows: int, path: Path) -> dict:
    from services.common.row_files import RowWriter
    started = time.perf_counter()
    writer = RowWriter(path, "xlsx")
    for _ in range(rows):
        writer.write(ROW)
    writer.close()
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"rows": rows, "rows_per_s": round(rows / seconds), "peak_rss_mb": round(peak_kb / 1024, 1)}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), Path(sys.argv[2]))))
