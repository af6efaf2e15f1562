package org.dpcurate.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.HexFormat;
import java.util.Properties;
import org.dpcurate.ProtocolDocument;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md "Upload tokens": the vectors a client checks its derivations against, recomputed from RFC
 * 9474's test vector 1 (its key and signature) and the oracles' own randomizers.
 */
class UploadTokenVectorsTest {

  @Test
  void theDocumentedDerivationsHold() throws Exception {
    Properties doc = new Properties();
    doc.load(new StringReader(ProtocolDocument.block("```text token-vectors")));
    Properties rfc = BlindRsaTest.vector();
    assertEquals(doc.getProperty("key_id"), TokenKey.of(BlindRsaTest.publicKey(rfc)).id());

    byte[] sig = BlindRsaTest.bytes(rfc, "sig");
    // The derivations read only the signature; the input's layout is dpcurate's (96 bytes), not the RFC's message.
    UploadToken token = new UploadToken(new byte[UploadToken.INPUT_BYTES], sig);
    assertEquals(doc.getProperty("h"), HexFormat.of().formatHex(token.digest()));
    assertEquals(doc.getProperty("report_id"), token.reportId());
    long u = token.publicRandomness();
    assertEquals(doc.getProperty("u"), HexFormat.of().toHexDigits(u));

    java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
    assertEquals(doc.getProperty("olh_seed"), HexFormat.of().toHexDigits(
        FrequencyOracle.of(OracleConfig.olh(2, 100)).randomize(5, u, rng).seed()));
    assertEquals(Integer.parseInt(doc.getProperty("flh_hash_index_S1024")),
        FrequencyOracle.of(OracleConfig.flh(2, 100, 1024, 0L)).randomize(5, u, rng).hashIndex());
    assertEquals(Integer.parseInt(doc.getProperty("flh_hash_index_S128")),
        FrequencyOracle.of(OracleConfig.flh(2, 100, 128, 0L)).randomize(5, u, rng).hashIndex());
    assertEquals(Integer.parseInt(doc.getProperty("sketch_row_k16")),
        FrequencyOracle.of(OracleConfig.cms(2, 100, 16, 256, 0L)).randomize(5, u, rng).hashIndex());
    assertEquals(Integer.parseInt(doc.getProperty("sketch_row_k16")),
        FrequencyOracle.of(OracleConfig.hcms(2, 100, 16, 256, 0L)).randomize(5, u, rng).hashIndex());
    assertEquals(Integer.parseInt(doc.getProperty("sketch_row_k8")),
        FrequencyOracle.of(OracleConfig.hcms(2, 100, 8, 256, 0L)).randomize(5, u, rng).hashIndex());
    assertEquals(Integer.parseInt(doc.getProperty("hcms_coefficient_k16_m256")),
        FrequencyOracle.of(OracleConfig.hcms(2, 100, 16, 256, 0L)).randomize(5, u, rng).value());
    assertEquals(Integer.parseInt(doc.getProperty("hcms_coefficient_k8_m256")),
        FrequencyOracle.of(OracleConfig.hcms(2, 100, 8, 256, 0L)).randomize(5, u, rng).value());
  }
}
