"""PyTorch CPU eager baseline for `dojo bench`: the same model, task and optimizer.

Model: decoder-only, Pre-LN, learned positions, GELU (tanh approximation), biases on all six
block projections, untied head without bias, the engine's init. Task: reverse a sequence of
k = T/2 random tokens after a separator; only the k reversed tokens are scored. AdamW (lr 1e-3,
weight decay 0.01 on matrices except the position table). Prints one JSON line per (model, threads) with the median ms/step.

Usage: bench/.venv/bin/python bench/torch_bench.py [--model S|M|both] [--threads 1,2] [--steps N]
"""
import argparse
import json
import math
import resource
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CONFIGS = {
    "S": dict(vocab=64, d=64, layers=2, heads=4, ff=256, seq=32, batch=32),
    "M": dict(vocab=64, d=128, layers=4, heads=4, ff=512, seq=64, batch=32),
}


class Block(nn.Module):
    def __init__(self, d, heads, ff):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(d)
        self.wq, self.wk, self.wv, self.wo = (nn.Linear(d, d) for _ in range(4))
        self.ln2 = nn.LayerNorm(d)
        self.ff_in = nn.Linear(d, ff)
        self.ff_out = nn.Linear(ff, d)

    def forward(self, x):
        b, t, d = x.shape
        h = self.ln1(x)
        split = lambda z: z.view(b, t, self.heads, d // self.heads).transpose(1, 2)
        a = F.scaled_dot_product_attention(split(self.wq(h)), split(self.wk(h)), split(self.wv(h)), is_causal=True)
        x = x + self.wo(a.transpose(1, 2).reshape(b, t, d))
        return x + self.ff_out(F.gelu(self.ff_in(self.ln2(x)), approximate="tanh"))


class GPT(nn.Module):
    def __init__(self, vocab, d, layers, heads, ff, seq):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(seq, d)
        self.blocks = nn.ModuleList(Block(d, heads, ff) for _ in range(layers))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab, bias=False)
        # The same init as the engine (Block.init, Transformer.init): normal(0.02) for matrices,
        # 0.02/sqrt(2·layers) for the two projections that write into the residual stream
        # (GPT-2), zero biases.
        for name, p in self.named_parameters():
            if p.dim() == 2:
                residual = name.endswith(("wo.weight", "ff_out.weight"))
                nn.init.normal_(p, std=0.02 / math.sqrt(2 * layers) if residual else 0.02)
            elif name.endswith(".bias"):
                nn.init.zeros_(p)

    def forward(self, idx):
        t = idx.shape[1]
        x = self.tok(idx) + self.pos(torch.arange(t))
        for blk in self.blocks:
            x = blk(x)
        return self.head(self.ln(x))


def reverse_batch(batch, seq, vocab, gen):
    k = seq // 2
    x = torch.randint(2, vocab, (batch, k), generator=gen)
    full = torch.cat([x, torch.ones(batch, 1, dtype=torch.long), x.flip(1)], dim=1)
    inputs, targets = full[:, :-1].clone(), full[:, 1:].clone()
    # Score the k reversed tokens only, predicted at input positions k…2k−1 (the separator and
    # the reversed half), as ReverseTask does; position k−1 (predicting the separator) is not.
    targets[:, :k] = -100
    return inputs, targets


def run(name, threads, steps, warmup):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    c = CONFIGS[name]
    model = GPT(c["vocab"], c["d"], c["layers"], c["heads"], c["ff"], c["seq"])
    # Decay matrices but not the position table, as the engine does (NamedParameter.decays).
    decay = [p for n, p in model.named_parameters() if p.dim() == 2 and n != "pos.weight"]
    rest = [p for n, p in model.named_parameters() if p.dim() < 2 or n == "pos.weight"]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}], lr=1e-3)
    gen = torch.Generator().manual_seed(0)
    times, loss = [], float("nan")
    for step in range(warmup + steps):
        t0 = time.perf_counter()
        inputs, targets = reverse_batch(c["batch"], c["seq"], c["vocab"], gen)
        logits = model(inputs)
        loss_t = F.cross_entropy(logits.view(-1, c["vocab"]), targets.view(-1), ignore_index=-100)
        opt.zero_grad(set_to_none=True)
        loss_t.backward()
        opt.step()
        loss = loss_t.item()
        if step >= warmup:
            times.append(time.perf_counter() - t0)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return dict(model=name, threads=threads, ms_per_step=1000 * statistics.median(times),
                best_ms=1000 * min(times), final_loss=loss, max_rss_mb=rss_mb, torch=torch.__version__)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="both")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--steps", type=int, default=0, help="timed steps (default: 60 for S, 20 for M)")
    ap.add_argument("--warmup", type=int, default=5)
    a = ap.parse_args()
    names = ["S", "M"] if a.model == "both" else [a.model]
    for name in names:
        for th in (int(x) for x in a.threads.split(",")):
            steps = a.steps or (60 if name == "S" else 20)
            print(json.dumps(run(name, th, steps, a.warmup)), flush=True)


if __name__ == "__main__":
    main()
