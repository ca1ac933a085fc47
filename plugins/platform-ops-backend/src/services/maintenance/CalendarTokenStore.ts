/**
 * Secret tokens for calendar subscription URLs. A calendar client fetches
 * the feed without a Backstage session, so each user may hold one token
 * that stands for them until it is revoked or replaced.
 */
export interface CalendarTokenStore {
  /**
   * Issues a new random token for the user and returns it; this is the only
   * time it is seen in clear. The user's previous token stops working.
   */
  issue(userEntityRef: string): Promise<string>;

  /** The user a token stands for, or undefined for an unknown or revoked one. */
  resolve(token: string): Promise<string | undefined>;

  /** Revokes the user's token, if any. */
  revoke(userEntityRef: string): Promise<void>;
}
