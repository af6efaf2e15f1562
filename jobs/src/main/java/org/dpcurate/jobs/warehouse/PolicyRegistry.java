package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;

/**
 * What each policy version a fleet accounted under said: the policy file's text, stored once per fleet and hash
 * under {@code policies/fleet=<fleet>/<sha256>.properties} when its first round is committed. Governance compares a
 * new version with the newest stored one (a larger budget is an override), so the ledger's rows need not carry the
 * policy's content.
 */
public final class PolicyRegistry {
  /** The directory under the warehouse root. */
  public static final String TABLE = "policies";

  private PolicyRegistry() {}

  private static String dir(Warehouse w, String fleet) {
    return w.root() + "/" + TABLE + "/fleet=" + fleet;
  }

  /** Every policy stored for {@code fleet}, parsed (a file that no longer parses is exit 3, naming it). */
  public static List<PrivacyPolicy> stored(Warehouse w, String fleet) {
    List<PrivacyPolicy> out = new ArrayList<>();
    Path dir = new Path(dir(w, fleet));
    FileSystem fs = w.fs(dir);
    try {
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus f : fs.listStatus(dir)) {
        if (!f.getPath().getName().endsWith(".properties") || f.getPath().getName().startsWith("_")) {
          continue;
        }
        String path = f.getPath().toString();
        try {
          out.add(PrivacyPolicy.parse(w.readText(path)));
        } catch (IllegalArgumentException e) {
          throw new JobException(ExitCode.MISSING_INPUT, "stored policy " + path + " does not parse: "
              + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot list " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Stores {@code policy}'s file text for {@code fleet} unless it is there already (the built-in has no file). */
  public static void store(Warehouse w, String fleet, PrivacyPolicy policy) {
    if (policy.text() == null) {
      return;
    }
    String path = dir(w, fleet) + "/" + policy.hash() + ".properties";
    if (!w.exists(path)) {
      w.writeText(path, policy.text());
    }
  }
}
