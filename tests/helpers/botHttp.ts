import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { startApp, type RunningApp, type StartOptions } from '../../bot/app';

export const ROOT = join(__dirname, '..', '..');

export function tempDataDir(prefix = 'hoormij-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The real server on a free loopback port, on a fresh SQLite file unless DATA_DIR is given. */
export async function startTestApp(env: Record<string, string> = {}, options: Omit<StartOptions, 'env'> = {}): Promise<RunningApp> {
  return startApp({
    ...options,
    env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CONFIG_DIR: join(ROOT, 'config'), DATA_DIR: tempDataDir(), ...env },
  });
}

export interface PostResult {
  status: number;
  body: unknown;
  replies: Partial<Activity>[];
}

export async function postRaw(url: string, body: string, contentType = 'application/json'): Promise<PostResult> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* keep the text */
  }
  const replies = (parsed as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  return { status: res.status, body: parsed, replies };
}

/** One user of the Emulator channel talking with deliveryMode "expectReplies". */
export function emulatorUser(url: string, userId: string, locale = 'nl-NL', conversationId = `conv-${userId}`) {
  return {
    send: async (text: string, extra: Partial<Activity> = {}) =>
      postRaw(
        url,
        JSON.stringify({
          type: 'message',
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9',
          deliveryMode: 'expectReplies',
          conversation: { id: conversationId },
          from: { id: userId, name: 'Test' },
          recipient: { id: 'hoormij', name: 'HoorMij' },
          locale,
          text,
          ...extra,
        }),
      ),
  };
}

export function replyText(r: PostResult): string {
  return r.replies.map((a) => a.text ?? '').join('\n');
}

export function suggestedValues(r: PostResult): string[] {
  const last = [...r.replies].reverse().find((a) => a.suggestedActions?.actions?.length);
  return (last?.suggestedActions?.actions ?? []).map((a) => String(a.value));
}
