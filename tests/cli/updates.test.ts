import { join } from 'node:path';
import { translatorFor } from '../../locales';
import { openSqliteStore } from '../../storage/sqlite';
import { tempDataDir } from '../helpers/botHttp';
import { runCli } from '../helpers/cliRun';

const nl = translatorFor('nl');

describe('hoormij updates', () => {
  it('adds, lists and withdraws an update of a project', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const added = await runCli(['updates', 'add', '--project', 'demo', '--theme', 'waiting', '--text', 'We bellen binnen twee dagen terug.', '--text-en', 'We call back within two days.', '--week', '2026-W10'], env);
    expect(added).toMatchObject({ code: 0, stdout: `${nl('cli:updates.added', { id: 'U1', project: 'demo' })}\n` });

    const listed = await runCli(['updates', 'list', '--project', 'demo'], env);
    expect(listed.stdout).toBe('U1\t2026-W10\twaiting\tnl: We bellen binnen twee dagen terug. | en: We call back within two days.\n');

    expect((await runCli(['updates', 'withdraw', '--project', 'demo', '--id', 'u1'], env)).stdout).toContain(nl('digest:update.withdrawn', { id: 'U1' }));
    expect((await runCli(['updates', 'list', '--project', 'demo'], env)).stdout).toContain('waiting (withdrawn)');
    expect((await runCli(['updates', 'withdraw', '--project', 'demo', '--id', 'U1'], env)).code).toBe(1);

    const store = await openSqliteStore(join(env.DATA_DIR, 'hoormij.sqlite'));
    expect((await store.listUpdates('demo'))[0]).toMatchObject({ id: 'U1', author: expect.stringMatching(/^cli:/) });
    await store.close();
  });

  it('refuses personal data but lets helpline numbers and the organisation\'s own contacts through', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const refused = await runCli(['updates', 'add', '--project', 'demo', '--theme', 'safety', '--text', 'Mail naar jan.jansen@gmail.com of bel 06-12345678.'], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(nl('digest:update.kind.email'));
    expect(refused.stdout).toContain(nl('digest:update.kind.phone'));
    const helpline = await runCli(['updates', 'add', '--project', 'demo', '--theme', 'safety', '--text', 'Maak je je zorgen? Bel de Kindertelefoon: 0800 0432.'], env);
    expect(helpline.code).toBe(0);
    // config/organisation.json: the service desk's number and address
    const desk = await runCli(['updates', 'add', '--project', 'demo', '--theme', 'information', '--text', 'Vragen? Bel 020 123 45 67 of mail servicepunt@example.org.'], env);
    expect(desk.code).toBe(0);
  });

  it('explains its use on a missing project, action or theme', async () => {
    const env = { DATA_DIR: tempDataDir() };
    expect((await runCli(['updates', 'list'], env)).stderr).toContain(nl('cli:updates.usage'));
    expect((await runCli(['updates', 'delete', '--project', 'demo'], env)).code).toBe(2);
    expect((await runCli(['updates', 'add', '--project', 'demo', '--theme', 'nope', '--text', 'x'], env)).stderr).toContain('waiting');
  });
});
