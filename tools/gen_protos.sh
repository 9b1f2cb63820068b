#!/usr/bin/env bash
# Regenerate services/gen/ from protos/ (`make protos`). Usage: gen_protos.sh [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/services/gen}"
py="${PYTHON:-$root/.venv/bin/python}"
[[ $py = /* ]] || py="$PWD/$py"
mkdir -p "$out"
final="$out"
out="$(mktemp -d)"  # generate aside, then swap in, so a running test never sees half a package
trap 'rm -rf "$out"' EXIT
cd "$root/protos"
mapfile -t files < <(find tracker -name '*.proto' | LC_ALL=C sort)
"$py" -m grpc_tools.protoc -I. --python_out="$out" --pyi_out="$out" --grpc_python_out="$out" "${files[@]}"
# Make every generated directory a regular package.
find "$out/tracker" -type d -exec touch {}/__init__.py \;
# protoc writes absolute imports ("from tracker.x import y"); our code lives under services.gen.
find "$out/tracker" -name '*.py*' -exec sed -i -E 's/^from tracker\./from services.gen.tracker./' {} +
rm -rf "$final/tracker.old"
[ -d "$final/tracker" ] && mv "$final/tracker" "$final/tracker.old"
mv "$out/tracker" "$final/tracker"
rm -rf "$final/tracker.old"
