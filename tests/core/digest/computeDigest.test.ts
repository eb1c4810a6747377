import { renderDigestCard } from '../../../cards/digestCard';
import { renderDigestMarkdown } from '../../../cards/digestMarkdown';
import { computeDigest } from '../../../core/digest';
import { translatorFor } from '../../../locales';
import type { ConfigData } from '../../../core/configData';
import { OTHER } from '../../../core/digest/types';
import { shiftWeek } from '../../../core/isoWeek';
import type { Store } from '../../../storage/port';
import {
  addAll,
  answer,
  K,
  newProject,
  NOW,
  openTestStore,
  parentAnswer,
  people,
  remark,
  sessionCheck,
  testData,
  WEEK,
} from './digestFixtures';

describe('computeDigest and the minimum group size (k = 5)', () => {
  let store: Store;
  let data: ConfigData;
  const digestOf = (project: string, week = WEEK) => computeDigest(store, data, project, week, { k: K, now: NOW });

  beforeAll(async () => {
    store = await openTestStore();
    data = testData();
  });
  afterAll(async () => {
    await store.close();
  });

  describe('top-line counts', () => {
    it('shows nothing at all when only 4 people responded this week', async () => {
      const project = newProject(data);
      for (const p of people(4)) await addAll(store, sessionCheck(project, p, [5, 5, 5, 5]));
      const d = await digestOf(project);
      expect(d.enough).toBe(false);
      expect(d.totals).toBeNull();
      expect(d.scores).toEqual([]);
      expect(d.byRole).toEqual([]);
      expect(d.sessionChecks).toEqual({ kind: 'fewerThanK' });
      expect(JSON.stringify(d)).not.toMatch(/"respondents":4/);
    });

    it('shows respondents, check-ins and answers from 5 people on', async () => {
      const project = newProject(data);
      for (const p of people(5)) await addAll(store, sessionCheck(project, p, [5, 5, 5, 5]));
      const d = await digestOf(project);
      expect(d.enough).toBe(true);
      expect(d.totals).toEqual({ respondents: 5, checkIns: 5, answers: 20 });
    });
  });

  describe('breakdowns by role and channel', () => {
    it('never shows a role of 4 people, not even as the rest of the total', async () => {
      const project = newProject(data);
      for (const p of people(10)) await store.addResponse(answer(project, { participant: p }));
      for (const p of people(4)) await store.addResponse(parentAnswer(project, p));
      const d = await digestOf(project);
      expect(d.totals?.respondents).toBe(14);
      // youth alone would give the parents away as 14 - 10: the breakdown is left out
      expect(d.byRole).toEqual([]);
    });

    it('shows a role from 5 people on', async () => {
      const project = newProject(data);
      for (const p of people(10)) await store.addResponse(answer(project, { participant: p }));
      for (const p of people(5)) await store.addResponse(parentAnswer(project, p));
      const d = await digestOf(project);
      expect(d.byRole.map((c) => [c.key, c.respondents])).toEqual([
        ['youth', 10],
        ['parent', 5],
      ]);
    });

    it('merges small channels into one "other" cell once that cell reaches 5', async () => {
      const project = newProject(data);
      const add = async (channel: string, n: number) => {
        for (const p of people(n)) await store.addResponse(answer(project, { participant: p, channel }));
      };
      await add('whatsapp', 7);
      await add('directline', 6);
      await add('msteams', 2);
      await add('emulator', 3);
      const d = await digestOf(project);
      expect(d.byChannel.map((c) => [c.key, c.respondents])).toEqual([
        ['whatsapp', 7],
        ['directline', 6],
        [OTHER, 5],
      ]);
    });

    it('pulls the next smallest channel into the merge when the small ones add up to 4', async () => {
      const project = newProject(data);
      const add = async (channel: string, n: number) => {
        for (const p of people(n)) await store.addResponse(answer(project, { participant: p, channel }));
      };
      await add('whatsapp', 9);
      await add('directline', 6);
      await add('msteams', 4);
      const d = await digestOf(project);
      expect(d.byChannel.map((c) => [c.key, c.respondents])).toEqual([
        ['whatsapp', 9],
        [OTHER, 10],
      ]);
      expect(JSON.stringify(d.byChannel)).not.toContain('msteams');
    });
  });

  describe('average score per theme', () => {
    it('hides a theme scored by 4 people and shows it from 5', async () => {
      const project = newProject(data);
      for (const p of people(6)) await store.addResponse(answer(project, { participant: p, theme: 'listening-respect', score: 4 }));
      for (const [i, p] of people(4).entries()) await store.addResponse(answer(project, { participant: p, theme: 'information', score: i + 1 }));
      let d = await digestOf(project);
      expect(d.scores.map((s) => s.theme)).toEqual(['listening-respect']);
      expect(d.hiddenScores).toBe(1);

      await store.addResponse(answer(project, { theme: 'information', score: 5 }));
      d = await digestOf(project);
      const info = d.scores.find((s) => s.theme === 'information');
      expect(info).toMatchObject({ average: 3, respondents: 5, answers: 5 });
      expect(info?.label.nl).toBe('Informatie');
    });

    it('leaves a previous week of 4 people out of the trend and keeps one of 5', async () => {
      const project = newProject(data);
      const weekOf = (n: number) => shiftWeek(WEEK, n);
      const add = async (week: string, n: number, score: number) => {
        for (const p of people(n)) await store.addResponse(answer(project, { participant: p, week, score }));
      };
      await add(weekOf(4), 5, 2);
      await add(weekOf(3), 4, 1);
      await add(weekOf(2), 5, 3);
      await add(weekOf(1), 6, 3);
      await add(WEEK, 5, 4);
      const d = await digestOf(project);
      const s = d.scores.find((x) => x.theme === 'listening-respect')!;
      expect(s.trend).toEqual([
        { week: weekOf(4), average: 2, respondents: 5 },
        { week: weekOf(2), average: 3, respondents: 5 },
        { week: weekOf(1), average: 3, respondents: 6 },
      ]);
      expect(s.direction).toBe('up');
    });
  });

  describe('recurring themes from free text', () => {
    it('needs 5 distinct respondents: 4 people writing many times do not make a theme', async () => {
      const project = newProject(data);
      for (const p of people(6)) await store.addResponse(remark(project, p, 'Niks bijzonders te melden deze week hoor'));
      const four = people(4);
      for (const p of four) {
        for (let i = 0; i < 3; i++) await store.addResponse(remark(project, p, `De wachtlijst duurt veel te lang, al ${i + 3} maanden`, { themes: ['waiting'], sentiment: 'negative' }));
      }
      let d = await digestOf(project);
      expect(d.themes).toEqual([]);
      expect(JSON.stringify(d)).not.toContain('wachtlijst');
      for (const t of [translatorFor('nl'), translatorFor('en')]) {
        expect(JSON.stringify(renderDigestCard(d, t))).not.toContain('wachtlijst');
        expect(renderDigestMarkdown(d, t)).not.toContain('wachtlijst');
      }

      await store.addResponse(remark(project, people(1)[0], 'Wij wachten ook al heel lang op hulp voor ons kind', { themes: ['waiting'], sentiment: 'negative' }));
      d = await digestOf(project);
      expect(d.themes.map((t) => [t.theme, t.respondents, t.share])).toEqual([['waiting', 5, 0.455]]);
      expect(d.freeTextRespondents).toBe(11);
    });

    it('shows a sentiment only when 5 people are behind it, merging the rest', async () => {
      const project = newProject(data);
      for (const p of people(6)) await store.addResponse(remark(project, p, 'Elke keer weer een andere hulpverlener', { themes: ['continuity'], sentiment: 'negative' }));
      for (const p of people(4)) await store.addResponse(remark(project, p, 'Fijn dat we nu een vaste begeleider hebben', { themes: ['continuity'], sentiment: 'positive' }));
      let d = await digestOf(project);
      // 4 positive alone is too few; merged with the 6 negative it would only repeat the total
      expect(d.themes[0].sentiment).toEqual([]);

      await store.addResponse(remark(project, people(1)[0], 'Gelukkig een vaste hulpverlener nu', { themes: ['continuity'], sentiment: 'positive' }));
      d = await digestOf(project);
      expect(d.themes[0].sentiment).toEqual([
        { key: 'negative', respondents: 6 },
        { key: 'positive', respondents: 5 },
      ]);
    });

    it('quotes at most two different people, never flagged text, and only for themes of 5 or more', async () => {
      const project = newProject(data);
      const flaggedText = 'Ik wil niet meer leven en de wachtlijst is eindeloos';
      const writers = people(6);
      for (const [i, p] of writers.entries()) {
        await store.addResponse(
          remark(project, p, `We wachten nu al ${i + 2} maanden op de eerste afspraak met iemand`, { themes: ['waiting'], sentiment: 'negative' }),
        );
      }
      await store.addResponse(remark(project, writers[0], flaggedText, { themes: ['waiting'], sentiment: 'negative', flagged: true }));
      for (const p of people(4)) await store.addResponse(remark(project, p, 'Het eten op de groep is echt niet lekker', { themes: ['living-conditions'], sentiment: 'negative' }));
      const d = await digestOf(project);
      const waiting = d.themes.find((t) => t.theme === 'waiting')!;
      expect(waiting.quotes).toHaveLength(2);
      expect(new Set(waiting.quotes.map((q) => q.text)).size).toBe(2);
      const json = JSON.stringify(d);
      expect(json).not.toContain('niet meer leven');
      expect(json).not.toContain('eten op de groep');
      expect(d.themes.map((t) => t.theme)).not.toContain('living-conditions');
    });

    it('shows a theme trend only with previous weeks of 5 or more', async () => {
      const project = newProject(data);
      const add = async (week: string, mention: number, others: number) => {
        for (const p of people(mention)) await store.addResponse(remark(project, p, 'Altijd maar wachten', { week, themes: ['waiting'] }));
        for (const p of people(others)) await store.addResponse(remark(project, p, 'Gaat prima', { week }));
      };
      await add(shiftWeek(WEEK, 2), 4, 6);
      await add(shiftWeek(WEEK, 1), 5, 5);
      await add(WEEK, 8, 2);
      const d = await digestOf(project);
      expect(d.themes[0].trend).toEqual([{ week: shiftWeek(WEEK, 1), respondents: 5, share: 0.5 }]);
      expect(d.themes[0].direction).toBe('up');
    });
  });

  describe('emergent themes', () => {
    // a topic no catalogue theme knows: the kind of thing a lead should hear about first
    const texts = [
      'De fietsenstalling bij de groep is alweer kapot.',
      'Mijn fiets is gestolen uit de fietsenstalling.',
      'Kan iemand de fietsenstalling eens maken?',
      'Die fietsenstalling is echt een probleem.',
      'Sinds de fietsenstalling kapot is loop ik.',
    ];
    it('does not show a phrase 4 people used and shows it when 5 did', async () => {
      const project = newProject(data);
      for (const p of people(6)) await store.addResponse(remark(project, p, 'Alles gaat goed met ons'));
      const writers = people(5);
      for (let i = 0; i < 4; i++) await store.addResponse(remark(project, writers[i], texts[i]));
      let d = await digestOf(project);
      expect(d.emergent.filter((e) => /fietsenstalling/.test(e.phrase))).toEqual([]);

      await store.addResponse(remark(project, writers[4], texts[4]));
      d = await digestOf(project);
      const found = d.emergent.find((e) => /fietsenstalling/.test(e.phrase));
      expect(found).toBeDefined();
      expect(found!.respondents).toBe(5);
    });
  });

  describe('low scores and safeguarding signals', () => {
    it('counts session checks that need a talk per run, and says "fewer than k" for 4 people', async () => {
      const project = newProject(data);
      for (const p of people(6)) await addAll(store, sessionCheck(project, p, [5, 5, 5, 5]));
      const low = people(4);
      // one of them twice: two runs, still one person
      await addAll(store, sessionCheck(project, low[0], [2, 5, 5, 5]));
      await addAll(store, sessionCheck(project, low[0], [4, 4, 4, 4]));
      for (const p of low.slice(1)) await addAll(store, sessionCheck(project, p, [5, 5, 3, 5]));
      let d = await digestOf(project);
      expect(d.sessionChecks).toEqual({ kind: 'count', value: 11 });
      expect(d.lowScoreChecks).toEqual({ kind: 'fewerThanK' });

      // 18 of 20 with no item at 3 or lower is fine; 17 is not
      await addAll(store, sessionCheck(project, people(1)[0], [5, 5, 4, 4]));
      d = await digestOf(project);
      expect(d.lowScoreChecks).toEqual({ kind: 'fewerThanK' });
      await addAll(store, sessionCheck(project, people(1)[0], [5, 4, 4, 4]));
      d = await digestOf(project);
      expect(d.lowScoreChecks).toEqual({ kind: 'count', value: 6 });
    });

    it('says "none" without low checks, and never counts a parent check-in as a session check', async () => {
      const project = newProject(data);
      for (const p of people(5)) await addAll(store, sessionCheck(project, p, [5, 5, 5, 5]));
      for (const p of people(5)) await store.addResponse(parentAnswer(project, p, { score: 1 }));
      const d = await digestOf(project);
      expect(d.lowScoreChecks).toEqual({ kind: 'none' });
      expect(d.sessionChecks).toEqual({ kind: 'count', value: 5 });
    });

    it('counts safeguarding signals only from 5 people on, and never shows their text', async () => {
      const project = newProject(data);
      for (const p of people(6)) await store.addResponse(remark(project, p, 'Gaat goed'));
      const flaggedBy = people(5);
      for (const p of flaggedBy.slice(0, 4)) await store.addResponse(remark(project, p, 'Mijn stiefvader slaat me', { flagged: true, themes: ['safety'] }));
      let d = await digestOf(project);
      expect(d.safeguardingSignals).toEqual({ kind: 'fewerThanK' });
      expect(JSON.stringify(d)).not.toContain('slaat');

      await store.addResponse(remark(project, flaggedBy[4], 'Ik voel me thuis niet veilig, hij slaat me', { flagged: true, themes: ['safety'] }));
      d = await digestOf(project);
      expect(d.safeguardingSignals).toEqual({ kind: 'count', value: 5 });
      expect(JSON.stringify(d)).not.toContain('slaat');
    });
  });

  it('refuses an unknown project with its name in the error', async () => {
    await expect(digestOf('no-such-project')).rejects.toThrow('no-such-project');
  });
});
