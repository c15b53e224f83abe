#!/usr/bin/env python3
"""scikit-learn's KMeans on the same ZRM scores as Wijknet's profiles, with the same settings.

Usage:

    wijknet bench --profiles --data /tmp/zrm.f64 --json /tmp/zrm-wijknet.json
    python3 -m venv /tmp/bench && /tmp/bench/bin/pip install scikit-learn
    /tmp/bench/bin/python bench/kmeans_sklearn.py /tmp/zrm.f64 /tmp/zrm-wijknet.json [elkan]

Runs KMeans(n_clusters=k, init="k-means++", n_init=10, max_iter=300, tol=1e-4, algorithm="lloyd")
on all cores (or algorithm="elkan", scikit-learn's variant with triangle-inequality bounds), and
prints both times, the ratio and both inertias (Wijknet's must be no worse).
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans


def main():
    data, ours_path = sys.argv[1], sys.argv[2]
    algorithm = sys.argv[3] if len(sys.argv) > 3 else "lloyd"
    ours = json.load(open(ours_path))
    points = np.fromfile(data, dtype="<f8").reshape(-1, 13)
    assert points.shape[0] == ours["assessments"], "the data and the result are of different runs"
    model = KMeans(n_clusters=ours["k"], init="k-means++", n_init=ours["initialisations"], max_iter=300, tol=1e-4,
                   algorithm=algorithm, random_state=2017)
    start = time.perf_counter()
    model.fit(points)
    seconds = time.perf_counter() - start
    print(f"scikit-learn ({algorithm}): {seconds:.2f} s, inertia {model.inertia_:.1f}, {model.n_iter_} iterations in the best run")
    print(f"Wijknet:      {ours['seconds']:.2f} s, inertia {ours['inertia']:.1f}")
    print(f"ratio Wijknet / scikit-learn: time {ours['seconds'] / seconds:.2f}, inertia {ours['inertia'] / model.inertia_:.4f}")
    sys.exit(0 if ours["inertia"] <= model.inertia_ * (1 + 1e-9) else 1)


if __name__ == "__main__":
    main()
