import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runThemes } from '../../cli/themes';
import { loadConfigData } from '../../core/configData';

const { catalogue } = loadConfigData(join(__dirname, '..', '..', 'config'));

async function run(lines: string[]): Promise<{ code: number; out: Record<string, unknown>[] }> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const done = runThemes(input, output, { catalogue, defaultLang: 'nl' });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  const code = await done;
  output.end();
  const text = Buffer.concat(chunks).toString('utf8');
  return { code, out: text.split('\n').filter((l) => l).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('runThemes (npx hoormij themes)', () => {
  it('adds themes and sentiment to every line and keeps the other fields', async () => {
    const { code, out } = await run([
      JSON.stringify({ id: 'a1', text: 'de wachtlijst was veel te lang', lang: 'nl', team: 'noord' }),
      JSON.stringify({ id: 2, text: 'I feel safe with my worker', lang: 'en' }),
    ]);
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ id: 'a1', lang: 'nl', team: 'noord', sentiment: 'negative' });
    expect(out[0]!.themes).toContain('waiting');
    expect(out[1]).toMatchObject({ id: 2, sentiment: 'positive' });
    expect(out[1]!.themes).toContain('safety');
  });

  it('uses the default language when a line has none', async () => {
    const { out } = await run([JSON.stringify({ id: 'x', text: 'ik voel me niet veilig op de groep' })]);
    expect(out[0]!.themes).toContain('safety');
    expect(out[0]).not.toHaveProperty('error');
  });

  it('writes an error line for a bad line, goes on, and exits 1', async () => {
    const { code, out } = await run([
      '{not json',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'bad-lang', text: 'hallo', lang: 'de' }),
      JSON.stringify({ id: 'ok', text: 'niemand luistert naar mij' }),
      '',
    ]);
    expect(code).toBe(1);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: null, line: 1, error: 'invalid-json' });
    expect(out[1]).toMatchObject({ id: 'no-text', line: 2, error: 'invalid-fields' });
    expect(out[2]).toMatchObject({ id: 'bad-lang', line: 3, error: 'invalid-fields' });
    expect(out[3]).toMatchObject({ id: 'ok' });
    expect(out[3]!.themes).toContain('listening-respect');
  });

  it('exits 0 on empty input', async () => {
    expect(await run([])).toEqual({ code: 0, out: [] });
  });
});
