package org.dpcurate.embedding;

import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix (a covariance of embeddings), in commons-math's order.
 * commons-math's QL iteration can fail to converge on a rank-deficient covariance, which is what fewer points than
 * dimensions give (a small held-out split, a curated set or a pool of fewer rows than the embedding has
 * dimensions). Then the singular value decomposition, which always converges, gives them: for a symmetric matrix
 * U S V^T, eigenvalue i is s_i (u_i . v_i), negative where v_i = -u_i, with eigenvector u_i.
 *
 * @param values the eigenvalues
 * @param vectors the eigenvectors, as columns in the order of {@code values}
 */
public record SymmetricEigen(double[] values, RealMatrix vectors) {

  public static SymmetricEigen of(RealMatrix symmetric) {
    try {
      EigenDecomposition e = new EigenDecomposition(symmetric);
      return new SymmetricEigen(e.getRealEigenvalues(), e.getV());
    } catch (MaxCountExceededException e) {
      SingularValueDecomposition svd = new SingularValueDecomposition(symmetric);
      RealMatrix u = svd.getU();
      RealMatrix v = svd.getV();
      double[] s = svd.getSingularValues();
      double[] values = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        values[i] = s[i] * u.getColumnVector(i).dotProduct(v.getColumnVector(i));
      }
      return new SymmetricEigen(values, u);
    }
  }
}
