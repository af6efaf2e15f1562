package org.dpcurate.synthesis;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where fresh candidates come from when refinement explores, and the embedder its new texts go through: the
 * template generator ({@link CandidateGenerator}) or an imported public pool ({@link PublicPool}).
 */
public interface CandidateSource {
  /** One fresh candidate for {@code round}, not yet embedded. */
  Candidate draw(int round, RandomGenerator rng);

  /** {@code candidates} with every missing embedding filled in, in one batch; the others unchanged. */
  List<Candidate> embedMissing(List<Candidate> candidates);
}
