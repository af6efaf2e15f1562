package org.dpcurate.oracle;

import java.util.Locale;

/** The payload fields of a report (docs/protocol.md), and which oracles use each; the others must be absent. */
public enum PayloadField {
  /** FLH seed-pool index, CMS/HCMS row. */
  HASH_INDEX,
  /** OLH's per-report 64-bit seed. */
  SEED,
  /** GRR candidate, OLH/FLH bucket y, HCMS coefficient l. */
  VALUE,
  /** HCMS sign. */
  SIGN,
  /** OUE and SS bit maps, CMS signs. */
  BITS;

  /** The column (and upload field) name. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean usedBy(OracleKind kind) {
    return kind.payload().contains(this);
  }
}
