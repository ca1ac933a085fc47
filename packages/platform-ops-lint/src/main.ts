import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLintConfig } from './config';
import { expandPatterns } from './files';
import { lintText } from './lintText';
import { parseOptions, USAGE } from './options';
import { exitCodeOf, formatReport } from './report';
import { EXIT_ERROR, EXIT_OK, LintReport } from './types';

/** Where a run reads and writes; tests pass their own. */
export type LintIo = {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

/**
 * Runs the command line and returns its exit code: 0 no problems, 1
 * invalid annotations, 2 usage, config or file errors.
 */
export async function main(args: string[], io: LintIo): Promise<number> {
  const parsed = parseOptions(args);
  if ('help' in parsed) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if ('error' in parsed) {
    io.stderr(`platform-ops-lint: ${parsed.error}\n\n${USAGE}`);
    return EXIT_ERROR;
  }
  const { options } = parsed;

  const report: LintReport = {
    findings: [],
    errors: [],
    skipped: [],
    files: 0,
    entities: 0,
  };
  const { config, sources, errors } = loadLintConfig(
    options.configPaths,
    io.cwd,
  );
  if (config && errors.length === 0) {
    const expanded = await expandPatterns(options.patterns, io.cwd);
    report.errors.push(...expanded.errors);
    for (const file of expanded.files) {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (error) {
        report.errors.push({
          file,
          message: `cannot read: ${(error as Error).message}`,
        });
        continue;
      }
      const result = lintText(file, text, config);
      report.files += 1;
      report.entities += result.entities;
      report.findings.push(...result.findings);
      report.errors.push(...result.errors);
      report.skipped.push(...result.skipped);
    }
  } else {
    report.errors.push(...errors);
  }

  io.stdout(formatReport(report, options.format, sources));
  return exitCodeOf(report);
}
