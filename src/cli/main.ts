#!/usr/bin/env node
// Entry point of the `loket` command: turns on Node's compile cache before any of Loket's code
// loads (it roughly halves the time to parse and compile on a second start), then runs the CLI.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./loket.ts');
