/**
 * Text embedding and nearest-candidate search over L2-normalized vectors. Knows nothing of how candidates are
 * generated: any concept features come in from the caller. Depends on {@code hash}.
 */
package org.dpcurate.embedding;
