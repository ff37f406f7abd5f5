"""scikit-learn side of the fit-alone comparison in benches/compare.sh; prints one JSON line.

Reads `calque features --data` output (id,group,label,features...), standardises it with
StandardScaler and fits LogisticRegression(C=1.0, solver="lbfgs", max_iter=200, tol=TOL), the
same objective as calque's fit (sum of log losses + ½‖w‖², intercept not penalised).
Run with OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 for a one-core figure.
"""

import argparse
import json
import time

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("features")
    parser.add_argument("--tol", type=float, default=1e-4)
    args = parser.parse_args()
    start = time.perf_counter()
    with open(args.features, encoding="utf-8") as f:
        columns = f.readline().rstrip("\n").split(",")
    if columns[:3] != ["id", "group", "label"]:
        raise SystemExit(f"{args.features}: not `calque features --data` output")
    data = np.loadtxt(args.features, delimiter=",", skiprows=1,
                      usecols=range(2, len(columns)), dtype=np.float64, ndmin=2)
    y = data[:, 0].astype(np.int8)
    x = np.asfortranarray(data[:, 1:])
    del data
    read_seconds = time.perf_counter() - start
    start = time.perf_counter()
    xs = StandardScaler().fit_transform(x)
    scale_seconds = time.perf_counter() - start
    start = time.perf_counter()
    model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=200, tol=args.tol).fit(xs, y)
    fit_seconds = time.perf_counter() - start
    print(json.dumps({
        "rows": int(x.shape[0]), "positives": int(y.sum()), "tol": args.tol,
        "read_seconds": read_seconds, "scale_seconds": scale_seconds, "fit_seconds": fit_seconds,
        "iterations": int(model.n_iter_[0]), "log_loss": log_loss(y, model.predict_proba(xs)[:, 1]),
        "sklearn": sklearn.__version__,
    }))


if __name__ == "__main__":
    main()
