#!/usr/bin/env node
// Entry point for `npx zugong …`: loads the TypeScript sources through tsx (see docs/adr/0002).
import { register } from 'tsx/esm/api';

register();
if (process.argv[2] === 'check') {
  // `check` is the one command run over a whole archive: load only it, not every command's
  // modules (docs/adr/0013-check-throughput.md). Same program name and settings as src/cli/main.ts.
  const [{ Command }, { registerCheckCommand }] = await Promise.all([
    import('commander'),
    import('../src/cli/commands/check.command.ts'),
  ]);
  const program = new Command().name('zugong').showHelpAfterError();
  registerCheckCommand(program);
  await program.parseAsync(process.argv);
} else if (['import', 'export'].includes(process.argv[2]) && process.argv[3] === 'members') {
  // The roster import is timed against a bare read of the file (docs/adr/0014): load only it, and
  // start reading a large file on its thread before the import's modules load.
  const file = process.argv.slice(4).find((a) => !a.startsWith('-'));
  if (process.argv[2] === 'import' && file !== undefined) {
    const { startRosterReaderEarly } = await import('../src/services/roster/roster-read-thread.ts');
    startRosterReaderEarly(file);
  }
  const [{ Command }, { registerRosterCommands }] = await Promise.all([
    import('commander'),
    import('../src/cli/commands/roster.command.ts'),
  ]);
  const program = new Command().name('zugong').showHelpAfterError();
  registerRosterCommands(program);
  await program.parseAsync(process.argv);
} else {
  const { main } = await import('../src/cli/main.ts');
  await main(process.argv);
}
