import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { PlatformOpsConfig } from './config/readConfig';
import { WindowOccurrenceCache } from './maintenance/windows';
import { Problem } from './problems';

/**
 * What each aspect builds its section of the summary from.
 *
 * @public
 */
export type SectionInput<Annotations> = {
  entity: Entity;
  /** The entity's parsed annotations; each aspect reads only its own. */
  annotations: Annotations;
  /** The environments the component runs in, already checked against config. */
  environments: string[];
  config: PlatformOpsConfig;
  now: DateTime;
  /** Shares window occurrences between summaries built together. */
  windows?: WindowOccurrenceCache;
};

/**
 * One aspect's section of the summary, with the problems found while
 * building it.
 *
 * @public
 */
export type SectionResult<Section> = { section: Section; problems: Problem[] };
