package org.dpcurate.jobs.pipeline;

import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.PublishSettings;
import org.dpcurate.oracle.MechanismChooser;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The oracle a round is published with: the named one, or the mechanism chooser's pick; GRR at eps = infinity. */
public final class OraclePicker {
  private static final Logger LOG = LoggerFactory.getLogger(OraclePicker.class);

  private OraclePicker() {}

  /** The config for {@code domainSize} candidates and about {@code devices} reports. */
  public static OracleConfig pick(PublishSettings s, int domainSize, long devices) {
    double epsilon = s.epsilon();
    if (Double.isInfinite(epsilon)) {
      return OracleConfig.grr(epsilon, domainSize);
    }
    if (!s.oracle().isAuto()) {
      OracleKind kind = s.oracle().kind();
      // An impossible combination (FLH's range at eps 20, say) is the command line's fault: exit 2 with the reason.
      return Cli.validated(CurationOptions.ORACLE, () -> kind.defaultConfig(epsilon, domainSize, devices, 0L));
    }
    MechanismChooser.Choice choice = Cli.validated(CurationOptions.REPORT_BITS,
        () -> MechanismChooser.choose(epsilon, domainSize, s.reportBits(), devices));
    LOG.info("mechanism chooser (eps={}, K={}, budget {} bits, n={}): {}\n{}", epsilon, domainSize, s.reportBits(),
        devices, choice.chosen().kind(), choice.table());
    return choice.chosen();
  }
}
