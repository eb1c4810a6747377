import { createHash } from 'node:crypto';
import { BotState, type StatePropertyAccessor, type Storage, type TurnContext } from 'botbuilder';
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

export function conversationHash(channelId: string, conversationId: string): string {
  return createHash('sha256').update(`${channelId}:${conversationId}`, 'utf8').digest('hex').slice(0, 16);
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
    conversationKey: `p/${pseudonym}/conv/${conversationHash(channelId, conversation.id)}`,
  };
  context.turnState.set(IDENTITY, identity);
  return identity;
}

export interface ParticipantState {
  userState: BotState;
  conversationState: BotState;
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
}

export function createParticipantState(storage: Storage, secret: string): ParticipantState {
  const userState = new BotState(storage, async (ctx) => identify(ctx, secret).userKey);
  const conversationState = new BotState(storage, async (ctx) => identify(ctx, secret).conversationKey);
  return {
    userState,
    conversationState,
    profile: userState.createProperty<UserProfile>('profile'),
    conversation: conversationState.createProperty<ConversationData>('conversation'),
  };
}
