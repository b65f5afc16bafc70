"""Throughput of torchvision's random affine + horizontal flip, the peer of coursekit's Augmenter.

Same work as AugmentThroughput's float path: per image, a random rotation (40 degrees), shift (0.2),
shear (10 degrees) and zoom (0.8-1.2) with bilinear sampling, a random horizontal flip, then the
uint8 CHW image becomes floats in [0, 1]; images come in batches of 32.
Run with Debian's Python: /usr/bin/python3 bench/augment_torchvision.py [seconds]
"""
import sys
import time

import torch
import torchvision
from torchvision import transforms as T
from torchvision.transforms import InterpolationMode

BATCH = 32


def pipeline():
    return T.Compose([
        T.RandomAffine(degrees=40, translate=(0.2, 0.2), scale=(0.8, 1.2), shear=10,
                       interpolation=InterpolationMode.BILINEAR),
        T.RandomHorizontalFlip(),
        T.ConvertImageDtype(torch.float32),
    ])


def run(images, transform, seconds):
    done = 0
    start = time.perf_counter()
    end = start + seconds
    checksum = 0.0
    while time.perf_counter() < end:
        for first in range(0, len(images) - BATCH + 1, BATCH):
            batch = torch.stack([transform(images[first + i]) for i in range(BATCH)])
            checksum += float(batch[0, 0, 0, 0])
            done += BATCH
    return done / (time.perf_counter() - start)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    torch.manual_seed(1)
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}, threads {torch.get_num_threads()}")
    transform = pipeline()
    for size, count in ((150, 256), (32, 4096)):
        images = torch.randint(0, 256, (count, 3, size, size), dtype=torch.uint8)
        run(images, transform, min(seconds, 1.0))
        rate = run(images, transform, seconds)
        print(f"RESULT torchvision {size} images_per_s={rate:.0f}")


if __name__ == "__main__":
    main()
