package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dpcurate.download.DownloadBundle;
import org.dpcurate.download.PrincipalProjection;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.synthesis.Candidate;

/**
 * The files devices download for a date's round ({@link DownloadBundle}, docs/protocol.md "Download bundle"): one
 * per download segment, {@code bundles/campaign=<c>/ds=<date>/segment=<s>.dpcb}, each carrying the published
 * config byte for byte. Written once: publishing the same round again leaves them as they are, and only a
 * simulation may replace them.
 */
public final class DownloadBundles {
  public static final String TABLE = "bundles";

  private DownloadBundles() {}

  /** The path of segment {@code segment}'s bundle. */
  public static String path(Warehouse w, String campaign, LocalDate ds, int segment) {
    return w.partition(TABLE, campaign, ds) + "/segment=" + segment + ".dpcb";
  }

  /**
   * Writes the round's bundles for {@code pool} (published order) under the date's published config; {@code basis}
   * is the projected download's (else null). Returns the bytes of the largest bundle.
   */
  public static long write(Warehouse w, String campaign, LocalDate ds, List<Candidate> pool,
      PrincipalProjection basis, boolean replace) {
    String config = w.readText(w.configPath(campaign, ds));
    List<DownloadBundle> bundles = DownloadBundle.of(config, pool.stream().map(Candidate::id).toList(),
        pool.stream().map(Candidate::embedding).toList(), basis);
    long largest = 0;
    for (DownloadBundle bundle : bundles) {
      byte[] bytes = bundle.encode();
      largest = Math.max(largest, bytes.length);
      String path = path(w, campaign, ds, bundle.segment());
      if (!replace && w.exists(path)) {
        if (!Arrays.equals(w.readBytes(path), bytes)) {
          throw new JobException(ExitCode.MISSING_INPUT, "download bundle " + path + " differs from the round "
              + "published now; a published round is immutable: publish a later date instead");
        }
        continue;
      }
      w.writeBytes(path, bytes);
    }
    return largest;
  }
}
