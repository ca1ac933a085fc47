import { parseArgs } from 'node:util';

/** Output formats of a run. */
export type OutputFormat = 'text' | 'json';

/** What the command line asked for. */
export type LintOptions = {
  patterns: string[];
  /** Config files in the order given; undefined when none was named. */
  configPaths?: string[];
  format: OutputFormat;
};

export const USAGE = `Usage: platform-ops-lint [options] <file or glob>...

Checks the platform-ops/ annotations of every catalog entity in the files
against the platformOps block of the app-config.

Options:
  -c, --config <path>    app-config file to read; repeat to merge several, later
                         ones win (default: app-config.yaml in the current
                         directory, if present)
  -f, --format <format>  text (default) or json
  -h, --help             show this help

Quote globs so that the shell leaves them alone, e.g.
  platform-ops-lint 'services/**/catalog-info.yaml'

Exit codes: 0 no problems, 1 invalid annotations found, 2 usage error, invalid
config, or a file that could not be read or parsed as YAML.
`;

/**
 * Reads the command line. Returns `help` for --help and an error message for
 * anything it cannot use, so the caller decides how to exit.
 */
export function parseOptions(
  args: string[],
): { options: LintOptions } | { help: true } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c', multiple: true },
        format: { type: 'string', short: 'f', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (values.format !== 'text' && values.format !== 'json') {
    return {
      error: `--format must be text or json, not "${values.format}"`,
    };
  }
  if (positionals.length === 0) {
    return { error: 'name at least one file or glob to check' };
  }
  return {
    options: {
      patterns: positionals,
      configPaths: values.config,
      format: values.format,
    },
  };
}
