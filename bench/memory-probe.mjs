// Preloaded into the server by bench/memory.ts (`node --import ./bench/memory-probe.mjs …`), never by the
// server itself: answers "memory" on the IPC channel with process.memoryUsage() and V8's heap statistics.
import v8 from 'node:v8';

if (process.send) {
  process.on('message', (m) => {
    if (m !== 'memory') return;
    process.send?.({
      memory: process.memoryUsage(),
      heap: v8.getHeapStatistics(),
      spaces: v8.getHeapSpaceStatistics(),
    });
  });
  // The channel must not keep the server alive on its own, nor change how it stops.
  process.channel?.unref();
}
