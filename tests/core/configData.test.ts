import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigDataError, loadConfigData } from '../../core/configData';
import { ROOT, tempDataDir } from '../helpers/botHttp';

/** A copy of the shipped config folder, changed by `edit` (projects.json as an object). */
function configWith(edit: (projects: { defaultProject: string; projects: Record<string, unknown>[] }) => void, file = 'projects.json'): string {
  const dir = tempDataDir('hoormij-config-');
  cpSync(join(ROOT, 'config'), dir, { recursive: true });
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as { defaultProject: string; projects: Record<string, unknown>[] };
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
  return dir;
}

describe('loadConfigData: mistakes an organisation can make in its config files', () => {
  it('accepts files saved with a UTF-8 byte order mark (Windows Notepad)', () => {
    const dir = configWith(() => undefined);
    for (const file of ['projects.json', 'themes.json', 'question-sets.json', 'organisation.json']) {
      const path = join(dir, file);
      writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8')}`);
    }
    expect(loadConfigData(dir).projects.size).toBeGreaterThan(0);
  });

  it('refuses a bad digestCron naming the file and the project', () => {
    const dir = configWith((d) => {
      d.projects[0].digestCron = '0 8 * *';
    });
    let message = '';
    try {
      loadConfigData(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigDataError);
      message = (err as Error).message;
    }
    const id = String(JSON.parse(readFileSync(join(dir, 'projects.json'), 'utf8')).projects[0].id);
    expect(message).toContain('projects.json');
    expect(message).toContain(`project "${id}"`);
    expect(message).toContain('digestCron "0 8 * *"');
  });

  it('refuses two projects with the same id, naming the id', () => {
    const dir = configWith((d) => {
      d.projects.push({ ...d.projects[0] });
    });
    const id = String(JSON.parse(readFileSync(join(dir, 'projects.json'), 'utf8')).projects[0].id);
    expect(() => loadConfigData(dir)).toThrow(ConfigDataError);
    expect(() => loadConfigData(dir)).toThrow(`projects.json: project id "${id}" is used more than once`);
  });
});
