import { DEFAULT_WORKLOAD, estimateRu, formatRuReport, pointReadRu, createRu } from '../../bench/cosmosRu';
import { cosmosOptionsFromConfig } from '../../storage/cosmos';
import { startCosmosServer } from '../helpers/cosmosServer';
import { cosmosConfig } from './cosmosTestTarget';

describe('Cosmos RU estimate', () => {
  it('prices point operations by the published table: 1 KB read 1 RU, 1 KB write about 5 RU plus index terms', () => {
    expect(pointReadRu(1024 - 200)).toBeCloseTo(1.0, 5);
    expect(createRu(1024 - 200, 0)).toBeCloseTo(4.95, 5);
    expect(createRu(1024 - 200, 10)).toBeCloseTo(6.95, 5);
    expect(pointReadRu(3 * 1024 - 200)).toBeCloseTo((1.04 + 1.14) / 2, 5);
  });

  it('estimates every hot path and a monthly figure that grows with the number of participants', async () => {
    const base = await estimateRu();
    expect(base.hotPaths.map((p) => p.name)).toEqual(['turn', 'answer', 'digest', 'retention']);
    for (const p of base.hotPaths) expect(p.estimatedRu).toBeGreaterThan(1);
    expect(base.monthly.answers).toBeCloseTo(DEFAULT_WORKLOAD.participants * 6 * DEFAULT_WORKLOAD.weeksPerMonth, 0);

    const double = await estimateRu({ workload: { participants: 20_000 } });
    expect(double.monthly.turns).toBeCloseTo(2 * base.monthly.turns, 0);
    expect(double.monthly.ru).toBeGreaterThan(1.9 * base.monthly.ru);
    expect(formatRuReport(base)).toContain('USD 0.25 per million RU');
  });

  it('reads the request charges of the hot paths from a Cosmos endpoint, one response at a time', async () => {
    const server = await startCosmosServer();
    try {
      const options = cosmosOptionsFromConfig(cosmosConfig(server.endpoint, 'k', 'ru-bench'), { agent: server.agent });
      const e = await estimateRu({ measureWith: options });
      const byName = Object.fromEntries(e.hotPaths.map((p) => [p.name, p]));
      // The local server charges 1 RU per response, so the measured RU is the number of round trips:
      // a turn is two point reads and one write, an answer one write, the digest a claim, one week
      // query, eight aggregate queries, the subscriptions and a read + replace to mark it sent;
      // retention queries the answers and the theme checks that still hold text.
      expect([byName.turn.requests, byName.answer.requests, byName.digest.requests, byName.retention.requests]).toEqual([3, 1, 13, 3]);
      expect(byName.turn.measuredRu).toBe(3);
      expect(e.source).toBe('published-costs+measured');
    } finally {
      await server.close();
    }
  });
});
