#!/usr/bin/env bash
# The project's test command (README "Quick start"); CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp verify
python3 -m py_compile conf/airflow/dpcurate_nightly.py
bash ci/notebook.sh
