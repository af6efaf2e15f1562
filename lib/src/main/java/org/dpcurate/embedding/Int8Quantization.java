package org.dpcurate.embedding;

/**
 * Compact embeddings for download: a vector as d signed bytes and one float32 scale (symmetric, per vector),
 * {@code scale = max_i |x_i| / 127}, {@code q_i = round(x_i / scale)} in [-127, 127], dequantized as
 * {@code x_i ~ scale * q_i}: d + 4 bytes instead of 4d. Each component is off by at most {@code scale / 2}, so a
 * dot product with a unit query moves by at most {@code sqrt(d) * scale / 2}; devices search their nearest
 * candidate on the dequantized vectors as they are (no renormalization).
 */
public final class Int8Quantization {
  private Int8Quantization() {}

  /** One quantized vector. */
  public record Quantized(byte[] values, float scale) {
    public float[] dequantize() {
      float[] out = new float[values.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = scale * values[i];
      }
      return out;
    }

    /** The largest change of a dot product with a unit vector that quantization can cause. */
    public double dotErrorBound() {
      return Math.sqrt(values.length) * scale / 2;
    }
  }

  public static Quantized quantize(float[] v) {
    float max = 0;
    for (float x : v) {
      if (!Float.isFinite(x)) {
        throw new IllegalArgumentException("cannot quantize a non-finite component: " + x);
      }
      max = Math.max(max, Math.abs(x));
    }
    float scale = max / 127f;
    byte[] q = new byte[v.length];
    if (scale > 0) {
      for (int i = 0; i < v.length; i++) {
        q[i] = (byte) Math.max(-127, Math.min(127, Math.round(v[i] / scale)));
      }
    }
    return new Quantized(q, scale);
  }

  /** Bytes a device downloads per candidate embedding of dimension {@code d} (values and scale). */
  public static int bytesPerVector(int d) {
    return d + Float.BYTES;
  }
}
