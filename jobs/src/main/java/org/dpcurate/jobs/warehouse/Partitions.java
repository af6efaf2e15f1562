package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;

/** The partitions of a per-date table across its campaigns, found by one listing (staging directories never). */
public final class Partitions {
  private Partitions() {}

  /** A per-date partition: its campaign, date and path. */
  public record PartitionRef(String campaign, LocalDate ds, String path) {}

  /** Every partition directory of a per-date table, across campaigns, committed or not (never staging). */
  public static List<PartitionRef> all(Warehouse w, String table) {
    return glob(w, w.table(table) + "/campaign=*/ds=*", false);
  }

  /** The committed partitions of a per-date table, across campaigns: those with a manifest, never staging. */
  public static List<String> committed(Warehouse w, String table) {
    return glob(w, w.table(table) + "/campaign=*/ds=*/" + Manifest.FILE, true).stream().map(PartitionRef::path)
        .toList();
  }

  private static List<PartitionRef> glob(Warehouse w, String pattern, boolean manifests) {
    Path glob = new Path(pattern);
    try {
      FileStatus[] found = w.fs(glob).globStatus(glob);
      List<PartitionRef> out = new ArrayList<>();
      for (FileStatus s : found == null ? new FileStatus[0] : found) {
        Path dir = manifests ? s.getPath().getParent() : s.getPath();
        if (manifests || s.isDirectory()) {
          out.add(new PartitionRef(dir.getParent().getName().substring("campaign=".length()),
              LocalDate.parse(dir.getName().substring("ds=".length())), dir.toString()));
        }
      }
      out.sort(Comparator.comparing(PartitionRef::path));
      return out;
    } catch (IOException | DateTimeParseException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot list " + pattern + ": " + e.getMessage(), e);
    }
  }

}
