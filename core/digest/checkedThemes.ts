import type { ResponseRecord, ThemeCheck, ThemeId } from '../types';

/** A week's answers with what people said about their themes applied, and who confirmed which theme. */
export interface CheckedAnswers {
  /** The answers, each with the themes that stand after the checks (the stored rows are not changed). */
  rows: ResponseRecord[];
  /** Per theme, the respondents who confirmed it themselves or whose answer an operator confirmed. */
  confirmedBy: Map<ThemeId, Set<string>>;
}

/**
 * Applies theme checks to the tagger's tags. An operator's review gives the full set of themes;
 * a participant's tap confirms the one theme the remark is mainly about (the other guess stays a
 * guess), and "iets anders" contradicts every guess offered, so those never count for the theme.
 */
export function applyThemeChecks(rows: readonly ResponseRecord[], checks: readonly ThemeCheck[]): CheckedAnswers {
  const byResponse = new Map<string, { participant?: ThemeCheck; operator?: ThemeCheck }>();
  for (const c of checks) {
    const entry = byResponse.get(c.response) ?? {};
    entry[c.by] = c;
    byResponse.set(c.response, entry);
  }
  const confirmedBy = new Map<ThemeId, Set<string>>();
  const confirm = (theme: ThemeId, who: string) => {
    let s = confirmedBy.get(theme);
    if (!s) confirmedBy.set(theme, (s = new Set()));
    s.add(who);
  };
  const checked = rows.map((r) => {
    const entry = byResponse.get(r.id);
    if (!entry) return r;
    if (entry.operator) {
      for (const t of entry.operator.themes) confirm(t, r.participant);
      return { ...r, themes: [...entry.operator.themes] };
    }
    const p = entry.participant!;
    if (p.themes.length === 0) return { ...r, themes: r.themes.filter((t) => !p.guessed.includes(t)) };
    for (const t of p.themes) confirm(t, r.participant);
    return { ...r, themes: [...new Set([...r.themes, ...p.themes])] };
  });
  return { rows: checked, confirmedBy };
}
