package org.dpcurate.jobs.options;

import org.dpcurate.oracle.OracleKind;

/**
 * The {@code --oracle} of a simulated round: {@link #AUTO} lets the mechanism chooser pick, otherwise the named
 * oracle. Names match case-insensitively.
 *
 * @param kind the named oracle, or null for the chooser
 */
public record OracleChoice(OracleKind kind) {
  public static final OracleChoice AUTO = new OracleChoice(null);

  public boolean isAuto() {
    return kind == null;
  }

  public static final Parser<OracleChoice> PARSER = Parser.of(text -> text.trim().equalsIgnoreCase("auto") ? AUTO
      : new OracleChoice(OracleKind.parse(text)), c -> c.isAuto() ? "auto" : c.kind().name());
}
