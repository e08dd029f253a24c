"""Times the bundle trace at 16x1024 (all-ones mask) loaded three ways, to see what loading
under inference mode / with frozen parameters (DJL's default) does to TorchScript fusion."""
import statistics, sys, time, torch
trace_path, vocab = sys.argv[1], 151000
ids = torch.randint(1000, vocab - 1000, (16, 1024), generator=torch.Generator().manual_seed(7)).cuda()
mask = torch.ones_like(ids)
def bench(name, module):
    with torch.inference_mode():
        for _ in range(3):
            module(ids, mask)
        torch.cuda.synchronize(); ms = []
        for _ in range(10):
            t = time.perf_counter(); module(ids, mask); torch.cuda.synchronize()
            ms.append((time.perf_counter() - t) * 1000)
    print(f"{name}: batch_ms_median {statistics.median(ms):.2f}", flush=True)
bench("torch.jit.load (Python default)", torch.jit.load(trace_path, map_location="cuda").eval())
with torch.inference_mode():
    m = torch.jit.load(trace_path, map_location="cuda").eval()
bench("loaded under inference_mode", m)
m = torch.jit.load(trace_path, map_location="cuda").eval()
for p in m.parameters():
    p.requires_grad_(False)
bench("parameters frozen (requires_grad False)", m)
