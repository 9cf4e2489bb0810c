#!/usr/bin/env node
import { runCli } from './cli.js';
import { processIo } from './cli-io.js';

// exitCode rather than exit(): stdout is flushed before the process ends, even when piped.
process.exitCode = await runCli(process.argv.slice(2), processIo());
