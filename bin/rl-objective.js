#!/usr/bin/env node
// The library is TypeScript run through tsx, so the CLI and the worker threads always run the
// sources as checked out, with no build step that could go stale.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
