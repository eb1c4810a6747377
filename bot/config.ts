import { z } from 'zod';
import { packagePath } from '../core/packageDir';

/**
 * The only place that reads process.env. Everything is validated once at start-up; a bad
 * value stops the process with a message that names the variable.
 */

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));
const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));

const schema = z
  .object({
    PORT: int(3978, 0, 65535),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    // Unset: the package's own config/, so the CLI works from any folder. Set: relative to the working directory.
    CONFIG_DIR: optionalString,
    STORAGE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PUBLIC_BASE_URL: optionalString.pipe(z.string().url().optional()),
    DEFAULT_LOCALE: z.enum(['nl', 'en']).default('nl'),

    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppTenantId: optionalString,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    ALLOWED_SERVICE_URLS: list,

    PSEUDONYM_SECRET: optionalString.pipe(z.string().min(16).optional()),
    CONTACT_KEY: optionalString.pipe(
      z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)').optional(),
    ),
    K_ANONYMITY: int(5, 2, 1000),
    RETENTION_DAYS: int(365, 1, 3650),
    MAX_TEXT_LENGTH: int(2000, 100, 100000),

    DIRECT_LINE_SECRET: optionalString,
    DIRECT_LINE_ENDPOINT: z.string().url().default('https://directline.botframework.com'),
    DIRECTLINE_TOKEN_TTL_SECONDS: int(1800, 10, 86400),
    DIRECTLINE_MAX_ACTIVITY_BYTES: int(32768, 1024, 1048576),
    DIRECTLINE_ACTIVITIES_PER_MINUTE: int(60, 1, 100000),
    DIRECTLINE_MAX_CONVERSATIONS: int(1000, 1, 1000000),
    DIRECTLINE_IDLE_MINUTES: int(60, 1, 10080),
    DIRECTLINE_MAX_MEMORY_MB: int(64, 1, 65536),
    DIRECTLINE_TOKENS_PER_MINUTE: int(30, 1, 100000),
    TRUSTED_PROXY_HEADER: optionalString.pipe(
      z.string().regex(/^[A-Za-z0-9-]+$/, 'must be a header name such as x-forwarded-for').optional(),
    ),

    WHATSAPP_APP_SECRET: optionalString,
    WHATSAPP_VERIFY_TOKEN: optionalString,
    WHATSAPP_TOKEN: optionalString,
    WHATSAPP_PHONE_NUMBER_ID: optionalString,
    WHATSAPP_API_VERSION: z.string().default('v23.0'),
    WHATSAPP_API_BASE_URL: z.string().url().default('https://graph.facebook.com'),
    WHATSAPP_TEMPLATE_INVITE: z.string().default('hoormij_invite'),
    WHATSAPP_TEMPLATE_REMINDER: z.string().default('hoormij_reminder'),
    WHATSAPP_TEMPLATE_NEWS: z.string().default('hoormij_news'),
    WHATSAPP_SEND_RATE: int(80, 1, 1000),
    WHATSAPP_QUIET_HOURS: z
      .string()
      .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'must look like 21:00-08:00')
      .default('21:00-08:00'),

    COSMOS_ENDPOINT: optionalString.pipe(z.string().url().optional()),
    COSMOS_KEY: optionalString,
    COSMOS_DATABASE: z.string().default('hoormij'),
  })
  .superRefine((c, ctx) => {
    if (c.MicrosoftAppType === 'SingleTenant' && c.MicrosoftAppId && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType=SingleTenant' });
    }
    if (c.MicrosoftAppId && c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (c.STORAGE === 'cosmos') {
      if (!c.COSMOS_ENDPOINT) ctx.addIssue({ code: 'custom', path: ['COSMOS_ENDPOINT'], message: 'is required when STORAGE=cosmos' });
      if (!c.PSEUDONYM_SECRET) ctx.addIssue({ code: 'custom', path: ['PSEUDONYM_SECRET'], message: 'is required when STORAGE=cosmos (instances must share it)' });
      if (!c.CONTACT_KEY) ctx.addIssue({ code: 'custom', path: ['CONTACT_KEY'], message: 'is required when STORAGE=cosmos (instances must share it)' });
    }
    const wa = [c.WHATSAPP_APP_SECRET, c.WHATSAPP_VERIFY_TOKEN, c.WHATSAPP_TOKEN, c.WHATSAPP_PHONE_NUMBER_ID];
    if (wa.some(Boolean) && !wa.every(Boolean)) {
      for (const [name, v] of [
        ['WHATSAPP_APP_SECRET', c.WHATSAPP_APP_SECRET],
        ['WHATSAPP_VERIFY_TOKEN', c.WHATSAPP_VERIFY_TOKEN],
        ['WHATSAPP_TOKEN', c.WHATSAPP_TOKEN],
        ['WHATSAPP_PHONE_NUMBER_ID', c.WHATSAPP_PHONE_NUMBER_ID],
      ] as const) {
        if (!v) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when any WHATSAPP_* credential is set' });
      }
    }
  });

type Raw = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  configDir: string;
  storage: 'sqlite' | 'cosmos';
  logLevel: Raw['LOG_LEVEL'];
  publicBaseUrl: string;
  /** False when PUBLIC_BASE_URL is missing and publicBaseUrl is this machine's localhost. */
  publicBaseUrlSet: boolean;
  defaultLocale: 'nl' | 'en';
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: Raw['MicrosoftAppType'];
    allowedServiceUrls: string[];
  };
  /** Undefined on the embedded default: generated once and kept in DATA_DIR (see bot/secrets.ts). */
  pseudonymSecret?: string;
  contactKey?: string;
  kAnonymity: number;
  retentionDays: number;
  maxTextLength: number;
  directLine: {
    secret?: string;
    /** Azure Direct Line base URL (regional or a loopback fake in tests), without /v3/directline. */
    endpoint: string;
    tokenTtlSeconds: number;
    maxActivityBytes: number;
    activitiesPerMinute: number;
    maxConversations: number;
    idleMinutes: number;
    /** Bound on the stored activities of all open conversations together (serialised bytes). */
    maxMemoryBytes: number;
    /** Tokens (new or resumed conversations) one client address may get per minute. */
    tokensPerMinute: number;
  };
  /** Lower-case header a trusted reverse proxy sets to the client's address; unset: the socket's address. */
  trustedProxyHeader?: string;
  whatsapp?: {
    appSecret: string;
    verifyToken: string;
    token: string;
    phoneNumberId: string;
    apiVersion: string;
    apiBaseUrl: string;
    templateInvite: string;
    templateReminder: string;
    /** Utility template: there is news about what happened with the answers (docs/whatsapp.md). */
    templateNews: string;
    sendRate: number;
    quietHours: { from: string; to: string };
  };
  cosmos?: { endpoint: string; key?: string; database: string };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  const [quietFrom, quietTo] = c.WHATSAPP_QUIET_HOURS.split('-');
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR,
    configDir: c.CONFIG_DIR ?? packagePath('config'),
    storage: c.STORAGE,
    logLevel: c.LOG_LEVEL,
    publicBaseUrl: c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`,
    publicBaseUrlSet: c.PUBLIC_BASE_URL !== undefined,
    defaultLocale: c.DEFAULT_LOCALE,
    bot: {
      appId: c.MicrosoftAppId,
      appPassword: c.MicrosoftAppPassword,
      tenantId: c.MicrosoftAppTenantId,
      appType: c.MicrosoftAppType,
      allowedServiceUrls: c.ALLOWED_SERVICE_URLS,
    },
    pseudonymSecret: c.PSEUDONYM_SECRET,
    contactKey: c.CONTACT_KEY?.toLowerCase(),
    kAnonymity: c.K_ANONYMITY,
    retentionDays: c.RETENTION_DAYS,
    maxTextLength: c.MAX_TEXT_LENGTH,
    directLine: {
      secret: c.DIRECT_LINE_SECRET,
      endpoint: c.DIRECT_LINE_ENDPOINT.replace(/\/+$/, ''),
      tokenTtlSeconds: c.DIRECTLINE_TOKEN_TTL_SECONDS,
      maxActivityBytes: c.DIRECTLINE_MAX_ACTIVITY_BYTES,
      activitiesPerMinute: c.DIRECTLINE_ACTIVITIES_PER_MINUTE,
      maxConversations: c.DIRECTLINE_MAX_CONVERSATIONS,
      idleMinutes: c.DIRECTLINE_IDLE_MINUTES,
      maxMemoryBytes: c.DIRECTLINE_MAX_MEMORY_MB * 1024 * 1024,
      tokensPerMinute: c.DIRECTLINE_TOKENS_PER_MINUTE,
    },
    trustedProxyHeader: c.TRUSTED_PROXY_HEADER?.toLowerCase(),
    whatsapp:
      c.WHATSAPP_APP_SECRET && c.WHATSAPP_VERIFY_TOKEN && c.WHATSAPP_TOKEN && c.WHATSAPP_PHONE_NUMBER_ID
        ? {
            appSecret: c.WHATSAPP_APP_SECRET,
            verifyToken: c.WHATSAPP_VERIFY_TOKEN,
            token: c.WHATSAPP_TOKEN,
            phoneNumberId: c.WHATSAPP_PHONE_NUMBER_ID,
            apiVersion: c.WHATSAPP_API_VERSION,
            apiBaseUrl: c.WHATSAPP_API_BASE_URL.replace(/\/+$/, ''),
            templateInvite: c.WHATSAPP_TEMPLATE_INVITE,
            templateReminder: c.WHATSAPP_TEMPLATE_REMINDER,
            templateNews: c.WHATSAPP_TEMPLATE_NEWS,
            sendRate: c.WHATSAPP_SEND_RATE,
            quietHours: { from: quietFrom, to: quietTo },
          }
        : undefined,
    cosmos: c.COSMOS_ENDPOINT ? { endpoint: c.COSMOS_ENDPOINT, key: c.COSMOS_KEY, database: c.COSMOS_DATABASE } : undefined,
  };
}
