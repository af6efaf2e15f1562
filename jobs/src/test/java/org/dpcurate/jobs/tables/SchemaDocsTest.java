package org.dpcurate.jobs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.evaluation.LabelledMessagesTable;
import org.dpcurate.jobs.evaluation.UtilityTable;
import org.dpcurate.jobs.simulation.DiscoveryTruthTable;
import org.dpcurate.jobs.simulation.MetricsTable;
import org.dpcurate.jobs.simulation.TruthTable;
import org.junit.jupiter.api.Test;

/** docs/schemas.md and the tables' schemas say the same: every column, in order, with its type and nullability. */
class SchemaDocsTest {
  private static final Path DOC = Path.of("..", "docs", "schemas.md");
  private static final Pattern SECTION = Pattern.compile("^## (\\w+) \\(");
  private static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\| ([^|]+) \\|");

  /** Every table the jobs write, by name. */
  static final Map<String, StructType> TABLES = tables();

  private static Map<String, StructType> tables() {
    Map<String, StructType> out = new TreeMap<>();
    out.put(CandidateTable.NAME, CandidateTable.SCHEMA);
    out.put(ReportTable.NAME, ReportTable.SCHEMA);
    out.put(TruthTable.NAME, TruthTable.SCHEMA);
    out.put(RankedTable.NAME, RankedTable.SCHEMA);
    out.put(QuarantineTable.NAME, QuarantineTable.SCHEMA);
    out.put(LedgerTable.NAME, LedgerTable.SCHEMA);
    out.put(CuratedTable.NAME, CuratedTable.SCHEMA);
    out.put(MetricsTable.NAME, MetricsTable.SCHEMA);
    out.put(RequestTable.NAME, RequestTable.SCHEMA);
    out.put(DiscoveredTable.NAME, DiscoveredTable.SCHEMA);
    out.put(DiscoveryRoundsTable.NAME, DiscoveryRoundsTable.SCHEMA);
    out.put(DiscoveryTruthTable.NAME, DiscoveryTruthTable.SCHEMA);
    out.put(RetentionLogTable.NAME, RetentionLogTable.SCHEMA);
    out.put(DownloadsTable.NAME, DownloadsTable.SCHEMA);
    out.put(DownloadBasisTable.NAME, DownloadBasisTable.SCHEMA);
    out.put(IngestRejectsTable.NAME, IngestRejectsTable.SCHEMA);
    out.put(DiscoveryCandidatesTable.NAME, DiscoveryCandidatesTable.SCHEMA);
    out.put(EmbeddingsTable.NAME, EmbeddingsTable.SCHEMA);
    out.put(LabelledMessagesTable.NAME, LabelledMessagesTable.SCHEMA);
    out.put(UtilityTable.NAME, UtilityTable.SCHEMA);
    return out;
  }

  /** "name type[, null]" per column, from each section's column table. */
  static Map<String, List<String>> documented() throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    String section = null;
    for (String line : Files.readAllLines(DOC)) {
      Matcher s = SECTION.matcher(line);
      if (s.find()) {
        section = s.group(1);
        continue;
      }
      if (line.startsWith("## ")) {
        section = null; // a section that documents no table (an input format)
        continue;
      }
      Matcher r = ROW.matcher(line);
      if (section == null || !r.find() || r.group(1).trim().equals("column") || r.group(1).startsWith("---")) {
        continue;
      }
      String type = r.group(2).trim();
      for (String column : r.group(1).trim().split(",\\s*")) {
        out.computeIfAbsent(section, k -> new ArrayList<>()).add(column + " " + type);
      }
    }
    return out;
  }

  static List<String> columns(StructType schema) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(f.name() + " " + f.dataType().catalogString() + (f.nullable() ? ", null" : ""));
    }
    return out;
  }

  @Test
  void everyTableIsDocumentedColumnByColumn() throws IOException {
    Map<String, List<String>> code = new LinkedHashMap<>();
    TABLES.forEach((name, schema) -> code.put(name, columns(schema)));
    Map<String, List<String>> docs = documented();
    assertEquals(code.keySet(), docs.keySet(), "documented tables");
    for (String table : code.keySet()) {
      assertEquals(code.get(table), docs.get(table), "columns of " + table + " in docs/schemas.md");
    }
  }
}
