import { Agent, request } from 'node:http';

export interface LoadResult {
  label: string;
  conversations: number;
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** What a participant types in a loop: a whole session check, then a new one. */
const SCRIPT = ['hoi', 'ja', 'jongere', '4', '5', '3', '4', 'De begeleider luisterde goed, maar de wachtlijst was lang.', 'start', '5', '4', '4', '5', 'overslaan', 'start'];

function post(agent: Agent, port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Drives `conversations` concurrent expectReplies conversations: a warm-up of at least
 * `warmupMs` and `warmupTurns` turns, then `measureMs` of measurement.
 */
export async function drive(label: string, port: number, conversations: number, warmupMs: number, measureMs: number, warmupTurns = 0): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: conversations });
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  let stop = false;
  let warmedTurns = 0;
  let warmedUp: () => void = () => {};
  const enoughWarmTurns = new Promise<void>((resolve) => (warmedUp = resolve));
  if (warmupTurns <= 0) warmedUp();
  const runId = `${label}-${conversations}-${Date.now()}`;
  const worker = async (i: number) => {
    let step = 0;
    while (!stop) {
      const body = JSON.stringify({
        type: 'message',
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:1',
        deliveryMode: 'expectReplies',
        conversation: { id: `${runId}-c${i}` },
        from: { id: `${runId}-u${i}` },
        recipient: { id: 'bot' },
        locale: 'nl-NL',
        text: SCRIPT[step++ % SCRIPT.length],
      });
      const t0 = process.hrtime.bigint();
      try {
        const status = await post(agent, port, body);
        if (status !== 200) errors++;
      } catch {
        errors++;
      }
      if (measuring) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      else if (++warmedTurns === warmupTurns) warmedUp();
    }
  };
  const workers = Array.from({ length: conversations }, (_, i) => worker(i));
  await Promise.all([new Promise((r) => setTimeout(r, warmupMs)), enoughWarmTurns]);
  measuring = true;
  const start = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, measureMs));
  measuring = false;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const turns = latencies.length;
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    label,
    conversations,
    turns,
    seconds,
    turnsPerSecond: turns / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}
