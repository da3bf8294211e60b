#!/usr/bin/env python3
"""The seed's PyTorch MNIST program, timed like `./kiln bench mnist-mlp-epoch`.

MLP 784-128-10, ReLU, cross-entropy, SGD lr 0.01, batch 64, shuffled; pixels scaled to [0, 1]
(torchvision's ToTensor). Reads the same IDX files as Kiln ($KILN_DATA/mnist, fetched by
scripts/fetch-data.sh mnist). One warm-up epoch, then --epochs timed epochs; prints the same keys
as the Kiln bench (seconds_per_epoch, samples_per_s, cpu_seconds_per_epoch, backend, threads, epochs_timed, final_loss).

Variants (--variant):
  dataloader   the seed loop: DataLoader(TensorDataset, batch_size=64, shuffle=True)   [default]
  torchvision  the seed program verbatim: datasets.MNIST + transforms.ToTensor() + DataLoader
  slicing      no DataLoader: one randperm per epoch, batches sliced from preloaded tensors

--accuracy prints "Epoch k, Loss: x" per epoch and the test accuracy after the last (the seed's output).
Run with Debian's python3-torch: /usr/bin/python3 benchmarks/peers/mnist_mlp_torch.py --json
"""
import argparse
import json
import os
import struct
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        sys.exit(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if arr.size != int(np.prod(dims)):
        sys.exit(f"{path}: expected {dims}, file holds {arr.size} values")
    return arr.reshape(dims)


def load(data_dir, part):
    images = read_idx(os.path.join(data_dir, f"{part}-images-idx3-ubyte"))
    labels = read_idx(os.path.join(data_dir, f"{part}-labels-idx1-ubyte"))
    x = torch.from_numpy(images.astype(np.float32) / 255.0).reshape(-1, 784)  # ToTensor: x / 255
    y = torch.from_numpy(labels.astype(np.int64))
    return x, y


def torchvision_loaders(data_dir, batch_size):
    """The seed program's data pipeline; torchvision reads the raw IDX files from ROOT/MNIST/raw."""
    from torchvision import datasets, transforms
    root = tempfile.mkdtemp(prefix="kiln-mnist-")
    raw = os.path.join(root, "MNIST", "raw")
    os.makedirs(raw)
    for f in os.listdir(data_dir):
        os.symlink(os.path.join(data_dir, f), os.path.join(raw, f))
    transform = transforms.ToTensor()
    train = datasets.MNIST(root, train=True, download=False, transform=transform)
    test = datasets.MNIST(root, train=False, download=False, transform=transform)
    return (DataLoader(train, batch_size=batch_size, shuffle=True),
            DataLoader(test, batch_size=1000, shuffle=False))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--variant", choices=["dataloader", "torchvision", "slicing"], default="dataloader")
    p.add_argument("--epochs", type=int, default=9,
                   help="timed epochs after the warm-up epoch (default: the rest of the seed's 10 epochs)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--data", default=os.path.join(os.environ.get(
        "KILN_DATA", os.path.expanduser("~/.cache/kiln/datasets")), "mnist"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--accuracy", action="store_true", help="no warm-up; print the seed's output and test accuracy")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.variant == "torchvision":
        train_loader, test_loader = torchvision_loaders(args.data, 64)
        x_test = y_test = None
    else:
        x_train, y_train = load(args.data, "train")
        x_test, y_test = load(args.data, "t10k")
        train_loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True)

    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.01)

    def batches():
        if args.variant == "slicing":
            perm = torch.randperm(x_train.shape[0])
            for i in range(0, x_train.shape[0], 64):
                idx = perm[i:i + 64]
                yield x_train[idx], y_train[idx]
        else:
            yield from train_loader

    def epoch():
        model.train()
        running_loss, n = 0.0, 0
        for images, labels in batches():
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            n += 1
        return running_loss / n

    if args.accuracy:
        for k in range(args.epochs):
            print(f"Epoch {k + 1}, Loss: {epoch():.4f}", flush=True)
        model.eval()
        correct = total = 0
        with torch.no_grad():
            test_batches = test_loader if x_test is None else (
                (x_test[i:i + 1000], y_test[i:i + 1000]) for i in range(0, x_test.shape[0], 1000))
            for images, labels in test_batches:
                correct += (model(images).argmax(1) == labels).sum().item()
                total += labels.shape[0]
        print(f"Test accuracy: {100.0 * correct / total:.2f}%")
        return

    epoch()  # warm-up
    t0 = time.perf_counter()
    c0 = time.process_time()  # CPU time of all threads, as Kiln's cpu_seconds_per_epoch
    for _ in range(args.epochs):
        last = epoch()
    seconds = (time.perf_counter() - t0) / args.epochs
    cpu_seconds = (time.process_time() - c0) / args.epochs
    result = {
        "seconds_per_epoch": round(seconds, 3),
        "samples_per_s": round(60000 / seconds),
        "cpu_seconds_per_epoch": round(cpu_seconds, 3),
        "backend": f"torch-{torch.__version__}-{args.variant}",
        "threads": torch.get_num_threads(),
        "epochs_timed": args.epochs,
        "final_loss": round(last, 4),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:<22} {v}")


if __name__ == "__main__":
    main()
