import { AlertNoiseFilter } from '../../../api';

/** The review's filters, each kept in the URL under the backend's name. */
export const NOISE_FILTERS = ['days', 'environment'] as const;

/** One of {@link NOISE_FILTERS}. */
export type NoiseFilter = (typeof NOISE_FILTERS)[number];

/** The period shown when the URL names none, as the backend's default. */
export const DEFAULT_NOISE_DAYS = 30;

/**
 * The review a URL's search parameters ask for: `days` and `environment`.
 * A `days` that is no whole number falls back to the default; any other
 * value goes to the backend as written, so a bad one in a shared link
 * comes back as a 400 naming it rather than being dropped without a word.
 */
export function noiseFilterOf(search: URLSearchParams): AlertNoiseFilter {
  const days = search.get('days')?.trim() ?? '';
  const environment = search.get('environment')?.trim();
  return {
    days: /^\d+$/.test(days) ? Number(days) : DEFAULT_NOISE_DAYS,
    ...(environment ? { environment } : {}),
  };
}

/** Whether the URL sets any filter. */
export function hasNoiseFilters(search: URLSearchParams): boolean {
  return NOISE_FILTERS.some(name => Boolean(search.get(name)?.trim()));
}

/**
 * The URL's search parameters with some filters set; an empty or
 * undefined value removes the filter, and the default period is left out.
 */
export function withNoiseParams(
  search: URLSearchParams,
  changes: Partial<Record<NoiseFilter, string>>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    const isDefault = name === 'days' && value === String(DEFAULT_NOISE_DAYS);
    if (value && !isDefault) next.set(name, value);
    else next.delete(name);
  }
  return next;
}
