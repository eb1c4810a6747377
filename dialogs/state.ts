import type { SignalCategory } from '../core/safeguarding/lexiconSchema';
import type { Locale, Role, ThemeId } from '../core/types';

/** Where the participant is in the conversation; the question asked last is re-asked from it. */
export type Step =
  | { kind: 'consent' }
  | { kind: 'role' }
  | { kind: 'question'; index: number; attempts: number }
  /** categories: what the signal was about, for the alert (absent in state saved before it existed). */
  | { kind: 'safeguardingContact'; index: number; attempts: number; categories?: SignalCategory[] }
  | ThemeCheckStep
  | { kind: 'finished' }
  | { kind: 'declined' }
  /** A session code failed: nothing starts until a valid code or a plain `start`. */
  | { kind: 'awaitingCode'; problem: CodeProblem };

/** After a remark in the open question: which theme it is mainly about (dialogs/themeCheckDialog.ts). */
export interface ThemeCheckStep {
  kind: 'themeCheck';
  /** The open question's index: the check-in goes on after it. */
  index: number;
  /** The stored answer (ResponseRecord.id), its ISO week and when it was given. */
  response: string;
  week: string;
  answeredAt: string;
  /** The tagger's one or two guesses, as offered. */
  guesses: ThemeId[];
}

export type CodeProblem = 'unknown' | 'expired' | 'invalid';

/** A command that waits for one reply (a language, a confirmation); the step resumes after it. */
/** A question a command asked that the next message answers (language, erase, show my remarks). */
export type Pending = 'language' | 'erase' | 'remarks';

/** The project and team a valid session code tied this conversation to. */
export interface CodeTie {
  code: string;
  project: string;
  team: string | null;
}

/** One check-in run: its answers are already stored, the scores here only feed the summary. */
export interface RunState {
  id: string;
  project: string;
  team: string | null;
  sessionCode: string | null;
  questionSet: string;
  scores: Record<string, number | null>;
  hasRemark: boolean;
}

/** Conversation state, stored under p/<pseudonym>/conv/<hash of the conversation>. */
export interface ConversationData {
  welcomed?: boolean;
  step?: Step;
  pending?: Pending;
  run?: RunState;
  code?: CodeTie;
  /**
   * True while the last thing the participant saw is the prompt of the open step or pending
   * command, with its suggested actions. A join or start that arrives then acknowledges the
   * code without asking the same question twice in a row.
   */
  promptOnScreen?: boolean;
  /** The language of the bot's last message here: a join whose language differs is a switch. */
  saidIn?: Locale;
  /** Keyed hashes of the last few message ids handled here (see redelivery.ts). */
  recentActivities?: string[];
}

/** User state, stored under p/<pseudonym>/user; mirrors the participant record once consent is given. */
export interface UserProfile {
  /** Only a language the participant chose; otherwise the channel locale applies. */
  locale?: Locale;
  consent?: boolean;
  consentAt?: string;
  role?: Role;
  optedOut?: boolean;
  /** After `stop` the first message is answered once (how to start again); then nothing is sent. */
  stopReminded?: boolean;
  /** Project and team of the last valid session code. */
  project?: string;
  team?: string | null;
  /** Channel of first contact. */
  channel?: string;
  createdAt?: string;
}
