import { buildResponse } from './answers/buildResponse';
import { prepareFreeText } from './answers/prepareFreeText';
import { isoWeek, lastCompletedWeek, mondayOf, shiftWeek } from './isoWeek';
import type { Project } from './projects';
import { participantCode, pseudonymize } from './pseudonym';
import type { QuestionSet } from './questionSets';
import type { ThemeTagger } from './themes/types';
import type { Locale, Participant, ResponseRecord, Role } from './types';

/**
 * Synthetic remarks for the demo project, written to sound like parents and young people in
 * youth care: short, informal, sometimes with a typo. `weight` is how often a remark comes up;
 * `trend` shifts that over the weeks (positive: more often lately).
 */
export interface DemoRemark {
  text: string;
  lang: Locale;
  role: 'youth' | 'parent' | 'any';
  weight: number;
  trend?: number;
}

export const DEMO_REMARKS: readonly DemoRemark[] = [
  // waiting
  { lang: 'nl', role: 'parent', weight: 3, trend: 0.5, text: 'We staan al maanden op de wachtlijst en horen niks.' },
  { lang: 'nl', role: 'parent', weight: 2, trend: 0.5, text: 'Het duurde weer drie weken voordat er iemand terugbelde.' },
  { lang: 'nl', role: 'youth', weight: 2, text: 'ik moest heel lang wachten op mijn eerste gesprek' },
  { lang: 'en', role: 'parent', weight: 1, text: 'We have been on the waiting list for months and nobody tells us anything.' },
  // information
  { lang: 'nl', role: 'parent', weight: 2, trend: -0.4, text: 'Ik weet eigenlijk niet wat de volgende stap in het plan is.' },
  { lang: 'nl', role: 'parent', weight: 1, text: 'Fijn dat we nu een duidelijke uitleg kregen over wat er gaat gebeuren.' },
  { lang: 'en', role: 'parent', weight: 1, text: 'Nobody explained what happens next, I had to find out myself.' },
  // listening and respect
  { lang: 'nl', role: 'youth', weight: 3, text: 'Ze luistert echt naar me en neemt me serieus.' },
  { lang: 'nl', role: 'youth', weight: 2, text: 'soms heb ik het gevoel dat ze niet echt luisteren naar wat ik zeg' },
  { lang: 'en', role: 'youth', weight: 1, text: 'My worker really listens to me, that helps a lot.' },
  { lang: 'nl', role: 'parent', weight: 1, text: 'Ik voel me als ouder niet serieus genomen.' },
  // participation
  { lang: 'nl', role: 'youth', weight: 2, text: 'Ik mocht zelf kiezen waar we het over hadden, dat was fijn.' },
  { lang: 'nl', role: 'parent', weight: 2, text: 'Er wordt over ons beslist zonder dat we mee kunnen praten.' },
  { lang: 'en', role: 'youth', weight: 1, text: 'They decided about my plan without asking me.' },
  // continuity
  { lang: 'nl', role: 'parent', weight: 3, trend: 0.3, text: 'Alweer een nieuwe hulpverlener, we moeten ons verhaal steeds opnieuw vertellen.' },
  { lang: 'nl', role: 'youth', weight: 2, text: 'elke keer een ander, ik heb geen zin meer om alles opnieuw te vertellen' },
  { lang: 'en', role: 'parent', weight: 1, text: 'Third new case worker this year, we keep telling our story again.' },
  // accessibility
  { lang: 'nl', role: 'parent', weight: 2, text: 'De hulpverlener is slecht bereikbaar, ik krijg steeds de voicemail.' },
  { lang: 'nl', role: 'youth', weight: 1, text: 'Fijn dat ik gewoon kan appen als er iets is.' },
  // staff quality
  { lang: 'nl', role: 'youth', weight: 3, text: 'Mijn begeleider is echt aardig en weet goed wat ze doet.' },
  { lang: 'en', role: 'youth', weight: 1, text: 'The staff at the group are kind and know what they are doing.' },
  // outcome
  { lang: 'nl', role: 'parent', weight: 2, trend: 0.2, text: 'Het gaat thuis echt beter sinds de hulp er is.' },
  { lang: 'nl', role: 'youth', weight: 2, text: 'ik merk dat het beter met me gaat, ik heb minder ruzie' },
  // bureaucracy
  { lang: 'nl', role: 'parent', weight: 2, text: 'Zoveel formulieren en papierwerk, ik snap niet waarom dat allemaal nodig is.' },
  { lang: 'en', role: 'parent', weight: 1, text: 'So much paperwork and forms before anything happens.' },
  // family and network
  { lang: 'nl', role: 'youth', weight: 1, text: 'Ik wil mijn broertje vaker zien, dat mis ik echt.' },
  { lang: 'nl', role: 'parent', weight: 1, text: 'Goed dat opa en oma ook bij het gesprek mochten zijn.' },
  // living conditions
  { lang: 'nl', role: 'youth', weight: 1, text: 'Op de groep is het eten niet lekker en mijn kamer is te klein.' },
  // personal data that the scrubber removes before storage
  { lang: 'nl', role: 'parent', weight: 0.5, text: 'Bel me gerust terug op 06-12345678, dan leg ik het uit.' },
  { lang: 'nl', role: 'parent', weight: 0.5, text: 'Mail me op ouder.demo@example.org als er nieuws is over de wachtlijst.' },
];

/**
 * The emergent topic of the demo: nobody put it in the catalogue, yet more and more people
 * write about it, so a lead sees "nieuw: vervoer naar school" in the last weeks.
 */
export const DEMO_EMERGENT: readonly DemoRemark[] = [
  { lang: 'nl', role: 'parent', weight: 1, text: 'Het vervoer naar school is elke week weer een gedoe.' },
  { lang: 'nl', role: 'parent', weight: 1, text: 'Wie regelt nou het vervoer naar school? Daar horen we niks over.' },
  { lang: 'nl', role: 'youth', weight: 1, text: 'het vervoer naar school komt steeds te laat' },
  { lang: 'nl', role: 'youth', weight: 1, text: 'Ik mis vaak het begin van de les door het vervoer naar school.' },
  { lang: 'nl', role: 'parent', weight: 1, text: 'Vervoer naar school is sinds de verhuizing niet geregeld.' },
];

/** A small deterministic generator (mulberry32): the same seed gives the same demo. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface DemoOptions {
  project: Project;
  questionSets: ReadonlyMap<string, QuestionSet>;
  /** The weeks to fill, oldest first. */
  weeks: readonly string[];
  tagger: ThemeTagger;
  pseudonymSecret: string;
  /** Placeholder for scrubbed personal data, as the dialogs show it. */
  placeholder: (kind: string, lang: Locale) => string;
  maxTextLength: number;
  seed?: number;
}

export interface DemoData {
  participants: Participant[];
  responses: ResponseRecord[];
}

/** Mean score per theme of parent check-ins in the demo: information and reachability lag behind. */
const BASE_SCORE: Record<string, number> = {
  'listening-respect': 4.2,
  participation: 3.7,
  'staff-quality': 4.3,
  outcome: 3.9,
  information: 3.1,
  accessibility: 3.4,
};
/** Per week (from the oldest): information gets better, accessibility worse. */
const DRIFT: Record<string, number> = { information: 0.12, accessibility: -0.08 };

function pick<T extends { weight: number }>(items: readonly T[], rnd: () => number, weightOf: (i: T) => number = (i) => i.weight): T {
  const total = items.reduce((s, i) => s + weightOf(i), 0);
  let r = rnd() * total;
  for (const i of items) {
    r -= weightOf(i);
    if (r <= 0) return i;
  }
  return items[items.length - 1];
}

/** A moment on a weekday between 9:00 and 20:00, inside the given ISO week. */
function momentIn(week: string, timeZone: string, rnd: () => number): Date {
  const [y, m, d] = mondayOf(week);
  const at = new Date(Date.UTC(y, m - 1, d + Math.floor(rnd() * 7), 8 + Math.floor(rnd() * 11), Math.floor(rnd() * 60)));
  return isoWeek(at, timeZone) === week ? at : new Date(Date.UTC(y, m - 1, d + 2, 12));
}

/**
 * Realistic synthetic answers for a project: 30–80 young people and parents, session checks
 * and parent check-ins, free text in Dutch and English through the same prepare step as real
 * answers (cut, scrubbed, checked, tagged), a few low scores, and a topic that keeps coming
 * back without being in the catalogue. The same seed gives the same data.
 */
export function generateDemoData(o: DemoOptions): DemoData {
  const rnd = seededRandom(o.seed ?? seedOf(o.project.id));
  const youthSet = o.questionSets.get(o.project.questionSets.youth);
  const parentSet = o.questionSets.get(o.project.questionSets.parent);
  if (!youthSet || !parentSet) throw new Error(`project ${o.project.id} uses a question set that does not exist`);
  const count = 30 + Math.floor(rnd() * 51);
  const first = o.weeks[0] ?? '';
  const participants: Participant[] = [];
  for (let i = 0; i < count; i++) {
    const id = pseudonymize(o.pseudonymSecret, 'demo', `${o.project.id}/participant-${i}`);
    const role: Role = rnd() < 0.6 ? 'youth' : 'parent';
    const at = momentIn(first, o.project.timeZone, rnd).toISOString();
    participants.push({
      id,
      code: participantCode(id),
      role,
      locale: rnd() < 0.8 ? 'nl' : 'en',
      consent: true,
      consentAt: at,
      optedOut: false,
      project: o.project.id,
      team: o.project.teams.length ? o.project.teams[Math.floor(rnd() * o.project.teams.length)] : null,
      channel: role === 'youth' ? (rnd() < 0.7 ? 'directline' : 'whatsapp') : rnd() < 0.7 ? 'whatsapp' : 'directline',
      createdAt: at,
      updatedAt: at,
    });
  }

  const responses: ResponseRecord[] = [];
  o.weeks.forEach((week, w) => {
    const progress = o.weeks.length > 1 ? w / (o.weeks.length - 1) : 1;
    participants.forEach((p, i) => {
      const set = p.role === 'youth' ? youthSet : parentSet;
      if (rnd() > (p.role === 'youth' ? 0.6 : 0.4)) return;
      const locale = p.locale ?? 'nl';
      const runId = `demo-${o.project.id}-${week}-${i}`;
      const createdAt = momentIn(week, o.project.timeZone, rnd);
      const run = {
        runId,
        project: o.project.id,
        team: p.team,
        timeZone: o.project.timeZone,
        questionSet: set.id,
        participant: p.id,
        role: p.role as Role,
        channel: p.channel,
        locale,
      };
      // now and then a session that did not go well: one low item pulls the check down
      const rough = rnd() < 0.05;
      for (const q of set.questions) {
        const id = `${runId}-${q.id}`;
        if (q.type === 'scale') {
          // young people rate the session itself: alliance scores run high, so a low one stands out
          const base =
            p.role === 'youth'
              ? 4.7 + (rnd() - 0.5) * 1.2 - (rough ? 1.8 : 0)
              : (BASE_SCORE[q.theme] ?? 3.8) + (DRIFT[q.theme] ?? 0) * w + (rnd() - 0.5) * 1.6 - (rough ? 1.8 : 0);
          const score = Math.max(1, Math.min(5, Math.round(base)));
          responses.push(buildResponse(run, q, rnd() < 0.03 ? { kind: 'skipped' } : { kind: 'score', score }, createdAt, id));
          continue;
        }
        const emergent = locale === 'nl' && rnd() < 0.05 + 0.35 * progress * progress;
        if (!emergent && rnd() > 0.5) continue;
        const pool = emergent ? DEMO_EMERGENT : DEMO_REMARKS.filter((r) => r.lang === locale && (r.role === 'any' || r.role === p.role));
        const remark = pick(pool, rnd, (r) => Math.max(0.05, r.weight * (1 + (r.trend ?? 0) * (progress - 0.5) * 2)));
        const prepared = prepareFreeText(remark.text, {
          maxLength: o.maxTextLength,
          locale: remark.lang,
          tagger: o.tagger,
          placeholder: (kind) => o.placeholder(kind, remark.lang),
        });
        responses.push(
          buildResponse(
            run,
            q,
            { kind: 'text', text: prepared.text, themes: prepared.themes, sentiment: prepared.sentiment, flagged: prepared.flagged },
            new Date(createdAt.getTime() + 60_000),
            id,
          ),
        );
      }
    });
  });
  return { participants, responses };
}

/** The `count` weeks up to and including the last completed one, oldest first. */
export function demoWeeks(now: Date, timeZone: string, count: number): string[] {
  const last = lastCompletedWeek(now, timeZone);
  return Array.from({ length: count }, (_, i) => shiftWeek(last, count - 1 - i));
}
