package org.dpcurate.jobs.ingestion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;

/**
 * The upload files that landed for one campaign and date: {@code <landing>/campaign=<c>/ds=<date>/batch=<id>/*.jsonl},
 * one batch directory per delivery of the upload service. Hidden names ({@code .} or {@code _} first) are files
 * still being written and are skipped; any other unexpected entry is an error naming it. The fingerprint (every
 * file's batch, name, length and modification time) says whether anything changed since the last ingestion.
 *
 * @param files the upload files, in batch and name order
 * @param fingerprint one line per file
 */
record LandingBatches(String dir, List<String> files, List<String> batches, String fingerprint) {

  static LandingBatches of(Configuration hadoop, String landingRoot, String campaign, String ds) {
    String dir = landingRoot + "/campaign=" + campaign + "/ds=" + ds;
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root)) {
        throw new JobException(ExitCode.MISSING_INPUT, "no uploads landed for campaign " + campaign + " on " + ds
            + ": " + dir + " does not exist");
      }
      List<String> files = new ArrayList<>();
      List<String> batches = new ArrayList<>();
      StringBuilder fingerprint = new StringBuilder();
      for (FileStatus batch : sorted(fs.listStatus(root))) {
        String name = batch.getPath().getName();
        if (hidden(name)) {
          continue;
        }
        if (!batch.isDirectory() || !name.startsWith("batch=")) {
          throw unexpected(dir, name, "the landing directory of a date holds batch=<id> directories only");
        }
        batches.add(name.substring("batch=".length()));
        for (FileStatus f : sorted(fs.listStatus(batch.getPath()))) {
          String file = f.getPath().getName();
          if (hidden(file)) {
            continue;
          }
          if (f.isDirectory() || !file.endsWith(".jsonl")) {
            throw unexpected(batch.getPath().toString(), file, "a batch holds .jsonl upload files only");
          }
          files.add(f.getPath().toString());
          fingerprint.append(name).append('/').append(file).append(' ').append(f.getLen()).append(' ')
              .append(f.getModificationTime()).append('\n');
        }
      }
      return new LandingBatches(dir, files, batches, fingerprint.toString());
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  private static List<FileStatus> sorted(FileStatus[] entries) {
    List<FileStatus> out = new ArrayList<>(Arrays.asList(entries));
    out.sort(Comparator.comparing(s -> s.getPath().getName()));
    return out;
  }

  private static JobException unexpected(String dir, String name, String why) {
    return new JobException(ExitCode.MISSING_INPUT, "unexpected entry " + name + " in " + dir + ": " + why);
  }
}
