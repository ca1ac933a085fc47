import { Config } from '@backstage/config';
import { z } from 'zod';
import { Problem } from '../problems';
import { platformOpsConfigSchema } from './schema';

/**
 * The `platformOps` config block with defaults applied and durations parsed.
 *
 * @public
 */
export type PlatformOpsConfig = z.output<typeof platformOpsConfigSchema>;

/**
 * One environment from `platformOps.environments`.
 *
 * @public
 */
export type EnvironmentConfig = PlatformOpsConfig['environments'][number];

/**
 * One maintenance window from `platformOps.maintenance.windows`.
 *
 * @public
 */
export type MaintenanceWindowConfig = PlatformOpsConfig['maintenance']['windows'][string];

function describePath(path: (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`),
    'platformOps',
  );
}

/**
 * Validates a raw `platformOps` block. Never throws: bad input comes back as
 * problems naming the config path.
 *
 * @public
 */
export function parsePlatformOpsConfig(raw: unknown): {
  config?: PlatformOpsConfig;
  problems: Problem[];
} {
  const result = platformOpsConfigSchema.safeParse(raw ?? {});
  if (result.success) return { config: result.data, problems: [] };
  return {
    problems: result.error.issues.map(issue => {
      const key = describePath(issue.path);
      return {
        key,
        value: '',
        expected: issue.message,
        message: `${key}: ${issue.message}`,
      };
    }),
  };
}

/**
 * Reads `platformOps` from app config, applying defaults. Throws one error
 * listing every bad field, so a broken config fails at startup with a
 * message that says what to fix.
 *
 * @public
 */
export function readPlatformOpsConfig(config: Config): PlatformOpsConfig {
  const raw = config.getOptional('platformOps');
  const { config: parsed, problems } = parsePlatformOpsConfig(raw);
  if (!parsed) {
    throw new Error(
      `Invalid platformOps config:\n${problems.map(p => `  - ${p.message}`).join('\n')}`,
    );
  }
  return parsed;
}
