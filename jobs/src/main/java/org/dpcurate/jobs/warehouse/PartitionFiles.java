package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;

/**
 * The data files of an input partition, listed strictly: a partition holds Parquet data files ({@code *.parquet}),
 * its {@code _manifest.json}, Spark's {@code _SUCCESS} and the file system's hidden {@code .crc} checksums, nothing
 * else. Anything else (a sub-directory, which Spark would read as a partition column and drop the other files for,
 * another file, an empty or truncated Parquet file) is an input error naming the entry, so nothing is read but the
 * data files and none of them is skipped.
 */
public final class PartitionFiles {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private PartitionFiles() {}

  /** The partition's data files, in name order. */
  public static List<String> of(Warehouse w, String dir) {
    Path p = new Path(dir);
    List<String> out = new ArrayList<>();
    try {
      FileSystem fs = w.fs(p);
      FileStatus[] entries = fs.listStatus(p);
      Arrays.sort(entries, Comparator.comparing(s -> s.getPath().getName()));
      for (FileStatus s : entries) {
        String name = s.getPath().getName();
        if (!s.isDirectory() && (name.equals(Manifest.FILE) || name.equals("_SUCCESS")
            || name.startsWith(".") && name.endsWith(".crc"))) {
          continue;
        }
        if (s.isDirectory()) {
          throw unexpected(dir, name, "a sub-directory; a partition holds data files only");
        }
        if (!name.endsWith(".parquet")) {
          throw unexpected(dir, name, "not a .parquet data file");
        }
        if (!hasMagic(fs, s)) {
          throw unexpected(dir, name, s.getLen() == 0 ? "an empty file"
              : "not Parquet or truncated (" + s.getLen() + " bytes without the PAR1 header and footer)");
        }
        out.add(s.getPath().toString());
      }
      return out;
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static JobException unexpected(String dir, String name, String why) {
    return new JobException(ExitCode.MISSING_INPUT, "unexpected entry " + name + " in " + dir + ": " + why
        + "; remove or move it, then re-run");
  }

  /** Whether the file starts and ends with Parquet's magic bytes (a truncated file loses its footer's). */
  private static boolean hasMagic(FileSystem fs, FileStatus s) throws IOException {
    long length = s.getLen();
    if (length < 2L * MAGIC.length + 4) {
      return false;
    }
    byte[] head = new byte[MAGIC.length];
    byte[] tail = new byte[MAGIC.length];
    try (FSDataInputStream in = fs.open(s.getPath())) {
      in.readFully(0, head);
      in.readFully(length - MAGIC.length, tail);
    }
    return Arrays.equals(head, MAGIC) && Arrays.equals(tail, MAGIC);
  }
}
