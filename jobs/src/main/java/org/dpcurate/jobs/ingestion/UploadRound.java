package org.dpcurate.jobs.ingestion;

import java.io.Serializable;
import org.dpcurate.jobs.warehouse.PublishedConfig;

/**
 * What an upload is checked against, shipped to the executors: the published eps, the config's SHA-256 and whether
 * every upload must name it (protocol version 4 on), and the round's token issuer key (standard base64 SPKI, null:
 * the round has no tokens) with whether an upload without a token is refused.
 */
public record UploadRound(double epsilon, String configSha256, boolean namesRequired, String tokenKeySpki,
    boolean tokensRequired) implements Serializable {

  public static UploadRound of(PublishedConfig published) {
    return new UploadRound(published.oracle().epsilon(), published.hash(), published.uploadsNameRound(),
        published.tokens() == null ? null : published.tokens().key().base64(),
        published.tokens() != null && published.tokens().required());
  }

  public boolean attested() {
    return tokenKeySpki != null;
  }
}
