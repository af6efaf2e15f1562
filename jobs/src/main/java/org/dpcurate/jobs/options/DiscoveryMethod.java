package org.dpcurate.jobs.options;

import java.util.List;
import org.dpcurate.discovery.FragmentPuzzleDiscovery;
import org.dpcurate.discovery.PrefixTreeDiscovery;

/** A string-discovery method; {@code --method both} runs each in turn. */
public enum DiscoveryMethod {
  PREFIX_TREE(PrefixTreeDiscovery.METHOD),
  SFP(FragmentPuzzleDiscovery.METHOD);

  private final String label;

  DiscoveryMethod(String label) {
    this.label = label;
  }

  /** The name outputs and options use. */
  public String label() {
    return label;
  }

  static final Parser<List<DiscoveryMethod>> PARSER = Parser.of(text -> switch (text) {
    case PrefixTreeDiscovery.METHOD -> List.of(PREFIX_TREE);
    case FragmentPuzzleDiscovery.METHOD -> List.of(SFP);
    case "both" -> List.of(PREFIX_TREE, SFP);
    default -> throw new IllegalArgumentException("must be prefix-tree, sfp or both, got: " + text);
  }, methods -> methods.size() == 1 ? methods.get(0).label() : "both");
}
