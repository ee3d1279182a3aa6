import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { writeDossierTemplate } from '../../services/dossier-xlsx';

export function registerTemplateCommand(program: Command): void {
  program
    .command('template')
    .description(
      '生成发展党员档案 Excel 模板（每行一份档案，每个步骤字段一列，附“填写说明”工作表）',
    )
    .argument('<file>', '要生成的 .xlsx 文件，例如 dossiers.xlsx')
    .option('--force', '文件已存在时覆盖')
    .action(async (file: string, options: { force?: boolean }) => {
      if (!file.toLowerCase().endsWith('.xlsx')) {
        process.stderr.write(`文件名应以 .xlsx 结尾：${file}\n`);
        process.exitCode = 2;
        return;
      }
      const exists = await access(file).then(
        () => true,
        () => false,
      );
      if (exists && options.force !== true) {
        process.stderr.write(`文件已存在：${file}（如需覆盖请加 --force）\n`);
        process.exitCode = 2;
        return;
      }
      await writeDossierTemplate(file);
      process.stdout.write(`已生成模板：${file}\n`);
    });
}
