import { OutputFormat } from './options';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, LintReport } from './types';

/** The exit code a report calls for: errors outrank problems. */
export function exitCodeOf(report: LintReport): number {
  if (report.errors.length > 0) return EXIT_ERROR;
  return report.findings.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** Renders a report for people (one line per item) or for tools (JSON). */
export function formatReport(
  report: LintReport,
  format: OutputFormat,
  configSources: string[],
): string {
  return format === 'json'
    ? formatJson(report, configSources)
    : formatText(report, configSources);
}

function formatJson(report: LintReport, configSources: string[]): string {
  return `${JSON.stringify(
    {
      exitCode: exitCodeOf(report),
      config: configSources,
      files: report.files,
      entities: report.entities,
      problems: report.findings,
      errors: report.errors,
      skipped: report.skipped,
    },
    null,
    2,
  )}\n`;
}

function at(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

function formatText(report: LintReport, configSources: string[]): string {
  const lines: string[] = [];
  for (const error of report.errors) {
    lines.push(
      `${at(error.file, error.line, error.column)} error: ${error.message}`,
    );
  }
  for (const finding of report.findings) {
    lines.push(
      `${at(finding.file, finding.line, finding.column)} ${finding.entity} ${
        finding.message
      }`,
    );
  }
  for (const skipped of report.skipped) {
    lines.push(
      `${at(skipped.file, skipped.line)} skipped document ${
        skipped.document
      }, ${skipped.reason}`,
    );
  }
  const config =
    configSources.length > 0
      ? `config ${configSources.join(', ')}`
      : 'no app-config, the defaults';
  const found = [
    report.errors.length > 0 ? count(report.errors.length, 'error') : undefined,
    count(report.findings.length, 'problem'),
  ].filter(Boolean);
  if (report.files === 0) {
    lines.push(`${count(report.errors.length, 'error')}; nothing was checked.`);
  } else {
    lines.push(
      `${found.join(', ')} in ${count(
        report.entities,
        'entity',
        'entities',
      )} ` + `from ${count(report.files, 'file')}, checked against ${config}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
