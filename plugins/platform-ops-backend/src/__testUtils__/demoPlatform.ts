import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import fs from 'fs';
import path from 'path';
import { JsonObject } from '@backstage/types';
import { parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * The demo platform's entities from demo/catalog, with the member relations
 * the catalog would compute from `spec.memberOf`.
 */
export function loadDemoEntities(): Entity[] {
  const folder = path.join(ROOT, 'demo', 'catalog');
  const entities = fs
    .readdirSync(folder)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(folder, file), 'utf8')).map(
        document => document.toJS() as Entity,
      ),
    );
  for (const user of entities.filter(entity => entity.kind === 'User')) {
    for (const group of (user.spec?.memberOf as string[]) ?? []) {
      const target = entities.find(
        entity => entity.kind === 'Group' && entity.metadata.name === group,
      );
      target!.relations = [
        ...(target!.relations ?? []),
        { type: 'hasMember', targetRef: stringifyEntityRef(user) },
      ];
    }
  }
  return entities;
}

/**
 * The `platformOps` block of the demo app-config.yaml, without its
 * Alertmanager URLs: tests start their own Alertmanagers and never reach the
 * ports a running demo uses.
 */
export function loadDemoConfig(
  options: { keepSources?: boolean } = {},
): JsonObject {
  const config = parseAllDocuments(
    fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
  )[0].toJS();
  if (!options.keepSources) {
    for (const environment of config.platformOps.environments) {
      delete environment.alertmanager;
      // Tests start their own sources; never read a running demo's.
      delete environment.kubernetes;
    }
  }
  return { platformOps: config.platformOps };
}
