import {
  EndOfLifeState,
  RpoState,
} from '@platform-ops/plugin-platform-ops-common';
import { Judgement } from '../shared/StatusLine';

const BACKUP: Record<RpoState, Judgement> = {
  ok: { status: 'ok', text: 'RPO met' },
  'at-risk': { status: 'warning', text: 'RPO at risk' },
  breached: { status: 'error', text: 'RPO breached' },
  unknown: { status: 'warning', text: 'Backup state unknown' },
};

/**
 * The worst backup state of a row in a few words, or nothing when the
 * component is not backed up.
 */
export function describeBackupState(
  state: RpoState | undefined,
): Judgement | undefined {
  return state && BACKUP[state];
}

const END_OF_LIFE: Record<EndOfLifeState, Judgement> = {
  supported: { status: 'ok', text: 'Supported' },
  'eol-soon': { status: 'warning', text: 'End of life soon' },
  eol: { status: 'error', text: 'Past end of life' },
  unknown: { status: 'warning', text: 'No end-of-life data' },
};

/**
 * A row's end-of-life state in a few words, or nothing when it declares no
 * release.
 */
export function describeEndOfLifeState(
  state: EndOfLifeState | undefined,
): Judgement | undefined {
  return state && END_OF_LIFE[state];
}
