"""How much the downstream accuracy figures depend on the classifier's regularization.

Reads a curate run's warehouse (labelled_messages, candidates, ranked) and scores, for round 0 (the initial pool)
and every curated round, the round's curated set (selected candidates at their estimated shares, the rest of the
votes split evenly, as CuratedSet.of) as training data for two multinomial logistic regressions tested on the
held-out messages:
  evaluator  L2 1e-3 on standardized embeddings, as curate's evaluator (Spark MLlib) sets it; nearly unregularized
  default    L2 1/n on the raw embeddings, the common library default (scikit-learn's C = 1)
Both are fitted here with numpy (full-batch Adam, 1,500 steps, deterministic), so the first column approximates
curate's own figures rather than reproducing them. Prints accuracy and gap closed per round for each.

  python classifier_sensitivity.py WAREHOUSE CAMPAIGN [LABEL_COLUMN] [MESSAGES_CAMPAIGN]

LABEL_COLUMN is the candidates' label column (label for real text, topic for the generated population);
MESSAGES_CAMPAIGN is the campaign whose labelled_messages are the private data (default CAMPAIGN; a run's
baseline and noise-free variants are campaigns CAMPAIGN-baseline and CAMPAIGN-noise-free).
"""
import sys

import numpy as np

from warehouse_tables import load, matrix


def fit(x, y, weights, classes, l2, steps=1500, rate=0.05):
    n, d = x.shape
    w = np.zeros((d, classes))
    b = np.zeros(classes)
    weights = weights / weights.mean()
    onehot = np.eye(classes)[y]
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros(classes), np.zeros(classes)]
    for t in range(1, steps + 1):
        z = x @ w + b
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        g = (p - onehot) * weights[:, None] / n
        for i, (param, grad) in enumerate(((w, x.T @ g + l2 * w), (b, g.sum(0)))):
            m, v = moments[2 * i], moments[2 * i + 1]
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad ** 2
            param -= rate * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w, b


def main():
    warehouse, campaign = sys.argv[1], sys.argv[2]
    label = sys.argv[3] if len(sys.argv) > 3 else "label"
    messages = load(warehouse, "labelled_messages", sys.argv[4] if len(sys.argv) > 4 else campaign)
    candidates = load(warehouse, "candidates", campaign)
    ranked = load(warehouse, "ranked", campaign)
    labels = {l: i for i, l in enumerate(sorted(messages.topic.unique()))}
    train, test = messages[messages.split != "test"], messages[messages.split == "test"]
    test_x, test_y = matrix(test.embedding), test.topic.map(labels).values

    def accuracy(x, y, weights, evaluator):
        if evaluator == "evaluator":
            scale = x.std(0) + 1e-12
            w, b = fit(x / scale, y, weights, len(labels), 1e-3)
            return ((test_x / scale @ w + b).argmax(1) == test_y).mean()
        w, b = fit(x, y, weights, len(labels), 1.0 / len(y))
        return ((test_x @ w + b).argmax(1) == test_y).mean()

    dates = sorted(ranked.ds.unique())
    sets = [("private-data", matrix(train.embedding), train.topic.map(labels).values, np.ones(len(train)))]
    first = candidates[candidates.ds == dates[0]]
    sets.append(("round 0", matrix(first.embedding), first[label].map(labels).values, np.ones(len(first))))
    for r, day in enumerate(dates, 1):
        rows = ranked[ranked.ds == day][["candidate_id", "selected", "share"]].merge(
            candidates[candidates.ds == day][["candidate_id", label, "embedding"]], on="candidate_id")
        selected = rows.selected.values
        share = np.maximum(rows.share.values, 0)
        rest = share[~selected].sum() / max((~selected).sum(), 1)
        sets.append((f"round {r}", matrix(rows.embedding), rows[label].map(labels).values,
                     np.where(selected, share, rest)))
    print(f"{warehouse} {campaign}: {len(train)} private messages, {len(test)} held out")
    print(f"{'set':14s} {'evaluator':>10s} {'gap':>7s} {'default':>10s} {'gap':>7s}")
    results = {name: {e: accuracy(x, y, w, e) for e in ("evaluator", "default")} for name, x, y, w in sets}
    for name, _, _, _ in sets[1:] + sets[:1]:
        row = f"{name:14s}"
        for e in ("evaluator", "default"):
            low, high = results["round 0"][e], results["private-data"][e]
            row += f" {results[name][e]:10.3f} {(results[name][e] - low) / (high - low):7.3f}"
        print(row)


if __name__ == "__main__":
    main()
