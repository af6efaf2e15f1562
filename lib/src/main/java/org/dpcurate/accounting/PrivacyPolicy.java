package org.dpcurate.accounting;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The fleet's privacy policy, governed configuration rather than a per-run option: the per-device budget over a
 * rolling period, the features (groups of campaigns) that each reach a disjoint share of the devices, the share of
 * opted-in devices a round of each feature polls, and whether the budget is checked against the worst case or the
 * bound amplified by that sampling. Read from a properties file (docs/privacy.md); {@link #hash} identifies the
 * version every ledger row and manifest records.
 *
 * @param fleet the devices this policy governs: one ledger, one budget per device, across every campaign
 * @param version the file's {@code policy.version}
 * @param hash SHA-256 of the file's bytes ("built-in" for {@link #defaults})
 * @param budgetEpsilon per-device budget per period, > 0
 * @param periodDays length of the rolling period, >= 1
 * @param features disjoint device groups and their campaigns
 * @param chargeRule which per-round figure is charged to the budget (the file's {@code accounting} key)
 * @param samplingRate share of opted-in devices polled by a round of a campaign in no feature, in (0, 1]
 * @param retentionDays days a date's reports and quarantined rows are kept once its ranking is committed
 * @param text the file's text, kept so the fleet's warehouse can record what each version said (null for
 *     {@link #defaults})
 */
public record PrivacyPolicy(String fleet, String version, String hash, double budgetEpsilon, int periodDays,
    List<Feature> features, ChargeRule chargeRule, double samplingRate, int retentionDays, String text) {

  /** A group of campaigns reaching its own {@code share} of the devices, polling {@code samplingRate} of them. */
  public record Feature(String name, double share, double samplingRate, List<String> campaigns) {}

  public PrivacyPolicy {
    if (fleet == null || !fleet.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("fleet must match [A-Za-z0-9_-]+, got: " + fleet);
    }
    if (!(budgetEpsilon > 0)) {
      throw new IllegalArgumentException("budget.epsilon must be > 0, got: " + budgetEpsilon);
    }
    if (periodDays < 1) {
      throw new IllegalArgumentException("budget.period.days must be >= 1, got: " + periodDays);
    }
    requireRate("sampling.rate", samplingRate);
    if (retentionDays < 1) {
      throw new IllegalArgumentException("retention.days must be >= 1, got: " + retentionDays);
    }
    features = List.copyOf(features);
    double shares = 0;
    TreeSet<String> seen = new TreeSet<>();
    for (Feature f : features) {
      if (!(f.share() > 0 && f.share() <= 1)) {
        throw new IllegalArgumentException("feature." + f.name() + ".share must be in (0, 1], got: " + f.share());
      }
      requireRate("feature." + f.name() + ".sampling.rate", f.samplingRate());
      shares += f.share();
      for (String c : f.campaigns()) {
        if (!seen.add(c)) {
          throw new IllegalArgumentException("campaign " + c + " is in two features");
        }
      }
    }
    if (shares > 1 + 1e-9) {
      throw new IllegalArgumentException("feature shares sum to " + shares + " > 1: features are disjoint");
    }
  }

  private static void requireRate(String key, double rate) {
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException(key + " must be in (0, 1], got: " + rate);
    }
  }

  /**
   * The built-in policy: 16 per device per 30 days, no features, every opted-in device polled, worst case, reports
   * kept 90 days.
   */
  public static PrivacyPolicy defaults() {
    return new PrivacyPolicy("fleet", "built-in", "built-in", 16, 30, List.of(), ChargeRule.WORST_CASE, 1, 90, null);
  }

  /** Parses a policy file's text; unknown keys and bad values are errors naming the key. */
  public static PrivacyPolicy parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot parse the policy: " + e.getMessage(), e);
    }
    List<String> names = new ArrayList<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      if (key.startsWith("feature.")) {
        String rest = key.substring("feature.".length());
        String name = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        String field = rest.substring(name.length());
        if (!List.of(".share", ".campaigns", ".sampling.rate").contains(field)) {
          throw new IllegalArgumentException("unknown policy key " + key);
        }
        if (!names.contains(name)) {
          names.add(name);
        }
      } else if (!List.of("fleet", "policy.version", "budget.epsilon", "budget.period.days", "accounting",
          "sampling.rate", "retention.days").contains(key)) {
        throw new IllegalArgumentException("unknown policy key " + key);
      }
    }
    if (p.getProperty("policy.version") == null) {
      throw new IllegalArgumentException("policy.version is required");
    }
    List<Feature> features = new ArrayList<>();
    for (String name : names) {
      String campaigns = p.getProperty("feature." + name + ".campaigns", "");
      features.add(new Feature(name, number(p, "feature." + name + ".share", null),
          number(p, "feature." + name + ".sampling.rate", "1"),
          Arrays.stream(campaigns.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList()));
    }
    ChargeRule mode = ChargeRule.parse(p.getProperty("accounting", ChargeRule.WORST_CASE.key()).trim());
    return new PrivacyPolicy(p.getProperty("fleet", "fleet").trim(), p.getProperty("policy.version").trim(),
        sha256(text),
        number(p, "budget.epsilon", null), (int) number(p, "budget.period.days", null), features, mode,
        number(p, "sampling.rate", "1"), (int) number(p, "retention.days", "90"), text);
  }

  private static double number(Properties p, String key, String def) {
    String v = p.getProperty(key, def);
    if (v == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got: " + v, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The feature a campaign belongs to, or null when it reaches every device. */
  public String featureOf(String campaign) {
    return features.stream().filter(f -> f.campaigns().contains(campaign)).map(Feature::name).findFirst()
        .orElse(null);
  }

  /** The share of opted-in devices a round of {@code campaign} polls. */
  public double samplingRateOf(String campaign) {
    return features.stream().filter(f -> f.campaigns().contains(campaign)).mapToDouble(Feature::samplingRate)
        .findFirst().orElse(samplingRate);
  }

  /** What a round of {@code epsilon} on {@code campaign} charges each device's budget under this policy. */
  public double charged(String campaign, double epsilon) {
    return chargeRule.charged(epsilon, samplingRateOf(campaign));
  }

  /** The ledger that checks spends under this policy. */
  public PrivacyLedger ledger() {
    Map<String, String> featureOf = new HashMap<>();
    features.forEach(f -> f.campaigns().forEach(c -> featureOf.put(c, f.name())));
    return new PrivacyLedger(budgetEpsilon, periodDays, featureOf);
  }

  /** The same policy with another budget: an explicit, recorded override. */
  public PrivacyPolicy withBudget(double epsilon) {
    return new PrivacyPolicy(fleet, version, hash, epsilon, periodDays, features, chargeRule, samplingRate,
        retentionDays, text);
  }

  /** The same policy with another period: an explicit, recorded override. */
  public PrivacyPolicy withPeriodDays(int days) {
    return new PrivacyPolicy(fleet, version, hash, budgetEpsilon, days, features, chargeRule, samplingRate,
        retentionDays, text);
  }

  /** The same policy for another fleet (a simulated population is its own fleet). */
  public PrivacyPolicy forFleet(String name) {
    return new PrivacyPolicy(name, version, hash, budgetEpsilon, periodDays, features, chargeRule, samplingRate,
        retentionDays, text);
  }
}
