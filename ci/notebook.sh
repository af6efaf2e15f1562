#!/usr/bin/env bash
# Executes the analyst notebook on the output of a small pipeline run.
# No public Python index is reachable here: pip uses the machine's local package index (pip config), never PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
# The notebook's Python environment is cached per user, outside the clone: a fresh machine builds it once.
venv="${XDG_CACHE_HOME:-$HOME/.cache}/dpcurate/notebook-venv"
if [ ! -x "$venv/bin/jupyter" ]; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  index=$(pip config get global.extra-index-url 2>/dev/null | awk '{print $1}' || true)
  index=${index:-file:///opt/pypi/simple}
  extra=$(pip config get global.extra-index-url 2>/dev/null | awk '{for (i = 2; i <= NF; i++) print "--extra-index-url", $i}' || true)
  python3 -m venv "$venv"
  # shellcheck disable=SC2086
  "$venv/bin/pip" install -q --index-url "$index" $extra pyarrow pandas matplotlib nbconvert ipykernel
fi
# The curate run to report on: the one ci/standalone.sh just made on the cluster when ci/test.sh says so
# (DPCURATE_CI_WAREHOUSE, DPCURATE_CI_CAMPAIGN), else a small local run of its own.
warehouse="${DPCURATE_CI_WAREHOUSE:-$PWD/out/ci-warehouse}"
campaign="${DPCURATE_CI_CAMPAIGN:-ci}"
rm -rf out/notebooks
if [ ! -f "$warehouse/metrics/campaign=$campaign/_manifest.json" ]; then
  rm -rf "$warehouse"
  bin/dpcurate curate --warehouse "$warehouse" --campaign "$campaign" --devices 50000 --candidates 300 --rounds 3 \
    --baseline --noise-free-reference --population ci/small-population.properties
fi
bin/dpcurate discover --warehouse "$warehouse" --campaign ci-prompts --devices 50000
DPCURATE_WAREHOUSE="$warehouse" DPCURATE_CAMPAIGN="$campaign" DPCURATE_DISCOVERY_CAMPAIGN=ci-prompts "$venv/bin/jupyter" nbconvert --to notebook --execute \
  --ExecutePreprocessor.timeout=300 notebooks/curation_report.ipynb --output-dir out/notebooks
echo "notebook executed: out/notebooks/curation_report.ipynb"
