package org.dpcurate.jobs.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.dpcurate.client.UploadAttestation;
import org.dpcurate.jobs.estimation.Rejection;
import org.junit.jupiter.api.Test;

/** Every refusal of the lib's token check is one of ingestion's reason codes, and no acceptance is. */
class TokenReasonCodesTest {
  @Test
  void everyRefusedOutcomeNamesAnIngestionReasonCode() {
    for (UploadAttestation.Outcome o : UploadAttestation.Outcome.values()) {
      if (o.accepted()) {
        assertNull(o.reasonCode(), o.name());
      } else {
        assertEquals(o.reasonCode(), Rejection.valueOf(o.reasonCode()).name(), o.name());
      }
    }
    assertEquals(Rejection.DUPLICATE_TOKEN.name(), UploadAttestation.DUPLICATE_TOKEN);
  }
}
