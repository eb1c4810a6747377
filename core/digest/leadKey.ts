import { createHmac } from 'node:crypto';
import type { Lead } from '../projects';
import { identifiersOf } from './leadCommands';

/**
 * What a subscription remembers of who subscribed: a keyed hash of the configured identifier
 * they were recognised by, so the store holds no staff e-mail address or AAD id, yet the bot can
 * tell later whether that person is still listed.
 */
export function leadKey(secret: string, identifier: string): string {
  return createHmac('sha256', secret).update(`lead:${identifier}`, 'utf8').digest('hex').slice(0, 32);
}

/** True while one of the listed people still has the identifier behind `key`. */
export function stillListed(secret: string, people: readonly Lead[], key: string): boolean {
  return identifiersOf(people).some((id) => leadKey(secret, id) === key);
}
