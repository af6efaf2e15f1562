#!/usr/bin/env bash
# The project's test command (README "Quick start"); CI runs exactly this.
#  1. unit and Spark tests (lib statistics, jobs on local[2], HDFS through a MiniDFSCluster): mvn verify
#  2. the Airflow DAGs compile (their arguments are parsed by AirflowDagTest in step 1)
#  3. the shaded jar on a Spark standalone master + worker on 127.0.0.1
#  4. the analyst notebook executed on that cluster run's outputs (and a small discovery run)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp verify
python3 -m py_compile conf/airflow/dpcurate_nightly.py conf/airflow/dpcurate_discovery.py && rm -rf conf/airflow/__pycache__
bash ci/standalone.sh
DPCURATE_CI_WAREHOUSE="$PWD/out/standalone" DPCURATE_CI_CAMPAIGN=cluster bash ci/notebook.sh
echo "ci/test.sh: all checks passed"
