import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { SqliteStore } from '../../storage/sqlite';
import { computeIdentity, createParticipantState, identityCacheKey } from '../../bot/participantState';

const SECRET = 'test-secret-for-participant-state';

describe('ParticipantState', () => {
  let dir: string;
  let store: SqliteStore;
  const adapter = new TestAdapter();
  const turn = (conversationId = 'conv-1', userId = 'user-1') =>
    new TurnContext(adapter, {
      type: 'message',
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:1',
      conversation: { id: conversationId },
      from: { id: userId },
      recipient: { id: 'bot' },
      text: 'hoi',
    } as Partial<Activity> as Activity);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hoormij-pstate-'));
    store = new SqliteStore(join(dir, 'store.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores both documents in BotState layout and reads them back on the next turn', async () => {
    const state = createParticipantState(store.botStorage, SECRET);
    const first = turn();
    const loaded = await state.load(first);
    loaded.profile.role = 'youth';
    loaded.conversation.welcomed = true;
    await state.saveChanges(first);

    const { userKey, conversationKey } = state.identify(first);
    const stored = await store.botStorage.read([userKey, conversationKey]);
    expect(stored[userKey]).toMatchObject({ profile: { role: 'youth' } });
    expect(stored[conversationKey]).toMatchObject({ conversation: { welcomed: true } });

    const again = await state.load(turn());
    expect(again.profile.role).toBe('youth');
    expect(again.conversation.welcomed).toBe(true);
  });

  it('writes nothing when the turn changed nothing', async () => {
    const state = createParticipantState(store.botStorage, SECRET);
    const first = turn();
    (await state.load(first)).profile.role = 'parent';
    await state.saveChanges(first);
    const { userKey, conversationKey } = state.identify(first);
    const before = await store.botStorage.read([userKey, conversationKey]);

    const second = turn();
    await state.load(second);
    await state.saveChanges(second);
    const after = await store.botStorage.read([userKey, conversationKey]);
    expect(after[userKey].eTag).toBe(before[userKey].eTag);
    expect(after[conversationKey].eTag).toBe(before[conversationKey].eTag);
  });

  it('writes once when a turn saves twice without changing anything in between', async () => {
    const state = createParticipantState(store.botStorage, SECRET);
    const first = turn();
    (await state.load(first)).profile.role = 'youth';
    await state.saveChanges(first);
    const { userKey } = state.identify(first);
    const afterFirst = (await store.botStorage.read([userKey]))[userKey].eTag;
    await state.saveChanges(first);
    expect((await store.botStorage.read([userKey]))[userKey].eTag).toBe(afterFirst);
    (await state.load(first)).profile.locale = 'en';
    await state.saveChanges(first);
    expect((await store.botStorage.read([userKey]))[userKey]).toMatchObject({ profile: { role: 'youth', locale: 'en' } });
  });

  it('writes only the document that changed', async () => {
    const state = createParticipantState(store.botStorage, SECRET);
    const first = turn();
    await state.load(first);
    await state.saveChanges(first);
    const { userKey, conversationKey } = state.identify(first);
    const before = await store.botStorage.read([userKey, conversationKey]);

    const second = turn();
    (await state.load(second)).conversation.promptOnScreen = true;
    await state.saveChanges(second);
    const after = await store.botStorage.read([userKey, conversationKey]);
    expect(after[userKey].eTag).toBe(before[userKey].eTag);
    expect(after[conversationKey].eTag).not.toBe(before[conversationKey].eTag);
  });

  it('deletes both documents and saves nothing afterwards in the same turn', async () => {
    const state = createParticipantState(store.botStorage, SECRET);
    const first = turn();
    (await state.load(first)).profile.consent = true;
    await state.saveChanges(first);

    const second = turn();
    (await state.load(second)).profile.consent = false;
    await state.delete(second);
    await state.saveChanges(second);
    const { userKey, conversationKey } = state.identify(second);
    expect(Object.keys(await store.botStorage.read([userKey, conversationKey]))).toEqual([]);
  });

  it('keys state by the keyed pseudonym, the same on every turn, one conversation key per conversation', () => {
    const state = createParticipantState(store.botStorage, SECRET);
    const first = state.identify(turn());
    const again = state.identify(turn());
    const elsewhere = state.identify(turn('conv-2'));
    expect(again).toEqual(first);
    expect(first).toEqual(computeIdentity(SECRET, 'emulator', 'user-1', 'conv-1'));
    expect(elsewhere.pseudonym).toBe(first.pseudonym);
    expect(elsewhere.userKey).toBe(first.userKey);
    expect(elsewhere.conversationKey).not.toBe(first.conversationKey);
    for (const key of [first.userKey, first.conversationKey]) {
      expect(key.startsWith(`p/${first.pseudonym}/`)).toBe(true);
      expect(key).not.toMatch(/user-1|conv-1/);
    }
    expect(createParticipantState(store.botStorage, 'another-secret').identify(turn()).pseudonym).not.toBe(first.pseudonym);
  });

  it('never hands one participant the identity of another, whatever characters their ids hold', () => {
    const state = createParticipantState(store.botStorage, SECRET);
    // With ids joined by a separator these two triples shared one cache entry.
    const victim = state.identify(turn('b\nc', 'a'));
    const crafted = state.identify(turn('c', 'a\nb'));
    expect(crafted).toEqual(computeIdentity(SECRET, 'emulator', 'a\nb', 'c'));
    expect(crafted.pseudonym).not.toBe(victim.pseudonym);
    const pairs: [string, string][] = [
      ['1:x', 'y'],
      ['1', ':xy'],
      ['', '1:x1:y'],
    ];
    const keys = new Set(pairs.map(([u, c]) => identityCacheKey('emulator', u, c)));
    expect(keys.size).toBe(pairs.length);
  });
});
