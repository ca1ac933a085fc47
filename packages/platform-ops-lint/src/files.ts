import { glob, hasMagic } from 'glob';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LintError } from './types';

/**
 * Expands files and globs into a sorted, de-duplicated list of files. A
 * pattern that matches nothing is an error: in CI it almost always means a
 * wrong path, and passing silently would hide every problem.
 */
export async function expandPatterns(
  patterns: string[],
  cwd: string,
): Promise<{ files: string[]; errors: LintError[] }> {
  const files = new Set<string>();
  const errors: LintError[] = [];
  for (const pattern of patterns) {
    const matches = await glob(pattern, {
      cwd,
      nodir: true,
      ignore: ['**/node_modules/**'],
    });
    if (matches.length === 0) {
      errors.push({
        file: pattern,
        message: describeNoMatch(pattern, cwd),
      });
    }
    for (const match of matches) files.add(match);
  }
  return { files: [...files].sort(), errors };
}

function describeNoMatch(pattern: string, cwd: string): string {
  if (hasMagic(pattern)) return 'the pattern matches no files';
  const stats = statSync(resolve(cwd, pattern), { throwIfNoEntry: false });
  return stats?.isDirectory()
    ? `is a directory; name its files with a glob such as '${pattern}/**/catalog-info.yaml'`
    : 'no such file';
}
