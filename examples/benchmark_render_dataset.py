"""Measure the throughput of `diffdrr render-dataset` with 1 and 2 processes; print a Markdown table.

    python examples/benchmark_render_dataset.py --n 256 --height 128 --delx 3 [--resample MM] [--device cuda]

Each configuration renders the same dataset (the example CT, or --subject files) into a fresh
folder: one process without torchrun, then torchrun jobs of 2 (or --processes) ranks. Every
process gets --threads threads (OMP_NUM_THREADS, NUMBA_NUM_THREADS). Reported: the rendering rate
from the run's own summary (shards rendered and written, after the subjects are read), the
images per CPU-second of the ranks (insensitive to other programs sharing the machine), and the
wall time of the whole command (start-up, reading the CT, rendering, writing).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--subject", nargs="*", default=[], help="CT files (default: the example CT)")
    p.add_argument("--n", type=int, default=256)
    p.add_argument("--height", type=int, default=128)
    p.add_argument("--delx", type=float, default=3.0)
    p.add_argument("--resample", type=float, default=None)
    p.add_argument("--shard-size", type=int, default=32)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="process counts to measure")
    p.add_argument("--threads", type=int, default=1, help="threads per process")
    p.add_argument("--device", default="cpu")
    args = p.parse_args(argv)

    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "OMP_NUM_THREADS": str(args.threads), "NUMBA_NUM_THREADS": str(args.threads)}
    common = [*args.subject, "-n", str(args.n), "--height", str(args.height), "--delx", str(args.delx),
              "--max-rotation", "0.3", "--max-translation", "20", "--shard-size", str(args.shard_size),
              "--batch-size", str(args.batch_size), "--device", args.device]
    if args.resample is not None:
        common += ["--resample", str(args.resample)]
    rows = []
    root = Path(tempfile.mkdtemp())
    try:
        for k in args.processes:
            launcher = [str(bin_dir / "diffdrr")] if k == 1 else [
                str(bin_dir / "torchrun"), "--standalone", f"--nproc_per_node={k}", "--no-python", str(bin_dir / "diffdrr")]
            start = time.perf_counter()
            run = subprocess.run(launcher + ["render-dataset", *common, "-o", str(root / f"p{k}")], env=env,
                                 capture_output=True, text=True)
            wall = time.perf_counter() - start
            if run.returncode != 0:
                print(run.stderr, file=sys.stderr)
                return 1
            rate, per_cpu = map(float, re.search(r"\(([\d.]+) images/s, ([\d.]+) per CPU-second", run.stderr).groups())
            rows.append((k, rate, per_cpu, wall))
            print(run.stderr.strip().splitlines()[-1], file=sys.stderr)
    finally:
        shutil.rmtree(root)
    print(f"| processes | threads each | rendering (images/s) | speed-up | images per CPU-second | wall time, {args.n} images (s) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for k, rate, per_cpu, wall in rows:
        print(f"| {k} | {args.threads} | {rate:.1f} | {rate / rows[0][1]:.2f}x | {per_cpu:.1f} | {wall:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
