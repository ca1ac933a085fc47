import { Sourced } from '../values/sourced';
import {
  BackupProtection,
  BackupScopeItem,
  BackupSourceSpec,
} from './annotations';

/**
 * Backups section of a summary: the policy and what is declared.
 *
 * @public
 */
export type BackupsSection = {
  /** Durations written short, such as 24h or 7d. */
  policy: {
    rpo: Sourced<string>;
    retention: Sourced<string>;
    rto: Sourced<string>;
  };
  source?: BackupSourceSpec;
  scope: BackupScopeItem[];
  protection: BackupProtection[];
  /** Protections not in place. */
  protectionGaps: BackupProtection[];
};
