package org.dpcurate.discovery;

import java.util.List;

/** A discovery run's output: the ranked strings, every round's candidates and the round summaries. */
public record DiscoveryResult(String method, List<DiscoveredString> discovered, List<RoundCandidate> candidates,
    List<RoundSummary> rounds) {}
