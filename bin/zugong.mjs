#!/usr/bin/env node
// Entry point for `npx zugong …`: loads the TypeScript sources through tsx (see docs/adr/0002).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
