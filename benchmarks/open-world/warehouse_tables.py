"""Reading a curate run's warehouse tables for the open-world scripts (Parquet, hive-partitioned)."""
import numpy as np
import pyarrow.dataset as ds


def load(warehouse, table, campaign, date=None):
    """The rows of `table` for `campaign` (and, if given, the partition ds=`date`) as a pandas frame."""
    frame = ds.dataset(f"{warehouse}/{table}", partitioning="hive").to_table().to_pandas()
    frame = frame[frame.campaign == campaign]
    return frame if date is None else frame[frame.ds.astype(str) == date]


def matrix(column):
    """A column of embeddings as one float64 matrix, a row each."""
    return np.stack(column.values).astype(np.float64)
