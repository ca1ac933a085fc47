/** What a network error code means, in words that reveal no address. */
const CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
};

const MAX_LENGTH = 200;

/**
 * A source's error as every signed-in user may see it: network codes in
 * words, and no URL, host name or address of internal systems. The full
 * message stays in the backend log.
 */
export function publicError(message: string): string {
  let text = message
    // "Alertmanager at http://10.0.0.5:9093 did not answer" keeps its sense
    // without the address.
    .replace(/ at https?:\/\/\S+/gi, '')
    .replace(/https?:\/\/\S+/gi, 'the source')
    .replace(/\b(getaddrinfo|connect|read|write)\s+/g, '');
  for (const [code, words] of Object.entries(CODES)) {
    text = text.replace(new RegExp(`\\b${code}\\b(\\s+\\S+)?`, 'g'), words);
  }
  text = text
    .replace(/\[?\b(?:\d{1,3}\.){3}\d{1,3}\b\]?(:\d+)?/g, 'an address')
    .replace(/\[[0-9a-f:]+\](:\d+)?/gi, 'an address')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return text.length > MAX_LENGTH
    ? `${text.slice(0, MAX_LENGTH - 3)}...`
    : text;
}
