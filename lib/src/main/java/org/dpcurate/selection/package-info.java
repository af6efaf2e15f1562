/**
 * Ranking with error bars and significance: which candidates clear a false-discovery-controlled threshold and an
 * optional minimum count. Depends on {@code estimation}.
 */
package org.dpcurate.selection;
