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

type Values = Record<string, unknown>;

/** `var NAME = …` blocks of the template, up to the next top-level declaration. */
function variable(name: string): string {
  const m = new RegExp(`^var ${name} = ([\\s\\S]*?)(?=\\n(?:var|resource|param|output|//|@)\\b|\\n\\n)`, 'm').exec(bicep);
  if (!m) throw new Error(`deploy/main.bicep has no variable ${name}`);
  return m[1].trim();
}

/** `{ name: 'X' \n value: <expr> }` entries of a block of settings. */
function settingsIn(block: string): Array<{ name: string; expr: string }> {
  return [...block.matchAll(/name: '([^']+)'\s*\n\s*value: ([^\n]+)/g)].map((m) => ({ name: m[1], expr: m[2].trim() }));
}

/** Key Vault secret resources: secret name → the parameter it stores. */
function vaultSecrets(): Map<string, string> {
  const out = new Map<string, string>();
  const re = /resource \w+ 'Microsoft\.KeyVault\/vaults\/secrets@[^']+' = (?:if \([^)]*\) )?\{\s*\n\s*parent: vault\s*\n\s*name: '([^']+)'\s*\n\s*properties: \{\s*\n\s*value: (\w+)/g;
  for (const m of bicep.matchAll(re)) out.set(m[1], m[2]);
  return out;
}

/** Secure parameters as docs/azure.md creates them: `openssl rand -hex 32`. */
const secureValues: Record<string, string> = {
  botAppPassword: 'client-secret-from-the-app-registration',
  pseudonymSecret: randomBytes(32).toString('hex'),
  contactKey: randomBytes(32).toString('hex'),
  whatsappToken: 'EAAG-system-user-token',
  whatsappAppSecret: 'meta-app-secret',
  whatsappVerifyToken: 'verify-token-of-your-choice',
};

/** Values Azure fills in at deployment time. */
const deploymentValues: Record<string, string> = {
  'cosmos.properties.documentEndpoint': 'https://hoormij-abc123.documents.azure.com:443/',
  'botIdentity.properties.clientId': '99999999-8888-7777-6666-555555555555',
  publicBaseUrl: 'https://hoormij-abc123.azurewebsites.net',
  'tenant().tenantId': '11111111-2222-3333-4444-555555555555',
};

/**
 * Evaluates the small expression language the template uses for settings: literals, string(),
 * parameters, variables, `a == 'x' ? b : c`, `!empty(p)` and Key Vault references, which App
 * Service resolves to the secret's value.
 */
function evaluate(expr: string, params: Map<string, BicepParam>, values: Values): unknown {
  expr = expr.trim();
  const kv = /^'@Microsoft\.KeyVault\(VaultName=\$\{vault\.name\};SecretName=([\w-]+)\)'$/.exec(expr);
  if (kv) {
    const param = vaultSecrets().get(kv[1]);
    if (!param) throw new Error(`Key Vault reference to ${kv[1]}, a secret the template does not create`);
    return evaluate(param, params, values);
  }
  const literal = /^'([^']*)'$/.exec(expr);
  if (literal) return literal[1];
  if (expr === 'true' || expr === 'false') return expr === 'true';
  if (/^\d+$/.test(expr)) return Number(expr);
  const str = /^string\((\w+)\)$/.exec(expr);
  if (str) return String(evaluate(str[1], params, values));
  const notEmpty = /^!empty\((\w+)\)$/.exec(expr);
  if (notEmpty) return String(evaluate(notEmpty[1], params, values)) !== '';
  const neg = /^!(\w+)$/.exec(expr);
  if (neg) return !evaluate(neg[1], params, values);
  const ternary = /^(\w+(?: == '[^']*')?) \? ([\s\S]+?) : ([\s\S]+)$/.exec(expr);
  if (ternary) {
    const [left, right] = ternary[1].split(' == ');
    const v = evaluate(left, params, values);
    const cond = right === undefined ? v === true : v === evaluate(right, params, values);
    return evaluate(cond ? ternary[2] : ternary[3], params, values);
  }
  const equals = /^(\w+) == '([^']*)'$/.exec(expr);
  if (equals) return evaluate(equals[1], params, values) === equals[2];
  if (expr.startsWith('[')) return expr === '[]' ? [] : settingsIn(expr);
  if (expr in deploymentValues) return deploymentValues[expr];
  if (new RegExp(`^var ${expr} = `, 'm').test(bicep)) return evaluate(variable(expr), params, values);
  const p = params.get(expr);
  if (!p) throw new Error(`app setting refers to "${expr}", which the test cannot evaluate`);
  if (p.name in values) return values[p.name];
  if (p.secure && p.default === undefined) throw new Error(`secure parameter ${p.name} has no documented value`);
  if (p.name in parameters.parameters) return parameters.parameters[p.name].value;
  if (p.default === undefined) throw new Error(`parameter ${p.name} has no value and no default`);
  return evaluate(p.default, params, values);
}

/** The app settings the web app gets, as App Service hands them to the process. */
function appSettingsFor(params: Map<string, BicepParam>, values: Values): NodeJS.ProcessEnv {
  const concat = /^concat\(([^)]*)\)$/.exec(variable('appSettings'));
  if (!concat) throw new Error('appSettings is expected to be concat(…) of setting blocks');
  const env: NodeJS.ProcessEnv = {};
  for (const name of concat[1].split(',').map((x) => x.trim())) {
    const block = evaluate(name, params, values) as Array<{ name: string; expr: string }>;
    for (const s of block) env[s.name] = String(evaluate(s.expr, params, values));
  }
  // Azure App Service sets PORT itself.
  env.PORT = '8080';
  return env;
}

/** Every setting name the template can hand out, in any mode. */
function allSettingNames(): string[] {
  return [...bicep.matchAll(/^var \w+Settings = [\s\S]*?(?=\n\n)/gm)].flatMap((m) => settingsIn(m[0]).map((s) => s.name));
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

  it('hands the web app settings that bot/config.ts accepts: the bot signs in with its managed identity by default', () => {
    const config = loadConfig(appSettingsFor(params, { ...secureValues }));

    expect(config.storage).toBe('cosmos');
    expect(config.cosmos).toEqual({
      endpoint: deploymentValues['cosmos.properties.documentEndpoint'],
      key: undefined,
      database: parameters.parameters.cosmosDatabaseName.value,
    });
    expect(config.bot.appType).toBe('UserAssignedMSI');
    expect(config.bot.appId).toBe(deploymentValues['botIdentity.properties.clientId']);
    expect(config.bot.appPassword).toBeUndefined();
    expect(config.pseudonymSecret).toBe(secureValues.pseudonymSecret);
    expect(config.contactKey).toBe(secureValues.contactKey);
    expect(config.publicBaseUrl).toBe(deploymentValues.publicBaseUrl);
    expect(config.whatsapp).toBeUndefined();
  });

  it('with an app registration of your own, the client secret comes from Key Vault', () => {
    const values = { ...secureValues, botAppType: 'SingleTenant', botAppId: '00000000-0000-4000-8000-000000000001' };
    const env = appSettingsFor(params, values);
    const config = loadConfig(env);
    expect(config.bot).toMatchObject({ appType: 'SingleTenant', appId: values.botAppId, appPassword: secureValues.botAppPassword });
  });

  it('with a WhatsApp number, the WhatsApp secrets come from Key Vault', () => {
    const config = loadConfig(appSettingsFor(params, { ...secureValues, whatsappPhoneNumberId: '106540352242922' }));
    expect(config.whatsapp).toMatchObject({
      phoneNumberId: '106540352242922',
      token: secureValues.whatsappToken,
      appSecret: secureValues.whatsappAppSecret,
      verifyToken: secureValues.whatsappVerifyToken,
    });
  });

  it('keeps every secret out of the app settings: each one is a Key Vault reference, readable by the app through its role', () => {
    const secretSettings = ['MicrosoftAppPassword', 'PSEUDONYM_SECRET', 'CONTACT_KEY', 'WHATSAPP_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'];
    const blocks = [...bicep.matchAll(/^var \w+Settings = [\s\S]*?(?=\n\n)/gm)].flatMap((m) => settingsIn(m[0]));
    for (const name of secretSettings) {
      const setting = blocks.find((b) => b.name === name);
      expect(setting ? `${name}: ${setting.expr}` : `${name} missing`).toMatch(new RegExp(`^${name}: '@Microsoft\\.KeyVault\\(`));
    }
    for (const p of params.values()) if (p.secure) expect([...vaultSecrets().values()]).toContain(p.name);
    // Key Vault Secrets User, assigned to the web app's identity
    expect(bicep).toContain("'4633458b-17de-408a-b874-0445c86b69e6'");
    expect(bicep).toMatch(/principalId: site\.identity\.principalId\s*\n\s*principalType: 'ServicePrincipal'/);
  });

  it('runs on Node 24 LTS and creates the Teams channel itself', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(bicep).toMatch(/resource \w+ 'Microsoft\.BotService\/botServices\/channels@[^']+' = \{\s*\n\s*parent: bot\s*\n\s*name: 'MsTeamsChannel'/);
  });

  it('gives the database autoscale throughput only when serverless is off', () => {
    expect(bicep).toMatch(/options: cosmosServerless \? \{\} : \{\s*\n\s*autoscaleSettings: \{\s*\n\s*maxThroughput: cosmosMaxThroughput/);
  });

  it('names no setting that bot/config.ts does not know, apart from App Service build switches', () => {
    const configSource = readFileSync(join(root, 'bot/config.ts'), 'utf8');
    const known = new Set([...configSource.matchAll(/^ {4}(\w+): /gm)].map((m) => m[1]));
    const unknown = allSettingNames().filter((n) => !known.has(n) && !n.startsWith('SCM_') && !n.startsWith('WEBSITE_'));
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
