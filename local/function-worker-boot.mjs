// The entry of a function's worker thread: TypeScript through tsx (workers do not inherit the main thread's
// loader hooks), then the worker proper.
import { register } from 'tsx/esm/api';

register();
await import('./function-worker.ts');
