#!/usr/bin/env bash
# Submits the shaded application jar through SparkSubmit to a Spark standalone master and worker started here on
# 127.0.0.1 from the Maven classpath, runs the open-world benchmark at a small size (500 Brown passages held by
# 20,000 devices, a pool of 200 fortunes, lexical variation, 2 rounds), and checks it ran on the cluster and scored
# its curated sets against the held-out passages.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin/dpcurate --help >/dev/null 2>&1 || true   # builds the jar and the classpath file if needed
# The corpora: pinned and checked packages, cached outside the clone (docs/benchmarks.md "Open world").
corpora=$root/out/corpora-ci
DPCURATE_CORPORA_OUT=$corpora bin/fetch-corpora --passages-per-file 1
classpath=$(cat jobs/target/classpath.txt)
java_opts=$(sed -n 's:.*<spark.java.options>\(.*\)</spark.java.options>.*:\1:p' pom.xml)
export SPARK_LOCAL_IP=127.0.0.1
# A Worker started outside a Spark distribution needs a SPARK_HOME with a RELEASE file and jars/ to launch
# executors from ("Cannot find any build directories" otherwise).
spark_home=$root/jobs/target/spark-home
rm -rf "$spark_home" && mkdir -p "$spark_home/jars"
echo "Spark (dpcurate test home)" > "$spark_home/RELEASE"
IFS=: read -ra jars <<< "$classpath"
for j in "${jars[@]}"; do ln -sf "$j" "$spark_home/jars/"; done
export SPARK_HOME=$spark_home SPARK_SCALA_VERSION=2.13

port=$((20000 + RANDOM % 20000))
ui=$((port + 1))
worker_ui=$((port + 2))
logs=$root/out/standalone-logs
rm -rf "$logs" out/standalone && mkdir -p "$logs"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# shellcheck disable=SC2086
java -Xmx512m $java_opts -cp "$classpath" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$ui" > "$logs/master.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do grep -q "I have been elected leader" "$logs/master.log" && break; sleep 0.5; done
grep -q "I have been elected leader" "$logs/master.log" || { cat "$logs/master.log"; echo "master did not start" >&2; exit 1; }
# shellcheck disable=SC2086
java -Xmx512m $java_opts -cp "$classpath" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --cores 2 --memory 3g --webui-port "$worker_ui" "spark://127.0.0.1:$port" > "$logs/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do grep -q "Successfully registered with master" "$logs/worker.log" && break; sleep 0.5; done
grep -q "Successfully registered with master" "$logs/worker.log" || { cat "$logs/worker.log"; echo "worker did not register" >&2; exit 1; }

start=$(date +%s)
DPCURATE_MASTER="spark://127.0.0.1:$port" DPCURATE_JAVA_OPTS="-Dspark.executor.memory=2g -Dspark.cores.max=2" \
  bin/dpcurate curate --warehouse "$root/out/standalone" --campaign cluster --devices 20000 --candidates 200 \
  --rounds 2 --private-messages "$corpora/brown-passages.jsonl" --initial-pool "$corpora/fortunes-pool.jsonl" \
  --variation lexical | tee "$logs/curate.out"
test -f "$root/out/standalone/metrics/campaign=cluster/_manifest.json"
# Every round scored as training data against the held-out passages, and the private data as the upper bound.
for row in "variant .* topic-acc" "private-data "; do
  grep -q "^$row" "$logs/curate.out" || { echo "no utility row '$row' in the open-world run" >&2; exit 1; }
done
# The application really ran on the worker's executors.
executors=$(find "$spark_home/work" -name stderr 2>/dev/null | wc -l)
[ "$executors" -ge 1 ] || { echo "no executor ran on the worker" >&2; exit 1; }
echo "standalone: curate ran on spark://127.0.0.1:$port with $executors executor(s) in $(( $(date +%s) - start )) s"
