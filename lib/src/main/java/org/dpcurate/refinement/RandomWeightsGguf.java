package org.dpcurate.refinement;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a GGUF (version 3) llama model with random float32 weights and a byte-level SentencePiece vocabulary (padded
 * to a size): the tests of the llm variation's plumbing (loading, seeds, the token cap, the timeout) and its
 * throughput benchmark at a real model's shape, where no model can be downloaded. Its text is noise.
 */
public final class RandomWeightsGguf {
  private static final int ALIGNMENT = 32;
  private static final int STRING = 8;
  private static final int ARRAY = 9;

  private final ByteArrayOutputStream metadata = new ByteArrayOutputStream();
  private int keys;
  private final List<String> names = new ArrayList<>();
  private final List<long[]> shapes = new ArrayList<>();
  private final List<Boolean> norms = new ArrayList<>();

  private RandomWeightsGguf() {}

  /**
   * A llama of {@code layers} blocks, width {@code width}, {@code heads} heads, a feed-forward width
   * {@code feedForward} and a vocabulary of {@code vocabulary} tokens (at least 285), written to {@code path}.
   */
  public static Path write(Path path, int width, int layers, int heads, int feedForward, int vocabulary, long seed)
      throws IOException {
    RandomWeightsGguf g = new RandomWeightsGguf();
    List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
    List<Integer> types = new ArrayList<>(List.of(2, 3, 3));
    for (int b = 0; b < 256; b++) {
      tokens.add(String.format("<0x%02X>", b));
      types.add(6);
    }
    for (char c = 'a'; c <= 'z'; c++) {
      tokens.add("\u2581" + c);
      types.add(1);
    }
    if (vocabulary < tokens.size()) {
      throw new IllegalArgumentException("vocabulary must be >= " + tokens.size() + ", got: " + vocabulary);
    }
    for (int i = tokens.size(); i < vocabulary; i++) {
      tokens.add("<unused" + i + ">");
      types.add(5);
    }
    float[] scores = new float[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      scores[i] = -i;
    }
    g.text("general.architecture", "llama");
    g.u32("llama.context_length", 4096);
    g.u32("llama.embedding_length", width);
    g.u32("llama.block_count", layers);
    g.u32("llama.feed_forward_length", feedForward);
    g.u32("llama.attention.head_count", heads);
    g.u32("llama.attention.head_count_kv", heads);
    g.u32("llama.rope.dimension_count", width / heads);
    g.key("llama.attention.layer_norm_rms_epsilon", 6);
    g.metadata.write(le(Float.floatToIntBits(1e-5f), 4));
    g.text("tokenizer.ggml.model", "llama");
    g.key("tokenizer.ggml.tokens", ARRAY);
    g.metadata.write(le(STRING, 4));
    g.metadata.write(le(tokens.size(), 8));
    for (String t : tokens) {
      string(g.metadata, t);
    }
    g.key("tokenizer.ggml.scores", ARRAY);
    g.metadata.write(le(6, 4));
    g.metadata.write(le(vocabulary, 8));
    for (float s : scores) {
      g.metadata.write(le(Float.floatToIntBits(s), 4));
    }
    g.key("tokenizer.ggml.token_type", ARRAY);
    g.metadata.write(le(5, 4));
    g.metadata.write(le(vocabulary, 8));
    for (int t : types) {
      g.metadata.write(le(t, 4));
    }
    g.u32("tokenizer.ggml.bos_token_id", 1);
    g.u32("tokenizer.ggml.eos_token_id", 2);
    g.u32("tokenizer.ggml.unknown_token_id", 0);
    g.tensor("token_embd.weight", false, width, vocabulary);
    g.tensor("output_norm.weight", true, width);
    g.tensor("output.weight", false, width, vocabulary);
    for (int i = 0; i < layers; i++) {
      String b = "blk." + i + ".";
      g.tensor(b + "attn_norm.weight", true, width);
      g.tensor(b + "attn_q.weight", false, width, width);
      g.tensor(b + "attn_k.weight", false, width, width);
      g.tensor(b + "attn_v.weight", false, width, width);
      g.tensor(b + "attn_output.weight", false, width, width);
      g.tensor(b + "ffn_norm.weight", true, width);
      g.tensor(b + "ffn_gate.weight", false, width, feedForward);
      g.tensor(b + "ffn_down.weight", false, feedForward, width);
      g.tensor(b + "ffn_up.weight", false, width, feedForward);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write("GGUF".getBytes(StandardCharsets.US_ASCII));
    out.write(le(3, 4));
    out.write(le(g.names.size(), 8));
    out.write(le(g.keys, 8));
    out.write(g.metadata.toByteArray());
    long offset = 0;
    for (int t = 0; t < g.names.size(); t++) {
      string(out, g.names.get(t));
      out.write(le(g.shapes.get(t).length, 4));
      for (long d : g.shapes.get(t)) {
        out.write(le(d, 8));
      }
      out.write(le(0, 4)); // float32
      out.write(le(offset, 8));
      offset = (offset + 4L * elements(g.shapes.get(t)) + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
    pad(out);
    // The weights are streamed: a real model's shape is hundreds of megabytes.
    SplittableRandom rng = new SplittableRandom(seed);
    long written = out.size();
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
      file.write(out.toByteArray());
      ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      for (int t = 0; t < g.names.size(); t++) {
        long n = elements(g.shapes.get(t));
        for (long i = 0; i < n; i++) {
          if (!buffer.hasRemaining()) {
            file.write(buffer.array(), 0, buffer.position());
            buffer.clear();
          }
          buffer.putFloat(g.norms.get(t) ? 1f : (float) (rng.nextGaussian() * 0.02));
        }
        file.write(buffer.array(), 0, buffer.position());
        buffer.clear();
        written += 4 * n;
        while (written % ALIGNMENT != 0) {
          file.write(0);
          written++;
        }
      }
    }
    return path;
  }

  private static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  private void key(String name, int type) throws IOException {
    string(metadata, name);
    metadata.write(le(type, 4));
    keys++;
  }

  private void u32(String name, long value) throws IOException {
    key(name, 4);
    metadata.write(le(value, 4));
  }

  private void text(String name, String value) throws IOException {
    key(name, STRING);
    string(metadata, value);
  }

  /** A tensor of the given shape (innermost dimension first): ones for a norm, else N(0, 0.02^2). */
  private void tensor(String name, boolean norm, long... shape) {
    names.add(name);
    shapes.add(shape);
    norms.add(norm);
  }

  private static void string(ByteArrayOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(le(b.length, 8));
    out.write(b);
  }

  private static void pad(ByteArrayOutputStream out) {
    while (out.size() % ALIGNMENT != 0) {
      out.write(0);
    }
  }

  private static byte[] le(long v, int bytes) {
    byte[] b = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    return b;
  }
}
