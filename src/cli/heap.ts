import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Benchmarks report the heap an index keeps alive, so garbage must be collected first;
// --expose-gc set at run time makes `gc` available in a fresh context without a node flag.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Bytes of heap in use after a full garbage collection, typed-array buffers included. */
export function heapUsedAfterGc(): number {
  collect();
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
