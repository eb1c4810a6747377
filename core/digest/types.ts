import type { LocalizedText } from '../translate';
import type { Locale, Sentiment, ThemeId } from '../types';

/**
 * A weekly digest as it may be shown: every figure in it is based on at least k distinct
 * respondents. Cells under k are left out or merged while computing, so no renderer can leak
 * them by mistake.
 */
export interface Digest {
  project: string;
  projectName: LocalizedText;
  /** ISO week, e.g. "2026-W47", in the project's time zone. */
  week: string;
  /** Monday and Sunday of the week, YYYY-MM-DD. */
  from: string;
  to: string;
  timeZone: string;
  k: number;
  generatedAt: string;
  /** False when the whole week has fewer than k respondents: then nothing else is filled in. */
  enough: boolean;
  totals: Totals | null;
  byRole: GroupCell[];
  byChannel: GroupCell[];
  scores: ThemeScore[];
  /** Question themes answered this week by fewer than k respondents. */
  hiddenScores: number;
  /** Respondents who wrote something this week, when at least k did. */
  freeTextRespondents: number | null;
  themes: RecurringTheme[];
  /** Tagged themes left out: fewer than k respondents, or beyond the top. */
  hiddenThemes: number;
  emergent: EmergentTheme[];
  sessionChecks: GuardedCount;
  /** Session checks that signal a talk is needed (counted, never traced to a person). */
  lowScoreChecks: GuardedCount;
  /** Flagged free text (never its content). */
  safeguardingSignals: GuardedCount;
  /** Per team, each group of at least k respondents; absent when no such split exists this week. */
  teams?: TeamBreakdown;
  /** "Wat we deden": the project's current updates with their reach; filled in every week. */
  updates: UpdateEffect[];
}

export interface TeamBreakdown {
  /** A team id, "_none" (answers without a team) or OTHER (the teams merged to reach k). */
  teams: TeamCell[];
  /** The themes every group has k respondents for, in catalogue order. */
  themes: { theme: ThemeId; label: LocalizedText }[];
}

export interface TeamCell {
  key: string;
  respondents: number;
  /** One per entry of TeamBreakdown.themes, in the same order. */
  averages: { theme: ThemeId; average: number }[];
}

export interface Totals {
  respondents: number;
  /** Distinct runs: one session check or one parent check-in each. */
  checkIns: number;
  answers: number;
}

/** The key of the cell that merges the groups that are too small on their own. */
export const OTHER = '_other';

export interface GroupCell extends Totals {
  /** A role ("youth"), a channel ("whatsapp"), a sentiment, or OTHER. */
  key: string;
}

/** A count that is hidden when fewer than k respondents are behind it. */
export type GuardedCount = { kind: 'none' } | { kind: 'fewerThanK' } | { kind: 'count'; value: number };

export type Direction = 'up' | 'down' | 'flat';

export interface ScorePoint {
  week: string;
  average: number;
  respondents: number;
}

export interface ThemeScore {
  theme: ThemeId;
  label: LocalizedText;
  average: number;
  respondents: number;
  answers: number;
  /** Previous weeks, oldest first; weeks under k are left out. */
  trend: ScorePoint[];
  /** This week against the mean of the trend; null without a previous week to compare. */
  direction: Direction | null;
}

export interface SentimentCell {
  key: Sentiment | typeof OTHER;
  respondents: number;
}

export interface MentionPoint {
  week: string;
  respondents: number;
  share: number;
}

export interface Quote {
  text: string;
  lang: Locale;
}

export interface RecurringTheme {
  theme: ThemeId;
  label: LocalizedText;
  respondents: number;
  /**
   * Respondents who confirmed the theme themselves (or whose answer an operator confirmed); null
   * below k, so a small group is never shown. From k on, the digest marks the theme "bevestigd".
   */
  confirmed: number | null;
  /** Of the respondents who wrote something this week, 0..1. */
  share: number;
  sentiment: SentimentCell[];
  trend: MentionPoint[];
  direction: Direction | null;
  quotes: Quote[];
}

export interface EmergentTheme {
  phrase: string;
  respondents: number;
  lang: Locale;
}

/** A theme's figure in the weeks up to an update against the weeks after it. */
export interface UpdateMovement {
  before: number;
  after: number;
  direction: Direction;
}

/** A lead's update as the digest shows it: what was said, who saw it, what moved after. */
export interface UpdateEffect {
  id: string;
  theme: ThemeId;
  label: LocalizedText;
  week: string;
  text: Partial<Record<Locale, string>>;
  /** Participants who were shown it; hidden under k. */
  reach: GuardedCount;
  /** Average score (1–5) of the theme's questions; null without weeks of at least k on both sides. */
  score: UpdateMovement | null;
  /** Share (0..1) of free-text writers naming the theme; null likewise. */
  mentions: UpdateMovement | null;
}
