import type { PiiSpan } from '../span';

// Social media accounts: "@anna.bakker_", "mijn snap is jitse.m", "insta: lisa_xo". The whole
// handle goes: a first name replaced inside it would leave the rest ("@[naam].bakker_").
const PLATFORM =
  '(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tik\\s?tok|tt|twitter|discord|telegram|threads|bereal|facebook|fb|x|youtube|yt|twitch|pinterest|roblox|steam|psn|xbox|fortnite)';
/** A Discord-style number tag ("shadowfox#1234") belongs to the handle. */
const HANDLE = '@?[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}._]*[\\p{L}\\p{N}_])?(?:#\\d{1,6})?';
/** After "snap:", "my tiktok name is", "mijn insta is": whatever word follows is the handle ("Snapchat is blocked" is not one). */
const NAMED = new RegExp(
  `(?<![\\p{L}\\p{N}])${PLATFORM}(?:\\s+(?:naam|name|account|handle|username|gebruikersnaam|id)\\s*(?:is|:|=)?|\\s*[:=]|\\s+(?=@))\\s*(${HANDLE})`,
  'giu',
);
const MINE_IS = new RegExp(`(?<![\\p{L}\\p{N}])(?:mijn|mn|m'n|my|zijn|haar|his|her|your|je|jouw)\\s+${PLATFORM}\\s+(?:is|heet|=)\\s*:?\\s*(${HANDLE})`, 'giu');
/** "add me on snap thomas_vdl": a plain space is enough when the word looks like a handle (a dot, _ or digit in it). */
const PLAIN = new RegExp(`(?<![\\p{L}\\p{N}])${PLATFORM}\\s+(@?[\\p{L}\\p{N}]*[._\\d][\\p{L}\\p{N}._]*[\\p{L}\\p{N}_])`, 'giu');
/** "@jess.vliet" on its own: an @ with no address before it. */
const AT = /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_](?:[\p{L}\p{N}._]*[\p{L}\p{N}_])?/gu;
const NOT_HANDLES = new Set(['en', 'and', 'of', 'or', 'maar', 'but', 'ook', 'too', 'wel', 'niet', 'not', 'en', 'is', 'zag', 'saw', 'gezien']);

export function findHandles(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const re of [NAMED, MINE_IS, PLAIN]) {
    for (const m of text.matchAll(re)) {
      const handle = m[1]!;
      if (NOT_HANDLES.has(handle.toLowerCase())) continue;
      const start = m.index + m[0].length - handle.length;
      spans.push({ start, end: start + handle.length, kind: 'handle' });
    }
  }
  for (const m of text.matchAll(AT)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'handle' });
  return spans;
}
