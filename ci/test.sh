#!/usr/bin/env bash
# The project's test command (README "Quick start"); CI runs exactly this.
#  1. unit and Spark tests (lib statistics, jobs on local[2], HDFS through a MiniDFSCluster): mvn verify
#  2. the Airflow DAGs compile (their arguments are parsed by AirflowDagTest in step 1)
#  3. the shaded jar on a Spark standalone master + worker on 127.0.0.1
#  4. the analyst notebook executed on that cluster run's outputs (and a small discovery run)
# Steps 3-4 run alongside step 1, on a jar built before it: on 2 cores the Spark tests leave about a fifth of the
# CPU idle (driver-side planning and commits), and the cluster run fills it. mvn verify rebuilds the shaded jar only
# after the jobs tests, minutes after the cluster run is done with it.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
cluster_log=out/ci-cluster.log
bin/dpcurate --help >/dev/null   # builds the shaded jar and its classpath (mvn package, tests skipped)
# In a process group of its own, so that a failed mvn verify stops the master, the worker and their JVMs too.
set -m
(bash ci/standalone.sh && DPCURATE_CI_WAREHOUSE="$PWD/out/standalone" DPCURATE_CI_CAMPAIGN=cluster \
  bash ci/notebook.sh) > "$cluster_log" 2>&1 &
cluster=$!
set +m
trap 'kill -- -"$cluster" 2>/dev/null || true' EXIT
mvn -B -ntp verify
python3 -m py_compile conf/airflow/dpcurate_nightly.py conf/airflow/dpcurate_discovery.py && rm -rf conf/airflow/__pycache__
status=0
wait "$cluster" || status=$?
cat "$cluster_log"
[ "$status" -eq 0 ] || { echo "ci/test.sh: the cluster run or the notebook failed (exit $status)" >&2; exit 1; }
echo "ci/test.sh: all checks passed"
