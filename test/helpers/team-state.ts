/** Team states for the tests: the quiet period on or off, issued at a given time, with a message. */
import { TEAM_STATE_FORMAT, type TeamState } from '../../rules/team-state';

export const QUIET_MESSAGE = 'Quiet period since 14:02 — earthquake; ask the duty lead before posting';

export const quietState = (issued: string, quiet: boolean, message?: string): TeamState => ({
  format: TEAM_STATE_FORMAT,
  issued,
  sets: { 'quiet-period': quiet },
  eventWords: [],
  ...(message ? { message } : {}),
});
