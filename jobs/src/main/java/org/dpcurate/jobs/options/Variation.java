package org.dpcurate.jobs.options;

import java.util.Locale;

/** How refinement varies the surviving candidates ({@code --variation}). */
public enum Variation {
  /** Structured candidates mutate a slot (topic, language, length, tone); unstructured ones move in embedding space. */
  SLOT,
  /** Every candidate moves in embedding space. */
  EMBEDDING,
  /** Any text: WordNet synonym and hypernym swaps and sentence recombination, kept within a radius of the parent. */
  LEXICAL,
  /** Any text: the operator's language model (a GGUF file, {@code --llm-model}) rewrites it, run by llama.cpp. */
  LLM,
  /** Variations are requested from an external generator (the requests table) and read back with --generated. */
  EXTERNAL;

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
