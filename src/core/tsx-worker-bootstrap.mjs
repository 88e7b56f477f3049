// Development-only bootstrap for worker threads started from TypeScript sources (tests under tsx):
// Node 20 workers do not inherit the main thread's `--import tsx` loader, so register tsx here first,
// then load the real worker module, whose URL is the worker's first argv entry.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
