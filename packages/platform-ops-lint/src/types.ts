/**
 * One invalid annotation, located in the file it was written in.
 */
export type Finding = {
  file: string;
  /** 1-based line and column of the annotation's value. */
  line: number;
  column: number;
  /** The entity ref, e.g. `component:default/fluentd`. */
  entity: string;
  /** The annotation key. */
  key: string;
  /** The offending text, as written. */
  value: string;
  /** What would have been accepted. */
  expected: string;
  /** One sentence naming the key, the text and the expectation. */
  message: string;
};

/**
 * Something that stopped a file or the config from being checked at all:
 * unreadable files, YAML syntax errors, an invalid config. Any of these
 * makes the run fail with exit code 2.
 */
export type LintError = {
  file: string;
  line?: number;
  column?: number;
  message: string;
};

/**
 * A YAML document that is not a catalog entity (no apiVersion, kind and
 * metadata.name), so it had nothing to check.
 */
export type SkippedDocument = {
  file: string;
  line: number;
  /** 1-based position of the document in its file. */
  document: number;
  reason: string;
};

/** Everything one run found. */
export type LintReport = {
  findings: Finding[];
  errors: LintError[];
  skipped: SkippedDocument[];
  files: number;
  entities: number;
};

/** Exit codes, the contract with CI. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_ERROR = 2;
