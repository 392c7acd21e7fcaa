// Loaded into the language server only by the bench's memory figure (node --expose-gc --require bench/gc-probe.cjs):
// on SIGUSR2, two full garbage collections, then the heap in use and the RSS written as JSON to the file named by
// ECS_BENCH_GC_OUT. RSS read from outside rises and falls with V8's old-space collections (garbage promoted by young
// collections waits for the next full one), so a leak shows in what survives a full collection.
const fs = require('node:fs');
process.on('SIGUSR2', () => {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  const out = process.env.ECS_BENCH_GC_OUT;
  fs.writeFileSync(`${out}.tmp`, JSON.stringify({ heapUsedMb: m.heapUsed / 2 ** 20, rssMb: m.rss / 2 ** 20 }));
  fs.renameSync(`${out}.tmp`, out); // whole, never half-written
});
