import { isHttpUrl } from '@platform-ops/plugin-platform-ops-common';

/**
 * The subscription URL to show: the one the backend returned for the
 * user's token (resolved against the plugin's base URL should it be
 * relative), with the calendar's filters, which the feed takes as
 * `environment` and `owner`. Nothing when it is no http(s) URL with a
 * token, so nothing else is ever offered to copy.
 */
export function subscriptionUrl(
  returned: string,
  baseUrl: string,
  filters: { environment?: string; owner?: string },
): string | undefined {
  let url: URL;
  try {
    url = new URL(returned, `${baseUrl.replace(/\/+$/, '')}/`);
  } catch {
    return undefined;
  }
  if (!url.searchParams.get('token')) return undefined;
  for (const name of ['environment', 'owner'] as const) {
    const value = filters[name];
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  const text = url.toString();
  return isHttpUrl(text) ? text : undefined;
}
