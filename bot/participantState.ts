import { createHmac } from 'node:crypto';
import type { Storage, StoreItem, TurnContext } from 'botbuilder';
import { LruCache } from '../core/lruCache';
import { pseudonymize } from '../core/pseudonym';
import type { ConversationData, UserProfile } from '../dialogs/state';

/**
 * Bot state under keys that never hold a channel user id: "p/<pseudonym>/user" and
 * "p/<pseudonym>/conv/<hash>". The "p/<pseudonym>/" prefix is what erasure removes.
 */
export interface TurnIdentity {
  readonly pseudonym: string;
  readonly userKey: string;
  readonly conversationKey: string;
}

/**
 * Identities kept across turns: two HMACs per turn were a twentieth of a turn's CPU. 10,000
 * entries of a few hundred bytes; the channel ids in the keys are in memory while a message is
 * handled anyway, and nothing of the cache is ever written.
 */
const IDENTITY_CACHE_SIZE = 10_000;

const IDENTITY = Symbol('hoormij.identity');
const LOADED = Symbol('hoormij.participantState');

/** Keyed like the pseudonym: a guessable conversation id must not be testable against stored keys. */
export function conversationHash(secret: string, channelId: string, conversationId: string): string {
  return createHmac('sha256', secret).update(`${channelId}:${conversationId}`, 'utf8').digest('hex').slice(0, 16);
}

/** The pseudonym and the two state keys of a participant in a conversation. */
export function computeIdentity(secret: string, channelId: string, userId: string, conversationId: string): TurnIdentity {
  const pseudonym = pseudonymize(secret, channelId, userId);
  return {
    pseudonym,
    userKey: `p/${pseudonym}/user`,
    conversationKey: `p/${pseudonym}/conv/${conversationHash(secret, channelId, conversationId)}`,
  };
}

/**
 * The cache key of (channel, user, conversation). Every id comes from the caller, so the parts are
 * length-prefixed: no choice of ids can make two different triples share a key (with a separator,
 * a user id holding the separator read another participant's identity).
 */
export function identityCacheKey(channelId: string, userId: string, conversationId: string): string {
  return `${channelId.length}:${channelId}${userId.length}:${userId}${conversationId.length}:${conversationId}`;
}

/** The two state documents of a participant, as loaded for this turn (mutated in place). */
export interface LoadedState {
  profile: UserProfile;
  conversation: ConversationData;
}

/**
 * The stored documents keep BotState's layout ({ profile } and { conversation }, plus eTag), so
 * state written before this class existed reads the same, and BotState's rules: an absent
 * document starts empty, a document is written (eTag '*', last writer wins) only when it changed.
 */
interface Loaded {
  user: StoreItem;
  conv: StoreItem;
  /** The documents as read, without eTag: the change check of saveChanges. */
  userSnapshot: string;
  convSnapshot: string;
}

/**
 * Like BotState's change hash; JSON.stringify suffices for plain JSON data. The eTag is part of
 * it: nothing changes it between load and the comparison in saveChanges.
 */
function snapshot(item: StoreItem): string {
  return JSON.stringify(item);
}

/**
 * A participant's user and conversation state, read with one storage call and written with one
 * (SQLite: one transaction), instead of a BotState per document that reads and writes each on
 * its own.
 */
export class ParticipantState {
  private readonly identities = new LruCache<string, TurnIdentity>(IDENTITY_CACHE_SIZE);

  constructor(
    private readonly storage: Storage,
    private readonly secret: string,
  ) {}

  /** The pseudonym and state keys of this turn's participant, kept on the turn. */
  identify(context: TurnContext): TurnIdentity {
    const onTurn = context.turnState.get(IDENTITY) as TurnIdentity | undefined;
    if (onTurn) return onTurn;
    const { channelId, from, conversation } = context.activity;
    const key = identityCacheKey(channelId, from.id, conversation.id);
    let identity = this.identities.get(key);
    if (!identity) {
      identity = computeIdentity(this.secret, channelId, from.id, conversation.id);
      this.identities.set(key, identity);
    }
    context.turnState.set(IDENTITY, identity);
    return identity;
  }

  async load(context: TurnContext): Promise<LoadedState> {
    let loaded = context.turnState.get(LOADED) as Loaded | undefined;
    if (!loaded) {
      const { userKey, conversationKey } = this.identify(context);
      const items = await this.storage.read([userKey, conversationKey]);
      const user = (items[userKey] as StoreItem | undefined) ?? {};
      const conv = (items[conversationKey] as StoreItem | undefined) ?? {};
      loaded = { user, conv, userSnapshot: snapshot(user), convSnapshot: snapshot(conv) };
      context.turnState.set(LOADED, loaded);
    }
    // An absent property starts as an empty object, and then counts as a change (as with BotState).
    loaded.user.profile ??= {};
    loaded.conv.conversation ??= {};
    return { profile: loaded.user.profile as UserProfile, conversation: loaded.conv.conversation as ConversationData };
  }

  /** Writes whichever documents changed since load, in a single storage write. */
  async saveChanges(context: TurnContext): Promise<void> {
    const loaded = context.turnState.get(LOADED) as Loaded | undefined;
    if (!loaded) return;
    const { userKey, conversationKey } = this.identify(context);
    const changes: Record<string, StoreItem> = {};
    const user = snapshot(loaded.user);
    const conv = snapshot(loaded.conv);
    // eTag '*' on a copy: the loaded documents keep the eTag their snapshots were taken with.
    if (user !== loaded.userSnapshot) changes[userKey] = { ...loaded.user, eTag: '*' };
    if (conv !== loaded.convSnapshot) changes[conversationKey] = { ...loaded.conv, eTag: '*' };
    if (!changes[userKey] && !changes[conversationKey]) return;
    await this.storage.write(changes);
    loaded.userSnapshot = user;
    loaded.convSnapshot = conv;
  }

  /** Deletes both documents and forgets the loaded ones, so a later save writes nothing. */
  async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(LOADED);
    const { userKey, conversationKey } = this.identify(context);
    await this.storage.delete([userKey, conversationKey]);
  }
}

export function createParticipantState(storage: Storage, secret: string): ParticipantState {
  return new ParticipantState(storage, secret);
}
