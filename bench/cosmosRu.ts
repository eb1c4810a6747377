import { randomBytes } from 'node:crypto';
import { loadConfig } from '../bot/config';
import { participantCode } from '../core/pseudonym';
import type { ResponseRecord } from '../core/types';
import { CONTAINERS, createCosmosStore, cosmosOptionsFromConfig, type CosmosStoreOptions, type CosmosStore } from '../storage/cosmos';
import { participantDoc, responseDoc } from '../storage/cosmos/documents';
import { botStatePartition, cosmosId } from '../storage/cosmos/ids';

/**
 * Request Unit cost of the Cosmos hot paths. Without an account it estimates from document sizes
 * and Cosmos DB's published per-operation costs; pointed at a real account (STORAGE=cosmos,
 * COSMOS_ENDPOINT, ...) it also runs the hot paths in a scratch database and sums the
 * x-ms-request-charge of every response. `npm run build && node dist/bench/cosmosRu.js`.
 */

/**
 * Published costs (learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption):
 * RU of a point read / a write by document size, session consistency, one region. A write also
 * pays about 0.2 RU per indexed term; a replace is a delete plus an insert.
 */
const PUBLISHED = [
  { kb: 1, read: 1.0, write: 4.95 },
  { kb: 2, read: 1.04, write: 6.29 },
  { kb: 4, read: 1.14, write: 6.67 },
  { kb: 8, read: 1.33, write: 7.04 },
  { kb: 16, read: 1.67, write: 9.52 },
  { kb: 32, read: 2.19, write: 11.23 },
] as const;
const RU_PER_INDEXED_TERM = 0.2;
/** Assumption: a small indexed single-partition query costs about this much before results. */
const QUERY_BASE_RU = 2.8;
/** Assumption (upper bound): results cost like a feed read, about 1 RU per KB returned. */
const QUERY_RU_PER_KB = 1.0;
/** Cosmos adds _rid, _self, _etag, _attachments and _ts to every stored document. */
const SYSTEM_PROPERTIES_BYTES = 200;

export const PRICE_ASSUMPTION = {
  /** Serverless list price in USD per million RU (most regions), from the Azure pricing page. */
  usdPerMillionRu: 0.25,
  /** Serverless/provisioned transactional storage, USD per GB per month. */
  usdPerGbMonth: 0.25,
  asOf: '2025-06',
  source: 'https://azure.microsoft.com/pricing/details/cosmos-db/serverless/',
} as const;

export interface Workload {
  participants: number;
  checkInsPerParticipantPerWeek: number;
  /** Scored questions plus the open question of one check-in. */
  answersPerCheckIn: number;
  /** Messages a participant sends in one check-in (greeting, answers, remark, goodbye). */
  turnsPerCheckIn: number;
  /** Share of answers that carry free text (later cleared by retention). */
  textShare: number;
  projects: number;
  /** Weeks of score history a digest compares with. */
  digestHistoryWeeks: number;
  weeksPerMonth: number;
}

export const DEFAULT_WORKLOAD: Workload = {
  participants: 10_000,
  checkInsPerParticipantPerWeek: 1,
  answersPerCheckIn: 6,
  turnsPerCheckIn: 9,
  textShare: 1 / 6,
  projects: 50,
  digestHistoryWeeks: 8,
  weeksPerMonth: 4.345,
};

export interface HotPath {
  name: 'turn' | 'answer' | 'digest' | 'retention';
  description: string;
  estimatedRu: number;
  measuredRu?: number;
  requests?: number;
}

export interface RuEstimate {
  source: 'published-costs' | 'published-costs+measured';
  documentBytes: { botState: number; response: number; responseWithText: number; participant: number };
  hotPaths: HotPath[];
  workload: Workload;
  monthly: { turns: number; answers: number; digests: number; retentionClears: number; ru: number; usd: number; storageGb: number; storageUsd: number };
  price: typeof PRICE_ASSUMPTION;
}

function interpolate(kb: number, field: 'read' | 'write'): number {
  const pts = PUBLISHED;
  if (kb <= pts[0].kb) return pts[0][field];
  for (let i = 1; i < pts.length; i++) {
    if (kb <= pts[i].kb) {
      const [a, b] = [pts[i - 1], pts[i]];
      return a[field] + ((b[field] - a[field]) * (kb - a.kb)) / (b.kb - a.kb);
    }
  }
  return pts[pts.length - 1][field];
}

const kbOf = (bytes: number) => (bytes + SYSTEM_PROPERTIES_BYTES) / 1024;
export const pointReadRu = (bytes: number) => interpolate(kbOf(bytes), 'read');
export const createRu = (bytes: number, indexedTerms: number) => interpolate(kbOf(bytes), 'write') + RU_PER_INDEXED_TERM * indexedTerms;
export const replaceRu = (bytes: number, changedTerms: number) => 2 * interpolate(kbOf(bytes), 'write') + 2 * RU_PER_INDEXED_TERM * changedTerms;
export const queryRu = (returnedBytes: number) => QUERY_BASE_RU + QUERY_RU_PER_KB * (returnedBytes / 1024);

const bytes = (doc: unknown) => Buffer.byteLength(JSON.stringify(doc), 'utf8');
const hex = (n: number) => randomBytes(n).toString('hex');

/** Bot state of a conversation in the middle of a check-in: a dialog stack two deep. */
function sampleConversationState(pseudonym: string): Record<string, unknown> {
  return {
    id: cosmosId(`p/${pseudonym}/conv/${hex(16)}`),
    pk: botStatePartition(`p/${pseudonym}/conv`),
    key: `p/${pseudonym}/conv/${hex(16)}`,
    document: {
      conversation: { runId: `run-${hex(8)}`, questionSet: 'session-check', step: 3, answers: { q1: 4, q2: 3, q3: 5 }, lastPromptAt: new Date().toISOString() },
      dialogState: {
        dialogStack: [
          { id: 'checkIn', state: { options: { questionSet: 'session-check', project: 'demo' }, values: { instanceId: hex(16) }, stepIndex: 3 } },
          { id: 'scalePrompt', state: { options: { prompt: { type: 'message', text: 'Hoe goed werd er naar je geluisterd?' }, choices: ['1', '2', '3', '4', '5'] }, state: { attemptCount: 0 } } },
        ],
      },
    },
  };
}

function sampleResponse(project: string, week: string, text: string | null): ResponseRecord {
  return {
    id: `r-${hex(8)}`,
    project,
    team: 'team-a',
    participant: hex(32),
    role: 'youth',
    channel: 'whatsapp',
    questionSet: 'session-check',
    question: text ? 'open' : 'q2',
    runId: `run-${hex(4)}`,
    theme: text ? null : 'listened',
    themes: text ? ['waiting'] : [],
    score: text ? null : 4,
    skipped: false,
    text,
    sentiment: text ? 'negative' : null,
    flagged: false,
    locale: 'nl',
    createdAt: new Date().toISOString(),
    week,
  };
}

const REMARK = 'Ik moest best lang wachten voordat iemand terugbelde, maar het gesprek zelf was fijn en ik voelde me gehoord.';

function documentSizes() {
  const pseudonym = hex(32);
  const participant = participantDoc({
    id: pseudonym,
    code: participantCode(pseudonym),
    role: 'youth',
    locale: 'nl',
    consent: true,
    consentAt: new Date().toISOString(),
    optedOut: false,
    project: 'demo',
    team: 'team-a',
    channel: 'whatsapp',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  return {
    botState: bytes(sampleConversationState(pseudonym)),
    response: bytes(responseDoc(sampleResponse('demo', '2026-W10', null))),
    responseWithText: bytes(responseDoc(sampleResponse('demo', '2026-W10', REMARK))),
    participant: bytes(participant),
  };
}

function estimateHotPaths(sizes: ReturnType<typeof documentSizes>, w: Workload): HotPath[] {
  const responsesIndexed = CONTAINERS.responses.indexed.length + 1;
  const avgResponse = sizes.response * (1 - w.textShare) + sizes.responseWithText * w.textShare;
  const responsesPerProjectWeek = (w.participants * w.checkInsPerParticipantPerWeek * w.answersPerCheckIn) / w.projects;
  // scoreAggregates projects five short fields (~150 bytes) per row over the history weeks.
  const aggregateBytes = responsesPerProjectWeek * w.digestHistoryWeeks * 150;
  return [
    {
      name: 'turn',
      description: 'read user + conversation state (2 point reads), write conversation state (1 replace)',
      estimatedRu: 2 * pointReadRu(sizes.botState) + replaceRu(sizes.botState, 0),
    },
    {
      name: 'answer',
      description: 'one response document created (indexed: pk, participant, project, createdAt, hasText, responseId)',
      estimatedRu: createRu(avgResponse, responsesIndexed),
    },
    {
      name: 'digest',
      description: `claim (create) + week query (${Math.round(responsesPerProjectWeek)} responses, one partition) + ${w.digestHistoryWeeks}-week aggregates + subscriptions + mark sent`,
      estimatedRu:
        createRu(200, 1) +
        queryRu(responsesPerProjectWeek * avgResponse) +
        w.digestHistoryWeeks * QUERY_BASE_RU +
        QUERY_RU_PER_KB * (aggregateBytes / 1024) +
        queryRu(2 * 1024) +
        replaceRu(200, 0),
    },
    {
      name: 'retention',
      description: 'clearing the text of one response (replace guarded by its eTag; the query is shared by the daily run)',
      estimatedRu: replaceRu(sizes.responseWithText, 1),
    },
  ];
}

function monthly(paths: HotPath[], sizes: ReturnType<typeof documentSizes>, w: Workload) {
  const ru = (name: HotPath['name']) => {
    const p = paths.find((x) => x.name === name)!;
    return p.measuredRu ?? p.estimatedRu;
  };
  const checkIns = w.participants * w.checkInsPerParticipantPerWeek * w.weeksPerMonth;
  const turns = checkIns * w.turnsPerCheckIn;
  const answers = checkIns * w.answersPerCheckIn;
  const digests = w.projects * w.weeksPerMonth;
  // In steady state (after RETENTION_DAYS), each month clears as many texts as it adds.
  const retentionClears = answers * w.textShare;
  const total = turns * ru('turn') + answers * ru('answer') + digests * ru('digest') + retentionClears * ru('retention');
  // Storage after a year: responses plus one state document per participant and conversation.
  const avgResponse = sizes.response * (1 - w.textShare) + sizes.responseWithText * w.textShare;
  const storageBytes = answers * 12 * (avgResponse + SYSTEM_PROPERTIES_BYTES) + w.participants * 3 * (sizes.botState + SYSTEM_PROPERTIES_BYTES);
  const storageGb = (storageBytes * 1.3) / 1024 ** 3; // ~30% for the index
  return {
    turns,
    answers,
    digests,
    retentionClears,
    ru: total,
    usd: (total / 1e6) * PRICE_ASSUMPTION.usdPerMillionRu,
    storageGb,
    storageUsd: storageGb * PRICE_ASSUMPTION.usdPerGbMonth,
  };
}

/** Runs each hot path once in a scratch database and sums the request charges it reports. */
export async function measureHotPaths(options: CosmosStoreOptions, digestResponses = 60): Promise<Map<HotPath['name'], { ru: number; requests: number }>> {
  let bucket: { ru: number; requests: number } | undefined;
  const store: CosmosStore = await createCosmosStore({
    ...options,
    onRequestCharge: (_op, charge) => {
      if (bucket) {
        bucket.ru += charge;
        bucket.requests += 1;
      }
    },
  });
  const results = new Map<HotPath['name'], { ru: number; requests: number }>();
  const measure = async (name: HotPath['name'], fn: () => Promise<unknown>) => {
    bucket = { ru: 0, requests: 0 };
    await fn();
    results.set(name, bucket);
    bucket = undefined;
  };
  try {
    const pseudonym = hex(32);
    const conv = sampleConversationState(pseudonym);
    const userKey = `p/${pseudonym}/user`;
    const convKey = conv.key as string;
    await store.botStorage.write({ [userKey]: { profile: { locale: 'nl', role: 'youth' } }, [convKey]: conv.document as object });
    await measure('turn', async () => {
      const [u, c] = await Promise.all([store.botStorage.read([userKey]), store.botStorage.read([convKey])]);
      await store.botStorage.write({ [convKey]: { ...c[convKey], eTag: '*' } });
      return u;
    });

    const project = `ru-${hex(4)}`;
    const week = '2026-W10';
    await measure('answer', () => store.addResponse(sampleResponse(project, week, null)));
    for (let i = 0; i < digestResponses; i++) await store.addResponse(sampleResponse(project, week, i % 6 === 5 ? REMARK : null));
    await measure('digest', async () => {
      await store.claimDigest(project, week, 'bench', new Date().toISOString());
      await store.listResponsesForWeek(project, week);
      await store.scoreAggregates(project, Array.from({ length: 8 }, (_, i) => `2026-W${String(3 + i).padStart(2, '0')}`));
      await store.listSubscriptions(project);
      await store.markDigestSent(project, week, new Date().toISOString());
    });
    const old = sampleResponse(project, '1990-W01', REMARK);
    await store.addResponse({ ...old, createdAt: '1990-01-02T10:00:00.000Z' });
    await measure('retention', () => store.purgeTextBefore('1990-06-01T00:00:00.000Z'));
  } finally {
    await store.close();
  }
  return results;
}

/**
 * The estimate for `workload` (default: 10,000 participants answering weekly). With
 * `measureWith`, the hot paths also run against that Cosmos account and the measured charges
 * replace the estimates in the monthly figure.
 */
export async function estimateRu(input: { workload?: Partial<Workload>; measureWith?: CosmosStoreOptions } = {}): Promise<RuEstimate> {
  const workload = { ...DEFAULT_WORKLOAD, ...input.workload };
  const sizes = documentSizes();
  const paths = estimateHotPaths(sizes, workload);
  if (input.measureWith) {
    const measured = await measureHotPaths(input.measureWith);
    for (const p of paths) {
      const m = measured.get(p.name);
      if (m) Object.assign(p, { measuredRu: m.ru, requests: m.requests });
    }
  }
  return {
    source: input.measureWith ? 'published-costs+measured' : 'published-costs',
    documentBytes: sizes,
    hotPaths: paths,
    workload,
    monthly: monthly(paths, sizes, workload),
    price: PRICE_ASSUMPTION,
  };
}

const n = (x: number, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export function formatRuReport(e: RuEstimate): string {
  const lines = [
    `Cosmos DB RU estimate (${e.source})`,
    '',
    `Document sizes (JSON bytes, before ~${SYSTEM_PROPERTIES_BYTES} bytes of system properties): bot state ${e.documentBytes.botState}, response ${e.documentBytes.response}, response with remark ${e.documentBytes.responseWithText}, participant ${e.documentBytes.participant}`,
    '',
    '| hot path | what it does | estimated RU | measured RU | requests |',
    '|---|---|---:|---:|---:|',
    ...e.hotPaths.map((p) => `| ${p.name} | ${p.description} | ${n(p.estimatedRu)} | ${p.measuredRu === undefined ? '–' : n(p.measuredRu)} | ${p.requests ?? '–'} |`),
    '',
    `Per month for ${e.workload.participants.toLocaleString('en-US')} participants answering weekly: ${n(e.monthly.turns, 0)} turns, ${n(e.monthly.answers, 0)} answers, ${n(e.monthly.digests, 0)} digests, ${n(e.monthly.retentionClears, 0)} retention clears`,
    `≈ ${n(e.monthly.ru / 1e6, 2)} million RU ≈ USD ${n(e.monthly.usd, 2)} at USD ${e.price.usdPerMillionRu} per million RU (serverless list price, ${e.price.asOf}, ${e.price.source}); storage after a year ≈ ${n(e.monthly.storageGb, 2)} GB ≈ USD ${n(e.monthly.storageUsd, 2)} per month`,
  ];
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  const config = loadConfig();
  const measureWith = config.storage === 'cosmos' && config.cosmos
    ? cosmosOptionsFromConfig({ ...config, cosmos: { ...config.cosmos, database: `${config.cosmos.database}-rubench` } })
    : undefined;
  estimateRu({ measureWith })
    .then((e) => {
      process.stdout.write(formatRuReport(e));
      if (measureWith) process.stdout.write(`\nThe scratch database "${measureWith.database}" can be deleted: az cosmosdb sql database delete --name ${measureWith.database} ...\n`);
    })
    .catch((err: Error) => {
      process.stderr.write(`cosmos RU bench failed: ${err.message}\n`);
      process.exitCode = 1;
    });
}
