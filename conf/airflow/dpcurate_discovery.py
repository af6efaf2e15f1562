"""Nightly string discovery (prefix tree) over uploaded reports: ingest the date's cohort uploads, then estimate the
date's round and publish the next one (docs/discovery.md "Nightly rounds").

The campaign is started once, by hand or a one-off task, on its first date:
`spark-submit --class org.dpcurate.jobs.DiscoverRoundJob dpcurate-jobs.jar --campaign trends --ds D --first ...`.
Exit codes as in docs/operations.md; retries help with 1, 7 and sometimes 6.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

DPCURATE_JAR = "/opt/dpcurate/dpcurate-jobs.jar"

# Checked by the project's tests: these arguments must parse with the jobs' own command lines.
INGEST_ARGS = [
    "--ds", "{{ ds }}",
    "--warehouse", "hdfs:///data/dpcurate/warehouse",
    "--campaign", "trends",
]
DISCOVER_ROUND_ARGS = [
    "--ds", "{{ ds }}",
    "--warehouse", "hdfs:///data/dpcurate/warehouse",
    "--campaign", "trends",
    "--max-rejected-share", "0.01",
]

with DAG(
    dag_id="dpcurate_discovery",
    start_date=datetime(2026, 10, 1),
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
    ingest = SparkSubmitOperator(
        task_id="ingest",
        conn_id="spark_default",
        application=DPCURATE_JAR,
        java_class="org.dpcurate.jobs.IngestJob",
        application_args=INGEST_ARGS,
        name="dpcurate-discovery-ingest-{{ ds }}",
    )
    discover_round = SparkSubmitOperator(
        task_id="discover_round",
        conn_id="spark_default",
        application=DPCURATE_JAR,
        java_class="org.dpcurate.jobs.DiscoverRoundJob",
        application_args=DISCOVER_ROUND_ARGS,
        name="dpcurate-discover-round-{{ ds }}",
    )
    ingest >> discover_round
