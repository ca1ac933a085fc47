import { ANNOTATION_ENVIRONMENTS } from '../annotations';
import { PlatformOpsConfig } from '../config/readConfig';
import { problem, Problem } from '../problems';

/**
 * The environments a component runs in: those its
 * `platform-ops/environments` names, else every configured one. A name that
 * config does not know is a problem and is left out.
 *
 * @public
 */
export function resolveEnvironments(
  annotated: string[] | undefined,
  config: PlatformOpsConfig,
): { environments: string[]; problems: Problem[] } {
  const configured = config.environments.map(environment => environment.name);
  const problems = (annotated ?? [])
    .filter(name => !configured.includes(name))
    .map(name =>
      problem(
        ANNOTATION_ENVIRONMENTS,
        name,
        `an environment from config (${configured.join(', ')})`,
      ),
    );
  return {
    environments: (annotated ?? configured).filter(name =>
      configured.includes(name),
    ),
    problems,
  };
}
