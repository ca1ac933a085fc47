import { Parsed, problem } from '../problems';

/**
 * Parses an absolute http or https URL. Any other scheme (`javascript:`,
 * `file:`, `data:` ...) is a problem, so the value is never rendered as a
 * link.
 *
 * @public
 */
export function parseHttpUrl(key: string, text: string): Parsed<string> {
  const expected = 'an absolute http:// or https:// URL';
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { value: undefined, problems: [problem(key, text, expected)] };
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    !url.hostname
  ) {
    return { value: undefined, problems: [problem(key, text, expected)] };
  }
  return { value: url.toString(), problems: [] };
}

/**
 * Whether a URL is safe to render as a link: absolute http or https only.
 *
 * @public
 */
export function isHttpUrl(text: string | undefined): text is string {
  return text !== undefined && parseHttpUrl('url', text).problems.length === 0;
}
