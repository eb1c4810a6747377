import { createHmac } from 'node:crypto';
import type { Storage, StoreItem, TurnContext } from 'botbuilder';
import { pseudonymize } from '../core/pseudonym';
import type { ConversationData, UserProfile } from '../dialogs/state';

/**
 * Bot state under keys that never hold a channel user id: "p/<pseudonym>/user" and
 * "p/<pseudonym>/conv/<hash>". The "p/<pseudonym>/" prefix is what erasure removes.
 */
export interface TurnIdentity {
  pseudonym: string;
  userKey: string;
  conversationKey: string;
}

const IDENTITY = Symbol('hoormij.identity');
const LOADED = Symbol('hoormij.participantState');

/** Keyed like the pseudonym: a guessable conversation id must not be testable against stored keys. */
export function conversationHash(secret: string, channelId: string, conversationId: string): string {
  return createHmac('sha256', secret).update(`${channelId}:${conversationId}`, 'utf8').digest('hex').slice(0, 16);
}

/** The pseudonym and state keys of a turn, computed once and kept on the turn. */
export function identify(context: TurnContext, secret: string): TurnIdentity {
  const cached = context.turnState.get(IDENTITY) as TurnIdentity | undefined;
  if (cached) return cached;
  const { channelId, from, conversation } = context.activity;
  const pseudonym = pseudonymize(secret, channelId, from.id);
  const identity: TurnIdentity = {
    pseudonym,
    userKey: `p/${pseudonym}/user`,
    conversationKey: `p/${pseudonym}/conv/${conversationHash(secret, channelId, conversation.id)}`,
  };
  context.turnState.set(IDENTITY, identity);
  return identity;
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

/** Like BotState's change hash, without the eTag; JSON.stringify suffices for plain JSON data. */
function snapshot(item: StoreItem): string {
  const { eTag: _eTag, ...rest } = item;
  return JSON.stringify(rest);
}

/**
 * A participant's user and conversation state, read with one storage call and written with one
 * (SQLite: one transaction), instead of a BotState per document that reads and writes each on
 * its own.
 */
export class ParticipantState {
  constructor(
    private readonly storage: Storage,
    private readonly secret: string,
  ) {}

  async load(context: TurnContext): Promise<LoadedState> {
    let loaded = context.turnState.get(LOADED) as Loaded | undefined;
    if (!loaded) {
      const { userKey, conversationKey } = identify(context, this.secret);
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
    const { userKey, conversationKey } = identify(context, this.secret);
    const changes: Record<string, StoreItem> = {};
    const user = snapshot(loaded.user);
    const conv = snapshot(loaded.conv);
    if (user !== loaded.userSnapshot) changes[userKey] = loaded.user;
    if (conv !== loaded.convSnapshot) changes[conversationKey] = loaded.conv;
    if (!changes[userKey] && !changes[conversationKey]) return;
    for (const item of Object.values(changes)) item.eTag = '*';
    await this.storage.write(changes);
    loaded.userSnapshot = user;
    loaded.convSnapshot = conv;
  }

  /** Deletes both documents and forgets the loaded ones, so a later save writes nothing. */
  async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(LOADED);
    const { userKey, conversationKey } = identify(context, this.secret);
    await this.storage.delete([userKey, conversationKey]);
  }
}

export function createParticipantState(storage: Storage, secret: string): ParticipantState {
  return new ParticipantState(storage, secret);
}
