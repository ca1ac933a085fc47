import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  hasPlatformOpsAnnotations,
  PlatformOpsConfig,
  Problem,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { Finding, LintError, SkippedDocument } from './types';
import { describeYamlError } from './describeYamlError';

/** What checking one file found. */
export type FileResult = {
  findings: Finding[];
  errors: LintError[];
  skipped: SkippedDocument[];
  entities: number;
};

type Located = { range?: [number, number, number] };

/**
 * Checks every entity in one YAML file with the same common functions the
 * catalog processor uses, and places each problem on the line of the
 * annotation it is about.
 */
export function lintText(
  file: string,
  text: string,
  config: PlatformOpsConfig,
): FileResult {
  const result: FileResult = {
    findings: [],
    errors: [],
    skipped: [],
    entities: 0,
  };
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines });
  // An empty file parses to an empty stream, which is not an array.
  if (!Array.isArray(documents)) return result;

  // Past the first syntax error the rest of a file is guesswork, and a
  // file that is not YAML at all would otherwise print a line per paragraph.
  const syntaxError = documents.flatMap(document => document.errors)[0];
  if (syntaxError) {
    const [at] = syntaxError.linePos ?? [];
    result.errors.push({
      file,
      line: at?.line,
      column: at?.col,
      message: `invalid YAML: ${describeYamlError(syntaxError.message)}`,
    });
    return result;
  }

  documents.forEach((document, index) => {
    const position = (node: Located | null | undefined) =>
      lines.linePos(node?.range?.[0] ?? 0);
    if (document.contents === null) return;

    let data: unknown;
    try {
      data = document.toJS();
    } catch (error) {
      result.errors.push({
        file,
        line: position(document.contents as Located).line,
        message: `cannot read the YAML document: ${(error as Error).message}`,
      });
      return;
    }
    // A document with nothing in it, such as after a trailing `---`.
    if (data === null || data === undefined) return;
    const notEntity = whyNotAnEntity(data);
    if (notEntity) {
      result.skipped.push({
        file,
        line: position(document.contents as Located).line,
        document: index + 1,
        reason: notEntity,
      });
      return;
    }

    const entity = data as Entity;
    result.entities += 1;
    const shapeError = whyNotValid(entity);
    if (shapeError) {
      result.errors.push({
        file,
        ...lineAndColumn(
          position(document.getIn(shapeError.path, true) as Located),
        ),
        message: `${entity.kind}:${entity.metadata.name}: ${shapeError.message}, so the catalog rejects this entity`,
      });
      return;
    }
    if (!hasPlatformOpsAnnotations(entity)) return;
    const ref = stringifyEntityRef(entity);
    let problems: Problem[];
    try {
      problems = summarizeEntity(entity, config).problems;
    } catch (error) {
      // The parsers never throw on bad values; an entity shaped in a way
      // the catalog would reject still must not stop the other files.
      result.errors.push({
        file,
        ...lineAndColumn(position(document.contents as Located)),
        message: `${ref}: cannot be checked: ${(error as Error).message}`,
      });
      return;
    }
    for (const problem of problems) {
      const { line, col } = position(annotationNode(document, problem.key));
      result.findings.push({
        file,
        line,
        column: col,
        entity: ref,
        key: problem.key,
        value: problem.value,
        expected: problem.expected,
        message: problem.message,
      });
    }
  });
  return result;
}

/** The annotation's value node, or the nearest node that encloses it. */
function annotationNode(document: Document, key: string): Located | null {
  for (const path of [
    ['metadata', 'annotations', key],
    ['metadata', 'annotations'],
    ['metadata'],
  ]) {
    const node = document.getIn(path, true) as Located | undefined;
    if (node?.range) return node;
  }
  return document.contents as Located | null;
}

function whyNotAnEntity(data: unknown): string | undefined {
  if (!isRecord(data)) return 'not a catalog entity: not a YAML map';
  const missing = ['apiVersion', 'kind'].filter(
    field => typeof data[field] !== 'string',
  );
  const metadata = data.metadata;
  if (!isRecord(metadata) || typeof metadata.name !== 'string') {
    missing.push('metadata.name');
  }
  return missing.length > 0
    ? `not a catalog entity: no ${missing.join(', ')}`
    : undefined;
}

/** Entity fields that would make the checks themselves fail. */
function whyNotValid(
  entity: Entity,
): { path: string[]; message: string } | undefined {
  const { namespace, annotations } = entity.metadata as Record<string, unknown>;
  if (namespace !== undefined && typeof namespace !== 'string') {
    return {
      path: ['metadata', 'namespace'],
      message: 'metadata.namespace is not a string',
    };
  }
  if (annotations !== undefined && !isRecord(annotations)) {
    return {
      path: ['metadata', 'annotations'],
      message: 'metadata.annotations is not a map',
    };
  }
  return undefined;
}

function lineAndColumn(at: { line: number; col: number }) {
  return { line: at.line, column: at.col };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
