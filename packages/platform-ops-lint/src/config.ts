import { ConfigReader } from '@backstage/config';
import {
  parsePlatformOpsConfig,
  PlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Document, isMap, LineCounter, parseDocument } from 'yaml';
import { describeYamlError } from './describeYamlError';
import { LintError } from './types';

const DEFAULT_CONFIG = 'app-config.yaml';
const CONNECTION_SETTINGS = ['alertmanager', 'kubernetes'];

type ConfigFile = { path: string; document: Document; lines: LineCounter };

/**
 * The platformOps config a run checks against, or why it could not be read.
 * `sources` names the files read, in order; none means the defaults.
 */
export type LintConfig = {
  config?: PlatformOpsConfig;
  sources: string[];
  errors: LintError[];
};

/**
 * Reads and validates `platformOps` from the app-config files, merged the
 * way Backstage merges them (later files win). The files are read as plain
 * YAML: `${VAR}` substitutions and `$include` are not resolved.
 */
export function loadLintConfig(
  configPaths: string[] | undefined,
  cwd: string,
): LintConfig {
  const paths =
    configPaths ??
    (existsSync(resolve(cwd, DEFAULT_CONFIG)) ? [DEFAULT_CONFIG] : []);
  const files: ConfigFile[] = [];
  const errors: LintError[] = [];
  for (const path of paths) {
    const read = readConfigFile(path, cwd);
    if ('error' in read) errors.push(read.error);
    else files.push(read.file);
  }
  if (errors.length > 0) return { sources: paths, errors };

  let raw: unknown;
  try {
    raw = ConfigReader.fromConfigs(
      files.map(file => ({
        context: file.path,
        data: (file.document.toJS() as Record<string, never>) ?? {},
      })),
    ).getOptional('platformOps');
  } catch (error) {
    return {
      sources: paths,
      errors: [{ file: paths.join(', '), message: (error as Error).message }],
    };
  }

  const { config, problems } = parsePlatformOpsConfig(
    withoutConnectionSettings(raw),
  );
  return {
    config,
    sources: paths,
    errors: problems.map(problem => ({
      ...locateConfigKey(problem.key, files, paths),
      message: problem.message,
    })),
  };
}

function readConfigFile(
  path: string,
  cwd: string,
): { file: ConfigFile } | { error: LintError } {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    return {
      error: {
        file: path,
        message: `cannot read the config: ${(error as Error).message}`,
      },
    };
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    const [position] = syntaxError.linePos ?? [];
    return {
      error: {
        file: path,
        line: position?.line,
        column: position?.col,
        message: `invalid YAML: ${describeYamlError(syntaxError.message)}`,
      },
    };
  }
  if (document.contents !== null && !isMap(document.contents)) {
    return {
      error: { file: path, line: 1, message: 'the config is not a YAML map' },
    };
  }
  return { file: { path, document, lines } };
}

/**
 * Alertmanager and Kubernetes connections never affect an annotation, and
 * in CI their `${...}` URLs and tokens are usually unset; the backend
 * checks them when it starts.
 */
function withoutConnectionSettings(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.environments)) return raw;
  return {
    ...raw,
    environments: raw.environments.map(entry =>
      isRecord(entry)
        ? Object.fromEntries(
            Object.entries(entry).filter(
              ([key]) => !CONNECTION_SETTINGS.includes(key),
            ),
          )
        : entry,
    ),
  };
}

/** Finds the line of a config path such as `platformOps.environments[0].name`. */
function locateConfigKey(
  key: string,
  files: ConfigFile[],
  paths: string[],
): Omit<LintError, 'message'> {
  const path = key
    .split(/\.|\[(\d+)\]/)
    .filter(part => part !== undefined && part !== '')
    .map(part => (/^\d+$/.test(part) ? Number(part) : part));
  // Later files win, so the value in force is in the last file naming it.
  for (let depth = path.length; depth > 0; depth--) {
    for (const file of [...files].reverse()) {
      const node = file.document.getIn(path.slice(0, depth), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) {
        const position = file.lines.linePos(node.range[0]);
        return { file: file.path, line: position.line, column: position.col };
      }
    }
  }
  return { file: paths.join(', ') || '(defaults)' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
