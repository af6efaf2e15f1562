package org.dpcurate.download;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.client.SegmentLayout;
import org.dpcurate.embedding.Int8Quantization;

/**
 * What one device downloads for a round, in one file (docs/protocol.md "Download bundle"): the round's published
 * config, byte for byte (its SHA-256 is the {@code config_sha256} the device's upload carries), the segment, and the
 * candidates the device chooses among, in the order whose positions it reports, each with its id and its vector in
 * the round's encoding: float32 (no download budget), int8 with a scale, or a projected code with the basis. All
 * numbers are little-endian; the file ends with the SHA-256 of everything before it.
 *
 * @param config the published config's exact text
 * @param segment the download segment (0 when the round has one)
 * @param poolSize the round's published candidates, over all segments
 * @param ids the candidates' ids, in position order
 * @param vectors each candidate's encoded vector: 4d bytes of float32, d int8 values, or a packed projected code
 * @param scales each candidate's float32 scale (int8 and projected; zeros for float32)
 * @param basis the projected download's axes (null unless projected)
 */
public record DownloadBundle(String config, int segment, int poolSize, List<String> ids, List<byte[]> vectors,
    float[] scales, PrincipalProjection basis) {

  /** The first four bytes of every bundle. */
  public static final byte[] MAGIC = "DPCB".getBytes(StandardCharsets.US_ASCII);
  /** The layout version this code writes and reads. */
  public static final int VERSION = 1;

  /** How the candidates' vectors are encoded; the code is the byte after the version. */
  public enum Encoding { FLOAT32, INT8, PROJECTED }

  private static final int CHECKSUM_BYTES = 32;

  /** The bundles of a round, one per segment: {@code embeddings} in published order, {@code basis} if projected. */
  public static List<DownloadBundle> of(String config, List<String> ids, List<float[]> embeddings,
      PrincipalProjection basis) {
    RoundConfig round = RoundConfig.parse(config);
    Encoding encoding = encoding(round);
    if ((encoding == Encoding.PROJECTED) != (basis != null)) {
      throw new IllegalArgumentException("a projected round needs its basis, and only a projected round has one");
    }
    SegmentLayout layout = new SegmentLayout(ids.size(), round.segments());
    List<DownloadBundle> bundles = new ArrayList<>();
    for (int s = 0; s < layout.segments(); s++) {
      int size = layout.segmentSize(s);
      List<String> segmentIds = new ArrayList<>(size);
      List<byte[]> vectors = new ArrayList<>(size);
      float[] scales = new float[size];
      for (int p = 0; p < size; p++) {
        int i = layout.candidate(s, p);
        segmentIds.add(ids.get(i));
        float[] x = embeddings.get(i);
        switch (encoding) {
          case FLOAT32 -> {
            ByteBuffer b = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : x) {
              b.putFloat(v);
            }
            vectors.add(b.array());
          }
          case INT8 -> {
            Int8Quantization.Quantized q = Int8Quantization.quantize(x);
            vectors.add(q.values());
            scales[p] = q.scale();
          }
          case PROJECTED -> {
            PrincipalProjection.Code code = basis.encode(x);
            vectors.add(code.packed());
            scales[p] = code.scale();
          }
        }
      }
      bundles.add(new DownloadBundle(config, s, ids.size(), segmentIds, vectors, scales, basis));
    }
    return bundles;
  }

  /** The encoding a round's config implies: float32 without a download budget, else int8 or projected. */
  public static Encoding encoding(RoundConfig round) {
    if (round.download() == null) {
      return Encoding.FLOAT32;
    }
    return round.download().projectedAxes() > 0 ? Encoding.PROJECTED : Encoding.INT8;
  }

  /** The round config the bundle carries. */
  public RoundConfig roundConfig() {
    return RoundConfig.parse(config);
  }

  /** The SHA-256 of the config's bytes, in lower-case hex: what the device's upload names its round by. */
  public String configSha256() {
    return RoundConfig.sha256(config);
  }

  /**
   * Candidate {@code position}'s vector as the device scores it against its message embedding: the float32 or
   * dequantized int8 embedding, or (projected) the decoded code scaled to unit length, to be scored against the
   * message's projection ({@link PrincipalProjection#project}).
   */
  public float[] scoringVector(int position) {
    return switch (encoding(roundConfig())) {
      case FLOAT32 -> {
        ByteBuffer b = ByteBuffer.wrap(vectors.get(position)).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[vectors.get(position).length / 4];
        for (int i = 0; i < x.length; i++) {
          x[i] = b.getFloat();
        }
        yield x;
      }
      case INT8 -> new Int8Quantization.Quantized(vectors.get(position), scales[position]).dequantize();
      case PROJECTED -> basis.scoringVector(new PrincipalProjection.Code(vectors.get(position), scales[position]));
    };
  }

  /** The bundle's bytes (docs/protocol.md "Download bundle"). */
  public byte[] encode() {
    RoundConfig round = roundConfig();
    Encoding encoding = encoding(round);
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    int dimension = round.embedding() == null ? 0 : round.embedding().dimension();
    int axes = basis == null ? 0 : basis.axes();
    ByteBuffer out = ByteBuffer.allocate(encodedSize(configBytes.length, dimension, axes, encoding))
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).putShort((short) VERSION).put((byte) encoding.ordinal()).put((byte) 0);
    out.putInt(configBytes.length).put(configBytes);
    out.putInt(segment).putInt(poolSize).putInt(ids.size()).putShort((short) dimension).putShort((short) axes);
    for (int a = 0; a < axes; a++) {
      out.put(basis.axis(a)).putFloat(basis.axisScale(a)).putFloat(basis.mean(a));
    }
    for (int p = 0; p < ids.size(); p++) {
      byte[] id = ids.get(p).getBytes(StandardCharsets.UTF_8);
      out.putShort((short) id.length).put(id).put(vectors.get(p));
      if (encoding != Encoding.FLOAT32) {
        out.putFloat(scales[p]);
      }
    }
    out.put(sha256(out.array(), out.position()));
    return out.array();
  }

  private int encodedSize(int configBytes, int dimension, int axes, Encoding encoding) {
    long size = 4 + 2 + 1 + 1 + 4 + configBytes + 4 + 4 + 4 + 2 + 2 + (long) axes * (dimension + 8) + CHECKSUM_BYTES;
    for (int p = 0; p < ids.size(); p++) {
      int id = ids.get(p).getBytes(StandardCharsets.UTF_8).length;
      if (id > 0xFFFF) {
        throw new IllegalArgumentException("candidate id " + ids.get(p).substring(0, 40) + "... is " + id
            + " bytes; a bundle holds ids of at most 65,535");
      }
      size += 2 + id + vectors.get(p).length + (encoding == Encoding.FLOAT32 ? 0 : 4);
    }
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a bundle of " + size + " bytes is over 2 GiB: use a download budget");
    }
    return (int) size;
  }

  /**
   * The bundle {@code bytes} hold. Throws {@link InvalidBundleException} saying why when the bytes are not a
   * complete bundle of this version, the checksum fails, the config is not one this code reads, or the bundle does
   * not agree with its config (encoding, segment, dimension, number of candidates).
   */
  public static DownloadBundle decode(byte[] bytes) {
    if (bytes.length < MAGIC.length + CHECKSUM_BYTES || !Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
      throw new InvalidBundleException("not a download bundle (no DPCB magic)");
    }
    int body = bytes.length - CHECKSUM_BYTES;
    if (!Arrays.equals(sha256(bytes, body), 0, CHECKSUM_BYTES, bytes, body, bytes.length)) {
      throw new InvalidBundleException("checksum mismatch: the bundle is truncated or corrupt");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, body).order(ByteOrder.LITTLE_ENDIAN);
    in.position(4);
    try {
      int version = Short.toUnsignedInt(in.getShort());
      if (version != VERSION) {
        throw new InvalidBundleException("bundle layout version " + version + "; this code reads version " + VERSION);
      }
      int encodingCode = Byte.toUnsignedInt(in.get());
      in.get();
      String config = utf8(bytes(in, in.getInt()));
      RoundConfig round;
      try {
        round = RoundConfig.parse(config);
      } catch (RoundConfig.InvalidRoundConfigException e) {
        throw new InvalidBundleException("its config is not usable: " + e.getMessage());
      }
      Encoding encoding = encoding(round);
      if (encodingCode != encoding.ordinal()) {
        throw new InvalidBundleException("encoding " + encodingCode + " does not match its config's " + encoding);
      }
      int segment = in.getInt();
      int poolSize = in.getInt();
      int count = in.getInt();
      int dimension = Short.toUnsignedInt(in.getShort());
      int axes = Short.toUnsignedInt(in.getShort());
      SegmentLayout layout = new SegmentLayout(poolSize, round.segments());
      int expectedAxes = round.download() == null ? 0 : round.download().projectedAxes();
      if (round.embedding() == null || dimension != round.embedding().dimension() || axes != expectedAxes
          || segment < 0 || segment >= layout.segments() || count != layout.segmentSize(segment)) {
        throw new InvalidBundleException("segment " + segment + " of " + poolSize + " candidates (" + count
            + " here), dimension " + dimension + ", " + axes + " axes do not match its config");
      }
      PrincipalProjection basis = null;
      if (axes > 0) {
        byte[][] axis = new byte[axes][];
        float[] axisScale = new float[axes];
        float[] mean = new float[axes];
        for (int a = 0; a < axes; a++) {
          axis[a] = bytes(in, dimension);
          axisScale[a] = in.getFloat();
          mean[a] = in.getFloat();
        }
        basis = new PrincipalProjection(axis, axisScale, mean);
      }
      int vectorBytes = switch (encoding) {
        case FLOAT32 -> 4 * dimension;
        case INT8 -> dimension;
        case PROJECTED -> PrincipalProjection.packedBytes(axes);
      };
      List<String> ids = new ArrayList<>(count);
      List<byte[]> vectors = new ArrayList<>(count);
      float[] scales = new float[count];
      for (int p = 0; p < count; p++) {
        ids.add(utf8(bytes(in, Short.toUnsignedInt(in.getShort()))));
        vectors.add(bytes(in, vectorBytes));
        scales[p] = encoding == Encoding.FLOAT32 ? 0 : in.getFloat();
      }
      if (in.hasRemaining()) {
        throw new InvalidBundleException(in.remaining() + " bytes after the last candidate");
      }
      return new DownloadBundle(config, segment, poolSize, ids, vectors, scales, basis);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      if (e instanceof InvalidBundleException invalid) {
        throw invalid;
      }
      throw new InvalidBundleException("the bundle ends early or holds an impossible value: " + e.getMessage());
    }
  }

  private static byte[] bytes(ByteBuffer in, int length) {
    if (length < 0 || length > in.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidBundleException("a text field is not valid UTF-8");
    }
  }

  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Why bytes are not a bundle this code can read. */
  public static final class InvalidBundleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidBundleException(String message) {
      super(message);
    }
  }
}
