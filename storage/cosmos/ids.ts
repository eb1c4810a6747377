import { createHash } from 'node:crypto';

/**
 * Cosmos DB ids may not contain '/', '\', '?' or '#' and are limited to 255 characters, but our
 * natural keys contain all of those (bot state keys "p/<pseudonym>/conversation", WhatsApp
 * message ids in base64). Safe keys are kept readable; anything else is base64url-encoded behind a
 * "b64~" prefix and over-long keys are hashed behind "sha~". '~' never appears in a kept key, so an
 * encoded id can never collide with a readable one.
 */
const READABLE = /^[A-Za-z0-9._:|=+@,;-]{1,200}$/;
const MAX_ENCODED = 250;

export function cosmosId(key: string): string {
  if (READABLE.test(key)) return key;
  const encoded = `b64~${Buffer.from(key, 'utf8').toString('base64url')}`;
  if (encoded.length <= MAX_ENCODED) return encoded;
  return `sha~${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/**
 * Partition of a bot state key. Keys of a participant start with "p/<pseudonym>/" (storage/port.ts),
 * so all of one person's state shares the partition "p/<pseudonym>" and erasure is one
 * single-partition query. Any other key is its own partition.
 */
export function botStatePartition(key: string): string {
  const m = /^p\/[^/]+(?=\/|$)/.exec(key);
  return m ? m[0] : key;
}

export function botStatePartitionOf(participant: string): string {
  return `p/${participant}`;
}

/** One partition per project and ISO week: the weekly digest reads exactly one partition. */
export function responsePartition(project: string, week: string): string {
  return `${project}|${week}`;
}

export const digestClaimId = (project: string, week: string): string => cosmosId(`${project}|${week}`);
export const seenMessageId = (channel: string, messageId: string): string => cosmosId(`${channel}|${messageId}`);
