"""The peer of PhotoLoadBench: torchvision's ImageFolder with PIL on the same folder, as a PyTorch user loads the
lecture's photos: each photo decoded, converted to RGB, resized to SIZE x SIZE (bilinear) and made a float tensor
in [0, 1]; batches of BATCH from a DataLoader in the main process (num_workers=0, as on a laptop notebook), in
folder order. Every epoch decodes again: ImageFolder keeps nothing.

Usage: /usr/bin/python3 bench/photo_load_torchvision.py FOLDER [--size 150] [--batch 20] [--epochs 2]
Lines starting with RESULT are read by bench/photo_load.sh, in PhotoLoadBench's format.
"""
import argparse
import resource
import time

import torch
from torchvision import datasets, transforms
from torchvision.transforms import InterpolationMode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--size", type=int, default=150)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(1)
    start = time.perf_counter()
    photos = datasets.ImageFolder(args.folder, transform=transforms.Compose([
        transforms.Resize((args.size, args.size), interpolation=InterpolationMode.BILINEAR),
        transforms.ToTensor(),
    ]))
    print("RESULT torchvision photos=%d list_and_headers_s=%.2f" % (len(photos), time.perf_counter() - start))
    loader = torch.utils.data.DataLoader(photos, batch_size=args.batch, shuffle=False, num_workers=0)
    checksum = 0.0
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        for images, _ in loader:
            checksum += float(images[0, 0, 0, 0])
        seconds = time.perf_counter() - start
        print("RESULT torchvision photos=%d epoch=%d images_per_s=%.1f seconds=%.1f" % (len(photos), epoch, len(photos) / seconds, seconds),
              flush=True)
    print("RESULT torchvision photos=%d peak_rss_mb=%.0f checksum=%.3f" % (len(photos), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, checksum))


if __name__ == "__main__":
    main()
