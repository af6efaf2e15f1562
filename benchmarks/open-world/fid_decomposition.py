"""Why a round's vote-weighted set can sit further from the private text than the uniform pool (FID).

Reads a curate run's warehouse (labelled_messages, candidates, ranked, truth) and, for one round's pool, prints the
Frechet distance to the held-out messages, split into its mean term |mu - mu_test|^2 and its covariance term, for
the pool weighted four ways: uniformly (curate's round 0), by the devices' true votes (the noise-free quantization
of the private messages onto the pool), by the round's estimated votes (clipped at 0), and by the square root of
the true votes; and, as the floor, the private training messages themselves. It reproduces curate's own FID of
the uniform pool (same Gaussian fit, unweighted held-out side).

  python fid_decomposition.py WAREHOUSE CAMPAIGN [DATE]     (DATE: the round's ds, default 2026-01-01)
"""
import sys

import numpy as np

from warehouse_tables import load, matrix


def gaussian(x, w):
    w = w / w.sum()
    mu = w @ x
    d = x - mu
    return mu, (d * w[:, None]).T @ d


def main(warehouse, campaign, date):
    messages = load(warehouse, "labelled_messages", campaign)
    test = matrix(messages[messages.split == "test"].embedding)
    train = matrix(messages[messages.split != "test"].embedding)
    mu_test, cov_test = gaussian(test, np.ones(len(test)))

    def fid(x, w):
        mu, cov = gaussian(x, w)
        # tr sqrt(S1 S2) from the eigenvalues of S1 S2, which are real and non-negative for covariances.
        roots = np.sqrt(np.linalg.eigvals(cov @ cov_test).real.clip(min=0)).sum()
        mean = float(((mu - mu_test) ** 2).sum())
        spread = float(np.trace(cov) + np.trace(cov_test) - 2 * roots)
        effective = 1 / ((w / w.sum()) ** 2).sum()
        return (f"{mean + spread:7.4f} {mean:7.4f} {spread:7.4f} {np.trace(cov):7.3f} {effective:9.0f}")

    pool = load(warehouse, "candidates", campaign, date)
    x = matrix(pool.embedding)
    index = {c: i for i, c in enumerate(pool.candidate_id)}
    estimated = np.zeros(len(x))
    true = np.zeros(len(x))
    ranked = load(warehouse, "ranked", campaign, date)
    for c, e in zip(ranked.candidate_id, ranked.estimate):
        estimated[index[c]] = max(e, 0.0)
    truth = load(warehouse, "truth", campaign, date)
    for c, t in zip(truth.candidate_id, truth.true_count):
        true[index[c]] = t
    print(f"{campaign} {date}: {len(x)} candidates, {len(test)} held-out messages (trace of their covariance "
          f"{np.trace(cov_test):.3f})")
    print(f"{'set':34} {'fid':>7} {'mean':>7} {'cov':>7} {'trace':>7} {'effective':>9}")
    print(f"{'pool, uniform (round 0)':34} {fid(x, np.ones(len(x)))}")
    print(f"{'pool, true votes':34} {fid(x, true)}")
    print(f"{'pool, estimated votes':34} {fid(x, estimated)}")
    print(f"{'pool, sqrt(true votes)':34} {fid(x, np.sqrt(true))}")
    print(f"{'private training messages':34} {fid(train, np.ones(len(train)))}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else "2026-01-01")
