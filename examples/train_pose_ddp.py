"""Train a PoseRegressor with DistributedDataParallel on DRRs rendered on the fly, or read from shards.

One process:       python examples/train_pose_ddp.py --steps 1000 --checkpoint pose.pt
K processes:       torchrun --nproc_per_node K examples/train_pose_ddp.py ... [--device cuda]
N nodes x K GPUs:  torchrun --nnodes N --nproc_per_node K --rdzv-backend c10d --rdzv-endpoint HOST:29400 \\
                       examples/train_pose_ddp.py ... --device cuda
From shards:       ... --shards FOLDER  (made by `diffdrr render-dataset`; its sampler is read from dataset.json)

Each rank renders (or reads) its G / W samples of every step of G; DDP averages the gradients.
A restart with the same --checkpoint resumes where the last checkpoint was written.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch


def make_parser() -> argparse.ArgumentParser:
    "The script's arguments."
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--subject", nargs="+", default=None, help="CT files (NIfTI) or DICOM folders (default: the example CT)")
    p.add_argument("--resample", type=float, default=None, metavar="MM", help="resample the subjects to this voxel spacing")
    p.add_argument("--shards", default=None, help="read the DRRs from this render-dataset folder instead of rendering")
    p.add_argument("--sdd", type=float, default=1020.0, help="source-to-detector distance in mm")
    p.add_argument("--height", type=int, default=64, help="image rows and columns")
    p.add_argument("--delx", type=float, default=6.0, help="pixel spacing in mm")
    p.add_argument("--view", default="ap", choices=["ap", "lateral", "pa"], help="centre view of the poses")
    p.add_argument("--max-rotation", nargs="+", type=float, default=[0.3], help="half-range(s) of the ZXY angles (radians)")
    p.add_argument("--max-translation", nargs="+", type=float, default=[20.0], help="half-range(s) of the translation (mm)")
    p.add_argument("--distance", type=float, default=850.0, help="source-to-isocentre distance in mm")
    p.add_argument("--seed", type=int, default=0, help="seed of the poses")
    p.add_argument("--model", default="simple", help="backbone: simple, resnet18, resnet34 or a torchvision name")
    p.add_argument("--base-width", type=int, default=16, help="channels of the backbone's first layer")
    p.add_argument("--model-seed", type=int, default=0, help="seed of the initial weights (the same on every rank)")
    p.add_argument("--steps", type=int, default=1000, help="optimisation steps in total")
    p.add_argument("--batch-size", type=int, default=32, help="global mini-batch G (a multiple of the processes)")
    p.add_argument("--optimizer", default="adam", choices=["adam", "sgd"])
    p.add_argument("--lr", type=float, default=1e-3, help="learning rate")
    p.add_argument("--checkpoint", default=None, help="checkpoint file: resumed from if it exists")
    p.add_argument("--checkpoint-every", type=int, default=100, help="steps between checkpoints")
    p.add_argument("--log-every", type=int, default=0, help="rank 0 prints the loss every this many steps")
    p.add_argument("--device", default="cpu", help="cpu, or cuda (each rank takes GPU LOCAL_RANK)")
    return p


def _half_ranges(values: list):
    "One value or three."
    return values[0] if len(values) == 1 else values


def main(argv: list | None = None) -> int:
    "Train, print a summary on rank 0; the exit status."
    args = make_parser().parse_args(argv)
    from diffdrr.data import load_example_ct, read
    from diffdrr.dataset import DRRDataset, PoseSampler
    from diffdrr.distributed_training import PoseNormalizer, RenderedBatches, ShardBatches, train_pose_regressor
    from diffdrr.registration import PoseRegressor
    from diffdrr.render_dataset import MANIFEST, init_distributed

    dist_ = init_distributed(args.device)
    try:
        if args.shards is not None:
            manifest = json.loads((Path(args.shards) / MANIFEST).read_text())
            poses = manifest["poses"]
            if "seed" not in poses:
                raise SystemExit("the shards' poses come from a CSV file: train on a dataset drawn by a sampler")
            sampler = PoseSampler(poses["view"], poses["max_rotation"], poses["max_translation"], poses["distance"],
                                  poses["seed"])
            height = manifest["detector"]["height"]
            urls = sorted(Path(args.shards).glob("shard-*.tar"))
            batches = ShardBatches(urls, args.batch_size, dist_.rank, dist_.world_size, dist_.device)
        else:
            sampler = PoseSampler(args.view, _half_ranges(args.max_rotation), _half_ranges(args.max_translation),
                                  args.distance, args.seed)
            kwargs = {} if args.resample is None else {"resample_target": args.resample}
            subjects = [read(s, **kwargs) for s in args.subject] if args.subject else [load_example_ct(**kwargs)]
            height = args.height
            dataset = DRRDataset(subjects, sampler, args.steps * args.batch_size, sdd=args.sdd, height=height,
                                 delx=args.delx, device=dist_.device)
            batches = RenderedBatches(dataset, args.batch_size, dist_.rank, dist_.world_size)
        torch.manual_seed(args.model_seed)
        model = PoseRegressor(args.model, "euler_angles", convention="ZXY", height=height, base_width=args.base_width)
        start = time.perf_counter()
        losses = train_pose_regressor(model, batches, PoseNormalizer(sampler), args.steps, dist_, args.optimizer,
                                      args.lr, args.checkpoint, args.checkpoint_every, args.log_every)
        seconds = time.perf_counter() - start
        if dist_.is_main and losses:
            print(f"{len(losses)} steps done ({args.steps} asked) on {dist_.world_size} process(es), "
                  f"final loss {losses[-1]:.4f}, {seconds:.1f} s in this run")
    finally:
        dist_.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
