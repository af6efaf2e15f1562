package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.discovery.PromptVocabulary;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * A nightly discovery round's published candidate list, what its devices download besides the config: token
 * sequences of one length (end-padded), indexed as devices report them.
 */
public final class DiscoveryCandidatesTable {
  private DiscoveryCandidatesTable() {}

  public static final String NAME = "discovery_candidates";

  public static final StructType SCHEMA = new StructType()
      .add("candidate_index", DataTypes.IntegerType, false)
      .add("tokens", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("text", DataTypes.StringType, false)
      .add("padding", DataTypes.BooleanType, false);

  /** A round's list as read back: the token sequences in index order, and whether the last one is padding. */
  public record Listed(List<int[]> candidates, boolean padded) {}

  public static void write(Warehouse w, String campaign, LocalDate ds, List<int[]> listed, boolean padded,
      PromptVocabulary vocabulary, PublishedConfig published) {
    List<Row> rows = new ArrayList<>(listed.size());
    for (int i = 0; i < listed.size(); i++) {
      List<Integer> tokens = new ArrayList<>();
      for (int t : listed.get(i)) {
        tokens.add(t);
      }
      rows.add(RowFactory.create(i, tokens, vocabulary.text(listed.get(i)), padded && i == listed.size() - 1));
    }
    w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, ds,
        Manifest.ofRound(published.round()).set("config_hash", published.hash()).count("candidates", rows.size()));
  }

  public static Listed read(Warehouse w, String campaign, LocalDate ds) {
    String path = w.requireCommitted(NAME, campaign, ds);
    Dataset<Row> table = ParquetInput.read(w, path, SCHEMA);
    ParquetInput.requireTypes("discovery candidates at " + path, table.schema(), SCHEMA);
    List<int[]> out = new ArrayList<>();
    boolean padded = false;
    for (Row r : ParquetInput.reading(path, () -> table.orderBy("candidate_index").collectAsList())) {
      List<Integer> tokens = r.getList(r.fieldIndex("tokens"));
      out.add(tokens.stream().mapToInt(Integer::intValue).toArray());
      padded |= (Boolean) r.getAs("padding");
    }
    return new Listed(out, padded);
  }
}
