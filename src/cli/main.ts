/**
 * The `zugong` command line. Each command lives in `commands/<verb>.command.ts` and exports
 * a `register…` function; this file only assembles them.
 */
import { Command } from 'commander';
import { registerAuditCommand } from './commands/audit.command';
import { registerServeCommand } from './commands/serve.command';
import { registerGenCommand } from './commands/gen.command';
import { registerGenDemoCommand } from './commands/gen-demo.command';
import { registerCheckCommand } from './commands/check.command';
import { registerPlanCommand } from './commands/plan.command';
import { registerAskCommand } from './commands/ask.command';
import { registerDuesCommand } from './commands/dues.command';
import { registerProbationCommand } from './commands/probation.command';
import { registerTermDatesCommand } from './commands/term-dates.command';
import { registerVotesCommand } from './commands/votes.command';
import { registerWorkdaysCommand } from './commands/workdays.command';
import { registerTemplateCommand } from './commands/template.command';
import { registerTallyCommand } from './commands/tally.command';
import { registerComplianceCommand } from './commands/compliance.command';
import { registerRosterCommands } from './commands/roster.command';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('zugong')
    .description('组工通命令行：检查、推算、导入导出、审计与服务')
    .showHelpAfterError();
  registerServeCommand(program);
  registerAuditCommand(program);
  registerGenCommand(program);
  const gen = program.commands.find((c) => c.name() === 'gen');
  if (gen !== undefined) {
    registerGenDemoCommand(gen);
  }
  registerCheckCommand(program);
  registerPlanCommand(program);
  registerAskCommand(program);
  registerDuesCommand(program);
  registerProbationCommand(program);
  registerTermDatesCommand(program);
  registerVotesCommand(program);
  registerWorkdaysCommand(program);
  registerTemplateCommand(program);
  registerTallyCommand(program);
  registerComplianceCommand(program);
  registerRosterCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  await program.parseAsync(argv);
}
