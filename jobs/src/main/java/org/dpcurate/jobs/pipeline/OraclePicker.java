package org.dpcurate.jobs.pipeline;

import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.PublishSettings;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.MechanismChooser;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oracle a round is published with: the named one, or the mechanism chooser's pick; GRR at eps = infinity.
 * Under an attack-gain cap a named OLH or FLH shrinks its hash range to fit, and a named oracle that cannot is
 * refused.
 */
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
      OracleConfig named = Cli.validated(CurationOptions.ORACLE, () -> kind.defaultConfig(epsilon, domainSize,
          devices, 0L));
      return Cli.validated(CurationOptions.MAX_ATTACK_GAIN, () -> withinCap(named, s.maxAttackGain()));
    }
    MechanismChooser.Choice choice = Cli.validated(
        Double.isInfinite(s.maxAttackGain()) ? CurationOptions.REPORT_BITS : CurationOptions.MAX_ATTACK_GAIN,
        () -> MechanismChooser.choose(epsilon, domainSize, s.reportBits(), devices, s.maxAttackGain()));
    LOG.info("mechanism chooser (eps={}, K={}, budget {} bits, attack-gain cap {}, n={}): {}\n{}", epsilon,
        domainSize, s.reportBits(), s.maxAttackGain(), devices, choice.chosen().kind(), choice.table());
    return choice.chosen();
  }

  /** {@code named} within the cap (OLH and FLH with a smaller hash range), or the reason it cannot be. */
  private static OracleConfig withinCap(OracleConfig named, double maxAttackGain) {
    if (Double.isInfinite(maxAttackGain)) {
      return named;
    }
    OracleConfig capped = MechanismChooser.withinGainCap(named, maxAttackGain);
    double gain = FrequencyOracle.of(capped).fakeReportGain();
    if (gain > maxAttackGain) {
      throw new IllegalArgumentException(String.format("one fake %s report is worth %.3f honest holders at "
          + "eps=%s, above the cap %s: name another oracle or let the chooser pick (--oracle auto)",
          named.kind(), gain, named.epsilon(), maxAttackGain));
    }
    if (capped.hashRange() != named.hashRange()) {
      LOG.info("{} hash range {} instead of {}: one fake report is worth {} honest holders, within the cap {}",
          named.kind(), capped.hashRange(), named.hashRange(), String.format("%.3f", gain), maxAttackGain);
    }
    return capped;
  }
}
