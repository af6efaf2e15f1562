package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.download.DownloadPlan;
import org.dpcurate.download.PrincipalProjection;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.synthesis.Candidate;

/**
 * What devices download for a date's round, besides its config: the published candidate list, in the order whose
 * positions devices report, with the embeddings they compare their messages against, in float32 and in the
 * compact int8 form ({@link Int8Quantization}: d + 4 bytes a candidate instead of 4d), and the download segment
 * each candidate is in with its position there, which segmented rounds' reports name ({@link DownloadPlan}). A
 * projected round adds each candidate's {@link PrincipalProjection} code; its basis is {@link DownloadBasisTable}.
 */
public final class DownloadsTable {
  private DownloadsTable() {}

  public static final String NAME = "downloads";

  public static final StructType SCHEMA = new StructType()
      .add("candidate_index", DataTypes.IntegerType, false)
      .add("candidate_id", DataTypes.StringType, false)
      .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("embedding_int8", DataTypes.BinaryType, false)
      .add("embedding_scale", DataTypes.FloatType, false)
      .add("segment", DataTypes.IntegerType, false)
      .add("segment_position", DataTypes.IntegerType, false)
      .add("projected_code", DataTypes.BinaryType, true)
      .add("projected_scale", DataTypes.FloatType, true);

  /**
   * Commits the download of {@code pool} (in published order) under {@code published}, split as {@code plan};
   * {@code projection} (null unless the plan is projected) gives the codes; {@code recorded} adds entries to the
   * manifest (the publication's budget check).
   */
  public static void write(Warehouse w, String campaign, LocalDate ds, List<Candidate> pool,
      PublishedConfig published, DownloadPlan plan, PrincipalProjection projection, Map<String, Object> recorded) {
    List<Row> rows = new ArrayList<>(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      Int8Quantization.Quantized q = Int8Quantization.quantize(pool.get(i).embedding());
      PrincipalProjection.Code code = projection == null ? null : projection.encode(pool.get(i).embedding());
      rows.add(RowFactory.create(i, pool.get(i).id(), CandidateTable.boxed(pool.get(i).embedding()), q.values(),
          q.scale(), plan.layout().segmentOf(i), plan.layout().positionOf(i), code == null ? null : code.packed(),
          code == null ? null : code.scale()));
    }
    int dimension = pool.get(0).embedding().length;
    Manifest manifest = Manifest.ofRound(published.round());
    recorded.forEach(manifest::set);
    w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, ds,
        manifest.set("config_hash", published.hash())
            .set("config", w.configPath(campaign, ds)).set("oracle", published.oracle().kind().name())
            .set("epsilon", published.oracle().epsilon()).set("sampling_rate", published.samplingRate())
            .count("candidates", pool.size()).count("dimension", dimension)
            .count("float32_bytes", 4L * dimension * pool.size())
            .count("int8_bytes", (long) Int8Quantization.bytesPerVector(dimension) * pool.size())
            .count("segments", published.segments())
            .count("projected_axes", plan.projectedAxes())
            .count("bytes_per_device", plan.bytesPerDevice()));
    if (projection != null) {
      DownloadBasisTable.write(w, campaign, ds, published, projection);
    }
  }
}
