package org.dpcurate.jobs.ingestion;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.estimation.Rejection;
import org.dpcurate.oracle.FrequencyOracle;

/**
 * The JSON-lines wire format of docs/protocol.md "Uploads": a line a record (LF or CRLF), blank lines ignored. Lines
 * are read as bytes (Hadoop's line reader, splittable) and decoded strictly, so a line that is not valid UTF-8 is
 * refused with its exact bytes kept, never silently repaired. A line of printable ASCII, as every valid upload is,
 * is parsed from its bytes without being decoded to text first.
 */
final class JsonLines implements UploadFormat {
  private static final long serialVersionUID = 1L;
  private static final StructType RECORDS = new StructType().add("value", DataTypes.BinaryType, false)
      .add("file", DataTypes.StringType, false).add("position", DataTypes.LongType, false);

  @Override
  public Dataset<Row> records(SparkSession spark, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> records = null;
    for (String file : files) {
      JavaRDD<Row> lines = jsc.newAPIHadoopFile(file, TextInputFormat.class, LongWritable.class, Text.class,
              jsc.hadoopConfiguration())
          .map(line -> RowFactory.create(Arrays.copyOf(line._2().getBytes(), line._2().getLength()), file,
              line._1().get()));
      records = records == null ? lines : records.union(lines);
    }
    return spark.createDataFrame(records == null ? jsc.emptyRDD() : records, RECORDS);
  }

  @Override
  public Decoder decoder(FrequencyOracle oracle, UploadRound round) {
    UploadValidation validation = new UploadValidation(oracle, round);
    return (file, bytes) -> {
      Bytes kind = Bytes.of(bytes);
      if (kind != Bytes.OTHER) {
        return kind == Bytes.BLANK ? null : validation.checkAscii(file, bytes);
      }
      String line;
      try {
        line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        return RowFactory.create(file, new String(bytes, StandardCharsets.UTF_8), Rejection.MALFORMED.name(),
            "not valid UTF-8 (the exact bytes are in line_base64)", Base64.getEncoder().encodeToString(bytes));
      }
      return line.isBlank() ? null : validation.check(file, line);
    };
  }

  /** What a line's bytes are: printable ASCII and tabs (as every valid upload is), all blank, or anything else. */
  private enum Bytes {
    PRINTABLE_ASCII, BLANK, OTHER;

    static Bytes of(byte[] line) {
      boolean blank = true;
      for (byte b : line) {
        if (b == ' ' || b == '\t') {
          continue;
        }
        if (b < 0x20 || b > 0x7e) {
          return OTHER;
        }
        blank = false;
      }
      return blank ? BLANK : PRINTABLE_ASCII;
    }
  }
}
