import {
  OVERVIEW_FLAG_TITLES,
  OverviewRow,
} from '@platform-ops/plugin-platform-ops-common';

/** The CSV's columns, in order. */
export const OVERVIEW_CSV_COLUMNS = [
  'ref',
  'title',
  'party',
  'accountable',
  'owner',
  'worst level',
  'backup',
  'next window start',
  'environment',
  'end of life',
  'problems',
  'flags',
] as const;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's
 * list, tab and carriage return included).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): text a spreadsheet would run as a formula gets
 * a leading apostrophe, and a field holding a quote, comma or line break
 * is quoted with its quotes doubled. Numbers are written as they are.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function fieldsOf(row: OverviewRow): Array<string | number | undefined> {
  return [
    row.entity.ref,
    row.entity.title ?? row.entity.name,
    row.party,
    row.accountable,
    row.owner,
    row.worstLevel,
    row.backup,
    row.nextWindow?.start,
    row.nextWindow?.environment,
    row.endOfLife,
    row.problemCount,
    row.flags.map(flag => OVERVIEW_FLAG_TITLES[flag] ?? flag).join('; '),
  ];
}

/**
 * The overview rows as CSV, one line per component after a header line,
 * lines ended with CRLF as RFC 4180 asks. Times are ISO 8601 in UTC, states
 * as the API names them, so the file sorts and filters as data.
 */
export function overviewCsv(rows: readonly OverviewRow[]): string {
  return [OVERVIEW_CSV_COLUMNS, ...rows.map(fieldsOf)]
    .map(fields => fields.map(csvField).join(','))
    .map(line => `${line}\r\n`)
    .join('');
}
