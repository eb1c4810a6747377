import type { Project } from '../core/projects';
import type { Turn } from './turn';

export interface ProjectTie {
  project: Project;
  team: string | null;
  sessionCode: string | null;
}

/**
 * The project answers belong to: the session code of this conversation, else the last valid
 * code of the participant, else the default project (for anyone who starts without a code).
 */
export function projectOfTurn(turn: Turn): ProjectTie {
  const { data } = turn.app;
  const tie = turn.conv.code;
  const fromCode = tie && data.projects.get(tie.project);
  if (tie && fromCode) return { project: fromCode, team: tie.team, sessionCode: tie.code };
  const remembered = turn.profile.project ? data.projects.get(turn.profile.project) : undefined;
  if (remembered) return { project: remembered, team: turn.profile.team ?? null, sessionCode: null };
  return { project: data.defaultProject, team: null, sessionCode: null };
}
