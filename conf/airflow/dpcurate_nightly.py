"""Nightly dpcurate run: estimate each date's reports and refine them into the next date's candidate pool.

Backfills: `airflow dags backfill -s 2026-01-01 -e 2026-01-31 dpcurate_nightly` runs the dates one at a time in
order (max_active_runs=1, depends_on_past). A long backfill can also run as one invocation of the same jar:
`spark-submit --class org.dpcurate.jobs.NightlyJob dpcurate-jobs.jar --from D1 --to D2 ...` (docs/operations.md).
Exit codes (docs/operations.md): 2 usage, 3 missing/corrupt input, 4 too many invalid reports, 5 privacy budget
exceeded, 6 output not writable, 7 the fleet's ledger is locked by another run; retries help with 1 (unexpected
failure), 7, and sometimes 6 (a storage hiccup). The privacy policy is read from conf/privacy-policy.properties
next to the job or --policy (docs/privacy.md); after the nightly run, the retention job deletes expired reports.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

DPCURATE_JAR = "/opt/dpcurate/dpcurate-jobs.jar"

# Checked by the project's tests: these arguments must parse with the job's own command line.
NIGHTLY_ARGS = [
    "--ds", "{{ ds }}",
    "--warehouse", "hdfs:///data/dpcurate/warehouse",
    "--campaign", "nightly",
    "--budget", "16",
    "--budget-period-days", "30",
    "--shuffled",
    "--max-rejected-share", "0.01",
]

# After the nightly run: reports and quarantined rows past the policy's retention period go (once ranked).
RETENTION_ARGS = [
    "--warehouse", "hdfs:///data/dpcurate/warehouse",
    "--as-of", "{{ ds }}",
]

with DAG(
    dag_id="dpcurate_nightly",
    start_date=datetime(2026, 1, 1),
    schedule="@daily",
    catchup=True,
    max_active_runs=1,
    default_args={
        "owner": "dpcurate",
        "depends_on_past": True,
        "retries": 2,
        "retry_delay": timedelta(minutes=20),
    },
    tags=["dpcurate"],
) as dag:
    nightly = SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_default",
        application=DPCURATE_JAR,
        java_class="org.dpcurate.jobs.NightlyJob",
        application_args=NIGHTLY_ARGS,
        name="dpcurate-nightly-{{ ds }}",
        conf={
            "spark.driver.memory": "4g",
            "spark.executor.memory": "4g",
            "spark.sql.shuffle.partitions": "200",
        },
    )
    retention = SparkSubmitOperator(
        task_id="retention",
        conn_id="spark_default",
        application=DPCURATE_JAR,
        java_class="org.dpcurate.jobs.RetentionJob",
        application_args=RETENTION_ARGS,
        name="dpcurate-retention-{{ ds }}",
        conf={"spark.driver.memory": "2g"},
    )
    nightly >> retention
