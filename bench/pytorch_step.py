"""The lecture CNN's training step in Python PyTorch: the peer of coursekit.bench.TrainStepBench.

Same network, batch, optimizer, warm-up and step counts; the uint8 -> float/255 conversion is
part of the step, as in coursekit's Fit. Prints the same RESULT lines as the Java side.

    /usr/bin/python3 bench/pytorch_step.py [--sizes 64,150] [--warmup 5] [--steps64 30]
                                           [--steps150 15] [--repeats 3] [--threads N]
"""
import argparse
import os
import statistics
import time

import numpy as np
import torch
from torch import nn

BATCH = 32
# "update" is the optimizer step and clearing the gradients, as coursekit's Optimizer.apply does both.
PHASES = ["batch", "forward", "backward", "loss_sync", "update"]


def lecture_cnn(side):
    layers, channels = [], 3
    for filters in (32, 64, 128, 128):
        layers += [nn.Conv2d(channels, filters, 3), nn.ReLU(), nn.MaxPool2d(2)]
        channels, side = filters, (side - 2) // 2
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(channels * side * side, 512), nn.ReLU(), nn.Linear(512, 1))


def loaded_blas():
    """The BLAS library this process loaded (Debian picks it with update-alternatives)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return ", ".join(sorted(os.path.realpath(p) for p in paths)) or "none"


def random_images(count, side, seed):
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, size=(count, side, side, 3), dtype=np.uint8)
    labels = rng.integers(0, 2, size=count).astype(np.float32)
    return pixels, labels


def to_batch(pixels, labels, indices):
    """uint8 HWC images -> float32 NCHW in [0, 1], labels (N, 1), as coursekit's Batches and Samples do."""
    x = torch.from_numpy(pixels[indices]).permute(0, 3, 1, 2).contiguous().float().div_(255)
    y = torch.from_numpy(labels[indices]).reshape(-1, 1)
    return x, y


def step(model, loss_fn, optimizer, x, y):
    logits = model(x)
    loss = loss_fn(logits, y)
    loss.backward()
    loss.item()
    ((logits > 0).float() == y).sum().item()
    optimizer.step()
    optimizer.zero_grad()


def epoch(model, loss_fn, optimizer, pixels, labels, rng):
    order = rng.permutation(len(labels))
    for start in range(0, len(order), BATCH):
        x, y = to_batch(pixels, labels, order[start:start + BATCH])
        step(model, loss_fn, optimizer, x, y)


def report(side, kind, ms, what):
    print(f"  {kind}: {what}; samples {[round(v, 1) for v in ms]}")
    print(f"RESULT pytorch {side} {kind} median_ms={statistics.median(ms):.2f} min_ms={min(ms):.2f} "
          f"max_ms={max(ms):.2f} n={len(ms)}")


def bench(side, warmup, steps, repeats):
    torch.manual_seed(1)
    model = lecture_cnn(side)
    model.train()
    loss_fn = nn.BCEWithLogitsLoss()
    # Keras's RMSprop (rho 0.9, epsilon 1e-7 outside the square root), as coursekit's.
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-4, alpha=0.9, eps=1e-7)
    params = sum(p.numel() for p in model.parameters())
    print(f"\n== {side}x{side}, {params:,} parameters, batch {BATCH}, RMSprop(lr=1e-4, alpha=0.9, eps=1e-7) ==")
    rng = np.random.default_rng(1)

    epoch(model, loss_fn, optimizer, *random_images(warmup * BATCH, side, 7), rng)

    pixels, labels = random_images(steps * BATCH, side, 11)
    fit_ms = []
    for _ in range(repeats):
        started = time.perf_counter()
        epoch(model, loss_fn, optimizer, pixels, labels, rng)
        fit_ms.append((time.perf_counter() - started) * 1e3 / steps)
    report(side, "fit", fit_ms, f"epoch of {steps} steps / {steps}, {repeats} epochs")

    x, y = to_batch(pixels, labels, np.arange(BATCH))
    core_ms = []
    for _ in range(steps):
        started = time.perf_counter()
        step(model, loss_fn, optimizer, x, y)
        core_ms.append((time.perf_counter() - started) * 1e3)
    report(side, "core", core_ms, "forward+backward+update on a pre-made float batch, per step")

    phases = {p: [] for p in PHASES}
    totals = []
    for s in range(steps):
        start = (s * BATCH) % len(labels)
        t0 = time.perf_counter()
        x, y = to_batch(pixels, labels, np.arange(start, start + BATCH))
        t1 = time.perf_counter()
        logits = model(x)
        loss = loss_fn(logits, y)
        t2 = time.perf_counter()
        loss.backward()
        t3 = time.perf_counter()
        loss.item()
        ((logits > 0).float() == y).sum().item()
        t4 = time.perf_counter()
        optimizer.step()
        optimizer.zero_grad()
        t5 = time.perf_counter()
        marks = [t0, t1, t2, t3, t4, t5]
        for p, name in enumerate(PHASES):
            phases[name].append((marks[p + 1] - marks[p]) * 1e3)
        totals.append((t5 - t0) * 1e3)
    print(f"  phases (median ms over {steps} steps):")
    print(f"RESULT pytorch {side} profile "
          + " ".join(f"{name}={statistics.median(values):.2f}" for name, values in phases.items())
          + f" total={statistics.median(totals):.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="64,150")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--steps64", type=int, default=30)
    parser.add_argument("--steps150", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads (0: leave PyTorch's default)")
    args = parser.parse_args()
    default_threads = torch.get_num_threads()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, numpy {np.__version__}")
    print(f"threads intra-op={torch.get_num_threads()} (default was {default_threads}) "
          f"inter-op={torch.get_num_interop_threads()} (cores={os.cpu_count()})")
    print(f"RESULT pytorch threads {torch.get_num_threads()}")
    print(f"LD_PRELOAD={os.environ.get('LD_PRELOAD', '')}")
    print(f"BLAS {loaded_blas()}")
    for size in args.sizes.split(","):
        side = int(size)
        steps = getattr(args, f"steps{side}", None) or (15 if side >= 128 else 30)
        bench(side, args.warmup, steps, args.repeats)


if __name__ == "__main__":
    main()
