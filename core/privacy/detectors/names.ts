import firstNames from '../wordlists/first-names.json';
import ambiguity from '../wordlists/name-ambiguity.json';
import context from '../wordlists/name-context.json';
import { fold } from '../fold';
import type { PiiSpan } from '../span';

type Tier = 'plain' | 'wordLike' | 'ambiguous';
type Case = 'upper' | 'lower' | 'shout';
type Cue = 'strong' | 'iam' | 'named' | 'role' | 'signoff';

interface Token {
  start: number;
  end: number;
  folded: string;
  casing: Case;
  /** First word of a sentence, where a capital letter says nothing. */
  initial: boolean;
  gap: string;
}

const NAMES = new Set<string>(firstNames);
const AMBIGUOUS = new Set(ambiguity.ambiguous);
const WORD_LIKE = new Set(ambiguity.wordLike);
const PARTICLES = new Set(context.particles);
const NOT_SURNAME = new Set(context.notSurname);
const COMMON = new Set(context.commonWords);

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const SENTENCE_BREAK = /[.!?…:;\n\r"“”„()[\]]/u;
const SAME_LINE_SPACE = /^[ \t\u00a0]+['’]?$/u;
const SELF = new Set(['i', "i'm", 'im', "i'd", "i'll", "i've"]);
const NATIONALITY_LIKE = /(?:isch|ische|aans|aanse|ees|ese|ish|ian|ean)$/;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrase = (p: string): string => escapeRe(p).replace(/ /g, '\\s+');
const cueRe = (alternatives: string, tail = '\\s+'): RegExp =>
  new RegExp(`(?<![\\p{L}])(?:${alternatives})${tail}`, 'giu');

const ROLES = [
  'meneer', 'mevrouw', 'mevr\\.?', 'mw\\.?', 'dhr\\.?', 'de heer', 'juf', 'juffrouw', 'meester', 'dokter', 'dr\\.?', 'mr\\.?',
  'mrs\\.?', 'ms\\.?', 'miss', 'mister', 'zuster', 'begeleider', 'begeleidster', 'hulpverlener', 'jeugdhulpverlener',
  'mentor', 'mentrix', 'coach', 'gezinscoach', 'therapeut', 'psycholoog', 'psychiater', 'voogd', 'gezinsvoogd',
  'casemanager', 'behandelaar', 'consulent', 'contactpersoon', 'maatschappelijk werker', 'wijkcoach', 'pleegmoeder',
  'pleegvader', 'pleegouder', 'pleegmama', 'pleegpapa', 'moeder', 'vader', 'mama', 'papa', 'broer', 'broertje', 'zus',
  'zusje', 'oma', 'opa', 'tante', 'oom', 'neef', 'nicht', 'vriend', 'vriendin', 'vriendje', 'stiefvader', 'stiefmoeder',
  'teacher', 'worker', 'social worker', 'caseworker', 'case worker', 'keyworker', 'key worker', 'support worker',
  'youth worker', 'therapist', 'counsellor', 'counselor', 'psychologist', 'doctor', 'nurse', 'carer', 'mum', 'mom', 'dad',
  'mother', 'father', 'brother', 'sister', 'grandma', 'grandpa', 'nan', 'aunt', 'uncle', 'friend', 'boyfriend',
  'girlfriend', 'stepdad', 'stepmum', 'stepmom', 'foster mum', 'foster mom', 'foster dad', 'coordinator',
].map((r) => r.replace(/ /g, '\\s+'));

const CUES: Array<[Cue, RegExp]> = [
  ['strong', cueRe("ik\\s+heet|heet\\s+ik|(?:mijn|m'n|mn)\\s+naam\\s+is|my\\s+name\\s+is|my\\s+name's", '\\s*[:,]?\\s*')],
  ['strong', cueRe('naam|name', '\\s*:\\s*')],
  ['iam', cueRe("ik\\s+ben|'k\\s+ben|i'm|i’m|im|i\\s+am")],
  ['named', cueRe('heet|heette|heten|genaamd|named|(?:is|was|being)\\s+called|call\\s+me|noem\\s+(?:me|mij)|aka')],
  ['role', cueRe(ROLES.join('|'), '\\s*,?\\s+')],
  ['signoff', cueRe('groetjes|groeten|groet|liefs|mvg|gr\\.?|regards|cheers|xoxo|love\\s+from|best\\s+wishes', '\\s*[,.:]?\\s+')],
];
const NOT_NAMES = new RegExp(`(?<![\\p{L}])(?:${context.notNames.map(phrase).join('|')})(?![\\p{L}])`, 'giu');

function casingOf(word: string): Case {
  if (!/^\p{Lu}/u.test(word)) return 'lower';
  return word.length > 1 && word === word.toUpperCase() ? 'shout' : 'upper';
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // "Sanne's" is Sanne: the possessive stays outside the name.
    if (/['’]s$/i.test(word)) word = word.slice(0, -2);
    const gap = text.slice(previousEnd, m.index);
    tokens.push({
      start: m.index,
      end: m.index + word.length,
      folded: fold(word),
      casing: casingOf(word),
      initial: tokens.length === 0 || SENTENCE_BREAK.test(gap),
      gap,
    });
    previousEnd = m.index + m[0].length;
  }
  return tokens;
}

function tierOf(folded: string): Tier | null {
  const word = NAMES.has(folded) ? folded : folded.split('-')[0];
  if (!NAMES.has(word)) return null;
  if (AMBIGUOUS.has(word)) return 'ambiguous';
  return WORD_LIKE.has(word) ? 'wordLike' : 'plain';
}

/** Finds people's names: after cues ("ik heet", "my name is"), after roles ("juf", "my worker") and from a first-name list. */
export function findNames(text: string): PiiSpan[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const byStart = new Map(tokens.map((t, i) => [t.start, i]));
  const cues = new Map<number, Cue>();
  for (const [cue, re] of CUES) {
    for (const m of text.matchAll(re)) {
      const i = byStart.get(m.index + m[0].length);
      if (i !== undefined && !cues.has(i)) cues.set(i, cue);
    }
  }
  const blocked = new Set<number>();
  for (const m of text.matchAll(NOT_NAMES)) {
    tokens.forEach((t, i) => {
      if (t.start >= m.index && t.end <= m.index + m[0].length) blocked.add(i);
    });
  }
  // In Title Case Text, a capital letter in the middle of a sentence no longer marks a name.
  const inner = tokens.filter((t) => !t.initial && t.end - t.start > 1 && !SELF.has(t.folded));
  const capitalsMeanNames = inner.length < 3 || inner.filter((t) => t.casing === 'upper').length / inner.length < 0.5;

  const joined = (k: number): boolean => k < tokens.length && SAME_LINE_SPACE.test(tokens[k].gap) && !blocked.has(k);
  const isParticle = (k: number): boolean => PARTICLES.has(tokens[k].folded);
  const isSurname = (k: number, shout: boolean): boolean => {
    const t = tokens[k];
    const capital = t.casing === 'upper' || (shout && t.casing === 'shout');
    return capital && t.folded.length >= 2 && !NOT_SURNAME.has(t.folded) && !PARTICLES.has(t.folded);
  };
  /** Index of the last token of the surname after token i (i itself when there is none). */
  const surnameEnd = (i: number): number => {
    const shout = tokens[i].casing === 'shout';
    let last = i;
    let k = i + 1;
    while (joined(k)) {
      if (isParticle(k)) {
        let m = k;
        while (joined(m) && isParticle(m) && m - k < 3) m++;
        if (!joined(m) || !isSurname(m, shout)) break;
        last = m;
        k = m + 1;
      } else if (isSurname(k, shout)) {
        last = k;
        k += 1;
      } else break;
    }
    return last;
  };
  const unknownWordCanBeName = (t: Token): boolean =>
    t.casing === 'upper' &&
    capitalsMeanNames &&
    !COMMON.has(t.folded) &&
    !NOT_SURNAME.has(t.folded) &&
    !PARTICLES.has(t.folded);

  const startsName = (i: number): boolean => {
    const t = tokens[i];
    const tier = tierOf(t.folded);
    // "15 Jan" is a date.
    if (t.folded === 'jan' && /\d\s*$/.test(text.slice(0, t.start))) return false;
    // "de juf van Noor" is Noor's teacher: "van" stays, the name after it goes.
    if (cues.get(i) === 'role' && t.folded === 'van' && joined(i + 1) && tierOf(tokens[i + 1].folded) && !isParticle(i + 1)) {
      cues.set(i + 1, 'role');
      return false;
    }
    switch (cues.get(i)) {
      case 'strong':
        if (!COMMON.has(t.folded) && !NOT_SURNAME.has(t.folded) && !PARTICLES.has(t.folded)) return true;
        break;
      case 'iam':
        if (tier && (t.casing !== 'lower' || tier !== 'ambiguous')) return true;
        if (unknownWordCanBeName(t) && !NATIONALITY_LIKE.test(t.folded)) return true;
        break;
      case 'named':
      case 'role':
      case 'signoff':
        if (tier && (t.casing !== 'lower' || tier === 'plain')) return true;
        if (unknownWordCanBeName(t)) return true;
        if (isParticle(i) && surnameEnd(i) > i) return true;
        break;
      default:
    }
    if (!tier) return false;
    if (t.casing === 'lower') return tier === 'plain';
    if (t.casing === 'shout') return tier !== 'ambiguous';
    if (tier !== 'ambiguous') return true;
    return !t.initial || surnameEnd(i) > i;
  };

  const spans: PiiSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (blocked.has(i) || !startsName(i)) continue;
    const last = surnameEnd(i);
    spans.push({ start: tokens[i].start, end: tokens[last].end, kind: 'name' });
    i = last;
  }
  return spans;
}
