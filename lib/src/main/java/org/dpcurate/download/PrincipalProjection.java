package org.dpcurate.download;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.embedding.SymmetricEigen;
import org.dpcurate.embedding.Vectors;

/**
 * The projected download (docs/protocol.md "Projected download"): a pool's embeddings on their first {@code a}
 * principal axes, each candidate as {@value #BITS}-bit codes, so a whole pool fits a budget that its int8 vectors do
 * not. The axes are fitted on the candidates (public data) and published in int8 with the projected pool mean; a
 * device projects its message on the dequantized axes and scores each candidate by the dot product with the
 * candidate's decoded projection scaled to unit length. Every candidate embedding has unit length, but the part
 * of it on the first axes does not: scaling it away keeps candidates that lie mostly on those axes from winning
 * the near-ties (in the demo's pool, votes moved from short to medium-length candidates half as often). Ranking by
 * that score approximates ranking by cosine similarity; what is lost is the spread outside the first axes and the
 * codes' rounding.
 */
public final class PrincipalProjection implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Bits a code component takes: values in [-{@value #LEVELS}, {@value #LEVELS}], packed little-endian. */
  public static final int BITS = 5;
  /** The largest code magnitude. */
  public static final int LEVELS = (1 << (BITS - 1)) - 1;

  private final byte[][] axes;
  private final float[] axisScales;
  private final float[] mean;

  /**
   * @param axes per axis, the int8 components of the unit axis ({@link Int8Quantization})
   * @param axisScales per axis, its int8 scale
   * @param mean per axis, the projection of the pool's mean embedding on the dequantized axis
   */
  public PrincipalProjection(byte[][] axes, float[] axisScales, float[] mean) {
    if (axes.length == 0 || axes.length != axisScales.length || axes.length != mean.length) {
      throw new IllegalArgumentException("a projection needs >= 1 axis with one scale and one mean each, got "
          + axes.length + " axes, " + axisScales.length + " scales, " + mean.length + " means");
    }
    for (byte[] axis : axes) {
      if (axis.length != axes[0].length) {
        throw new IllegalArgumentException("axes of different dimensions: " + axis.length + " and " + axes[0].length);
      }
    }
    this.axes = axes;
    this.axisScales = axisScales;
    this.mean = mean;
  }

  /** A candidate's code: {@code axes} packed {@value #BITS}-bit values and one float32 scale. */
  public record Code(byte[] packed, float scale) {}

  /**
   * The first {@code count} principal axes of {@code embeddings} (rows, one dimension), largest variance first, each
   * signed so that its largest-magnitude component (the lowest index on ties) is positive, which makes the basis a
   * function of the pool alone.
   */
  public static PrincipalProjection fit(float[][] embeddings, int count) {
    int d = embeddings[0].length;
    if (count < 1 || count > d) {
      throw new IllegalArgumentException("axes must be in [1, " + d + "], got: " + count);
    }
    double[] centre = new double[d];
    for (float[] v : embeddings) {
      for (int i = 0; i < d; i++) {
        centre[i] += v[i];
      }
    }
    for (int i = 0; i < d; i++) {
      centre[i] /= embeddings.length;
    }
    double[][] covariance = new double[d][d];
    double[] x = new double[d];
    for (float[] v : embeddings) {
      for (int i = 0; i < d; i++) {
        x[i] = v[i] - centre[i];
      }
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          covariance[i][j] += x[i] * x[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        covariance[i][j] /= embeddings.length;
        covariance[j][i] = covariance[i][j];
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(new Array2DRowRealMatrix(covariance, false));
    double[] values = eigen.values();
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int byValue = Double.compare(values[b], values[a]);
      return byValue != 0 ? byValue : Integer.compare(a, b);
    });
    byte[][] axes = new byte[count][];
    float[] scales = new float[count];
    float[] centreF = new float[d];
    for (int i = 0; i < d; i++) {
      centreF[i] = (float) centre[i];
    }
    for (int a = 0; a < count; a++) {
      double[] u = eigen.vectors().getColumn(order[a]);
      int top = 0;
      for (int i = 1; i < d; i++) {
        if (Math.abs(u[i]) > Math.abs(u[top])) {
          top = i;
        }
      }
      float[] axis = new float[d];
      for (int i = 0; i < d; i++) {
        axis[i] = (float) (u[top] < 0 ? -u[i] : u[i]);
      }
      Int8Quantization.Quantized q = Int8Quantization.quantize(axis);
      axes[a] = q.values();
      scales[a] = q.scale();
    }
    // The mean is the centre projected as a device projects: on the int8 axes (projecting ignores the mean).
    float[] mean = new PrincipalProjection(axes, scales, new float[count]).project(centreF);
    return new PrincipalProjection(axes, scales, mean);
  }

  public int axes() {
    return axes.length;
  }

  public int dimension() {
    return axes[0].length;
  }

  public byte[] axis(int a) {
    return axes[a].clone();
  }

  public float axisScale(int a) {
    return axisScales[a];
  }

  public float mean(int a) {
    return mean[a];
  }

  /** What a device computes for its message: {@code p_a = scale_a * sum_i q_a[i] * x_i} (summed in double). */
  public float[] project(float[] x) {
    if (x.length != dimension()) {
      throw new IllegalArgumentException("expected " + dimension() + " dimensions, got " + x.length);
    }
    float[] out = new float[axes.length];
    for (int a = 0; a < axes.length; a++) {
      byte[] axis = axes[a];
      double s = 0;
      for (int i = 0; i < axis.length; i++) {
        s += axis[i] * (double) x[i];
      }
      out[a] = (float) (axisScales[a] * s);
    }
    return out;
  }

  /**
   * A candidate's code: {@code e_a} its projection minus the mean, {@code scale = max |e_a| / 15},
   * {@code c_a = floor(e_a / scale + 0.5)}.
   */
  public Code encode(float[] embedding) {
    float[] p = project(embedding);
    float max = 0;
    for (int a = 0; a < p.length; a++) {
      p[a] -= mean[a];
      max = Math.max(max, Math.abs(p[a]));
    }
    float scale = max / LEVELS;
    int[] values = new int[p.length];
    if (scale > 0) {
      for (int a = 0; a < p.length; a++) {
        values[a] = Math.max(-LEVELS, Math.min(LEVELS, Math.round(p[a] / scale)));
      }
    }
    return new Code(pack(values), scale);
  }

  /** The candidate's projection as a device rebuilds it: {@code scale * c_a + mean_a}. */
  public float[] decode(Code code) {
    int[] values = unpack(code.packed(), axes.length);
    float[] out = new float[values.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = code.scale() * values[a] + mean[a];
    }
    return out;
  }

  /** What a device scores a candidate with: its decoded projection {@link #decode} scaled to unit length. */
  public float[] scoringVector(Code code) {
    return Vectors.normalize(decode(code));
  }

  /**
   * Values in [-15, 15] as {@code value + 15} in {@value #BITS} bits each, bit {@code b} of the stream in bit
   * {@code b mod 8} of byte {@code b / 8}.
   */
  public static byte[] pack(int[] values) {
    byte[] out = new byte[packedBytes(values.length)];
    for (int j = 0; j < values.length; j++) {
      if (values[j] < -LEVELS || values[j] > LEVELS) {
        throw new IllegalArgumentException("code value out of [-" + LEVELS + ", " + LEVELS + "]: " + values[j]);
      }
      int u = values[j] + LEVELS;
      for (int b = 0; b < BITS; b++) {
        if (((u >> b) & 1) != 0) {
          int bit = j * BITS + b;
          out[bit >> 3] |= (byte) (1 << (bit & 7));
        }
      }
    }
    return out;
  }

  /** The inverse of {@link #pack}; a stored value above 30 is refused. */
  public static int[] unpack(byte[] packed, int count) {
    if (packed.length != packedBytes(count)) {
      throw new IllegalArgumentException("expected " + packedBytes(count) + " bytes for " + count + " values, got "
          + packed.length);
    }
    int[] out = new int[count];
    for (int j = 0; j < count; j++) {
      int u = 0;
      for (int b = 0; b < BITS; b++) {
        int bit = j * BITS + b;
        u |= ((packed[bit >> 3] >> (bit & 7)) & 1) << b;
      }
      if (u > 2 * LEVELS) {
        throw new IllegalArgumentException("stored code value " + u + " at " + j + " is above " + 2 * LEVELS);
      }
      out[j] = u - LEVELS;
    }
    return out;
  }

  public static int packedBytes(int values) {
    return (values * BITS + 7) / 8;
  }

  /** Bytes a device downloads per candidate code with {@code axes} axes: packed values and the scale. */
  public static long codeBytes(int axes) {
    return packedBytes(axes) + Float.BYTES;
  }

  /** Bytes of the basis a device downloads once: per axis its int8 components, scale and mean. */
  public static long basisBytes(int axes, int dimension) {
    return (long) axes * (Int8Quantization.bytesPerVector(dimension) + Float.BYTES);
  }

  /** Bytes of a whole pool of {@code candidates} projected on {@code axes} axes, basis included. */
  public static long downloadBytes(int candidates, int dimension, int axes) {
    return candidates * codeBytes(axes) + basisBytes(axes, dimension);
  }
}
