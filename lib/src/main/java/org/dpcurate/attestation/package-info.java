/**
 * Attested uploads: RSA blind signatures (RFC 9474, RSABSSA-SHA384-PSS-Randomized) as anonymous, one-per-round
 * upload tokens. A device gets one blind signature per round from an issuer that checks it is a genuine device
 * ({@link org.dpcurate.attestation.TokenRequest}, {@link org.dpcurate.attestation.TokenIssuer}), attaches the
 * unblinded token to its upload, and the server verifies it offline ({@link org.dpcurate.attestation.TokenVerifier})
 * and accepts it once. The token's hash, which the device cannot choose, names the report and fixes its public
 * randomness ({@link org.dpcurate.attestation.UploadToken}). Depends on no other dpcurate package; BouncyCastle
 * stays inside it.
 */
package org.dpcurate.attestation;
