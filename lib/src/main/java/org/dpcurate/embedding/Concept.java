package org.dpcurate.embedding;

import java.io.Serializable;

/**
 * A known phrase and the topic and family it belongs to: where the phrase occurs in a text, the embedder adds a
 * feature for each, so texts of one topic (and topics of one family) land nearer each other. {@code phrase} is
 * lower-case words, space-padded, so "pie" does not match inside "pies".
 */
public record Concept(String phrase, String topic, String family) implements Serializable {}
