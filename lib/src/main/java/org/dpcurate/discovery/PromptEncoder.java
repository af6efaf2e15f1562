package org.dpcurate.discovery;

import java.io.Serializable;
import java.util.SplittableRandom;

/** What a device reports in a discovery round: its string as a candidate index, or -1 for none of them. */
public interface PromptEncoder extends Serializable {
  /**
   * @param words the device's string as word tokens (no end marker)
   * @param rng the device's stream for this round (SFP draws its fragment position from it)
   */
  int valueOf(int[] words, SplittableRandom rng);
}
