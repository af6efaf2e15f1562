package org.dpcurate.accounting;

import java.util.Arrays;

/**
 * What a round charges each participating device's budget, the policy's {@code accounting} key: a new rule is a
 * constant here with its key and formula.
 */
public enum ChargeRule {
  /** The round's eps, whatever share of the devices it polls. */
  WORST_CASE("worst-case") {
    @Override
    public double charged(double epsilon, double samplingRate) {
      return epsilon;
    }
  },
  /** The bound amplified by polling a share q of the devices: ln(1 + q (e^eps - 1)). */
  SAMPLED("sampled") {
    @Override
    public double charged(double epsilon, double samplingRate) {
      return SamplingAmplification.epsilon(epsilon, samplingRate);
    }
  };

  private final String key;

  ChargeRule(String key) {
    this.key = key;
  }

  /** What a round of {@code epsilon} polling {@code samplingRate} of the devices charges each of them. */
  public abstract double charged(double epsilon, double samplingRate);

  /** The policy file's value for this rule (also the ledger's {@code accounting} column). */
  public String key() {
    return key;
  }

  /** The rule a policy file names; an unknown value is an error naming the allowed ones. */
  public static ChargeRule parse(String value) {
    for (ChargeRule rule : values()) {
      if (rule.key.equals(value)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("accounting must be "
        + String.join(" or ", Arrays.stream(values()).map(ChargeRule::key).toList()) + ", got: " + value);
  }
}
