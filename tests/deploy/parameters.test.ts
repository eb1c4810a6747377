import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { CONTAINERS } from '../../storage/cosmos';

/**
 * No Bicep compiler can run here, so this checks what can be checked from the text: the app
 * settings that deploy/main.bicep hands the web app, filled from deploy/main.parameters.json and
 * the secrets docs/azure.md generates on the command line, must pass bot/config.ts; and the
 * containers it creates must be the ones the Cosmos store expects.
 */
const root = join(__dirname, '../..');
const bicep = readFileSync(join(root, 'deploy/main.bicep'), 'utf8');
const parameters = JSON.parse(readFileSync(join(root, 'deploy/main.parameters.json'), 'utf8')) as {
  parameters: Record<string, { value: unknown }>;
};

interface BicepParam {
  name: string;
  type: string;
  secure: boolean;
  default?: string;
}

function bicepParams(): Map<string, BicepParam> {
  const out = new Map<string, BicepParam>();
  const re = /((?:@[^\n]*\n)*)param (\w+) (\w+)(?: = ([^\n]+))?/g;
  for (const m of bicep.matchAll(re)) {
    out.set(m[2], { name: m[2], type: m[3], secure: m[1].includes('@secure()'), default: m[4]?.trim() });
  }
  return out;
}

/** `{ name: 'X' \n value: <expr> }` entries of the appSettings variable. */
function appSettings(): Array<{ name: string; expr: string }> {
  const block = /var appSettings = \[([\s\S]*?)\n\]/.exec(bicep)?.[1] ?? '';
  return [...block.matchAll(/name: '([^']+)'\s*\n\s*value: ([^\n]+)/g)].map((m) => ({ name: m[1], expr: m[2].trim() }));
}

/** Secure parameters as docs/azure.md creates them: `openssl rand -hex 32`. */
const secureValues: Record<string, string> = {
  botAppPassword: 'client-secret-from-the-app-registration',
  pseudonymSecret: randomBytes(32).toString('hex'),
  contactKey: randomBytes(32).toString('hex'),
};

/** Values Azure fills in at deployment time. */
const deploymentValues: Record<string, string> = {
  'cosmos.properties.documentEndpoint': 'https://hoormij-abc123.documents.azure.com:443/',
  publicBaseUrl: 'https://hoormij-abc123.azurewebsites.net',
  'tenant().tenantId': '11111111-2222-3333-4444-555555555555',
};

function evaluate(expr: string, params: Map<string, BicepParam>): string {
  const literal = /^'([^']*)'$/.exec(expr);
  if (literal) return literal[1];
  const str = /^string\((\w+)\)$/.exec(expr);
  if (str) return evaluate(str[1], params);
  if (expr in deploymentValues) return deploymentValues[expr];
  const p = params.get(expr);
  if (!p) throw new Error(`app setting refers to "${expr}", which the test cannot evaluate`);
  if (p.secure) {
    if (!(p.name in secureValues)) throw new Error(`secure parameter ${p.name} has no documented value`);
    return secureValues[p.name];
  }
  if (p.name in parameters.parameters) return String(parameters.parameters[p.name].value);
  if (p.default === undefined) throw new Error(`parameter ${p.name} has no value and no default`);
  return evaluate(p.default, params);
}

describe('deploy/main.bicep with deploy/main.parameters.json', () => {
  const params = bicepParams();

  it('only sets parameters the template declares, and leaves no required one unset', () => {
    for (const name of Object.keys(parameters.parameters)) expect(params.has(name) ? name : `unknown: ${name}`).toBe(name);
    const missing = [...params.values()].filter((p) => p.default === undefined && !p.secure && !(p.name in parameters.parameters));
    expect(missing.map((p) => p.name)).toEqual([]);
    // secrets never sit in the parameters file
    for (const p of params.values()) if (p.secure) expect(parameters.parameters).not.toHaveProperty(p.name);
  });

  it('hands the web app settings that bot/config.ts accepts, with STORAGE=cosmos', () => {
    const env: NodeJS.ProcessEnv = {};
    for (const s of appSettings()) env[s.name] = evaluate(s.expr, params);
    // Azure App Service sets PORT itself.
    env.PORT = '8080';

    const config = loadConfig(env);

    expect(config.storage).toBe('cosmos');
    expect(config.cosmos).toEqual({
      endpoint: deploymentValues['cosmos.properties.documentEndpoint'],
      key: undefined,
      database: parameters.parameters.cosmosDatabaseName.value,
    });
    expect(config.bot.appId).toBe(parameters.parameters.botAppId.value);
    expect(config.bot.appType).toBe(parameters.parameters.botAppType.value);
    expect(config.pseudonymSecret).toBe(secureValues.pseudonymSecret);
    expect(config.contactKey).toBe(secureValues.contactKey);
    expect(config.publicBaseUrl).toBe(deploymentValues.publicBaseUrl);
  });

  it('names no setting that bot/config.ts does not know, apart from App Service build switches', () => {
    const configSource = readFileSync(join(root, 'bot/config.ts'), 'utf8');
    const known = new Set([...configSource.matchAll(/^ {4}(\w+): /gm)].map((m) => m[1]));
    const unknown = appSettings()
      .map((s) => s.name)
      .filter((n) => !known.has(n) && !n.startsWith('SCM_') && !n.startsWith('WEBSITE_'));
    expect(unknown).toEqual([]);
  });

  it('creates every container the Cosmos store uses, with the same partition key and indexed paths', () => {
    const block = /var containers = \[([\s\S]*?)\n\]/.exec(bicep)?.[1] ?? '';
    const declared = [...block.matchAll(/id: '([^']+)'\s*\n\s*pk: '([^']+)'\s*\n\s*indexed: \[([^\]]*)\](?:\s*\n\s*ttl: (\d+))?/g)].map((m) => ({
      id: m[1],
      pk: m[2],
      indexed: [...m[3].matchAll(/'([^']+)'/g)].map((x) => x[1]),
      ttl: m[4] === undefined ? undefined : Number(m[4]),
    }));
    const expected = Object.values(CONTAINERS).map((c) => ({
      id: c.id,
      pk: c.partitionKey,
      indexed: [...c.indexed],
      ttl: 'ttlSeconds' in c ? c.ttlSeconds : undefined,
    }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(declared.sort(byId)).toEqual(expected.sort(byId));
    // the export's ORDER BY needs the same composite index as containers.ts declares
    expect(bicep).toMatch(/path: '\/createdAt'\s*\n\s*order: 'ascending'\s*\n\s*\}\s*\n\s*\{\s*\n\s*path: '\/responseId'/);
  });
});
