import { extractCommands } from './docCommands';

describe('reading the commands out of a document', () => {
  it('takes block lines, inline spans over a line break, and the skip markers', () => {
    const doc = [
      'Run `npx hoormij code --project demo --team',
      'wijkteam-noord` first, then `hoormij export`.',
      '',
      '<!-- docs-test: skip (needs Azure) -->',
      'Then `npx hoormij digest --project demo`.',
      '',
      '```sh',
      'npx hoormij qr --code K7PX4M \\',
      '  --out qr.png   # a comment',
      'az login',
      '```',
      '<!-- docs-test: skip (needs a network) -->',
      '```sh',
      'npx hoormij themes < in.jsonl',
      '```',
    ].join('\n');
    expect(extractCommands('x.md', doc)).toEqual([
      { file: 'x.md', line: 1, command: 'npx hoormij code --project demo --team wijkteam-noord', skip: undefined },
      { file: 'x.md', line: 5, command: 'npx hoormij digest --project demo', skip: 'needs Azure' },
      { file: 'x.md', line: 8, command: 'npx hoormij qr --code K7PX4M --out qr.png   # a comment', skip: undefined },
      { file: 'x.md', line: 14, command: 'npx hoormij themes < in.jsonl', skip: 'needs a network' },
    ]);
  });
});
