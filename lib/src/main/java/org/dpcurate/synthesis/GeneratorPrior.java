package org.dpcurate.synthesis;

import java.util.List;

/**
 * The synthetic generator's prior: the language, length and tone weights it draws initial pools and explored
 * candidates from (topics and slots uniform). Weights are written "code:weight,..." as in the population configs'
 * {@code prior.*} keys.
 */
public record GeneratorPrior(String languageWeights, String lengthWeights, String toneWeights) {
  /** The built-in prior: English, medium length and a neutral tone favoured. */
  public static GeneratorPrior defaults() {
    return new GeneratorPrior("en:0.6,es:0.1,fr:0.1,de:0.1,it:0.1", "short:0.2,medium:0.6,long:0.2",
        "neutral:0.5,formal:0.3,casual:0.1,urgent:0.1");
  }

  /** The distribution the generator draws specs from; a bad weight is an error naming its key. */
  public SpecDistribution distribution() {
    List<String> languages = Taxonomy.LANGUAGES.stream().map(Taxonomy.Lexicon::code).toList();
    return SpecDistribution.uniformSlots(
        Weights.parse("prior.language.weights", languageWeights, languages),
        Weights.parse("prior.length.weights", lengthWeights, Taxonomy.LENGTHS),
        Weights.parse("prior.tone.weights", toneWeights, Taxonomy.TONES));
  }
}
