// Worker threads do not inherit the tsx loader of the process that starts them (Node 20):
// this plain-JS entry registers it in the worker, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./load-worker.ts');
