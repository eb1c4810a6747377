import { isValidWeek } from '../core/isoWeek';
import { ConfigError } from '../bot/config';
import { ConfigDataError } from '../core/configData';
import { isSessionCode, normalizeSessionCode } from '../core/sessionCodes';
import { LOCALES, type Locale } from '../core/types';
import { createThemeTagger } from '../core/themes/tagger';
import { parseOptions, positiveInt, UsageError } from './args';
import { createCliContext, type CliContext } from './cliContext';
import { runCode } from './code';
import { runDemoData } from './demoData';
import { runDigest } from './digest';
import { runErase } from './erase';
import { runExport } from './export';
import { runQr, type QrArgs } from './qr';
import { runTeamsPackage } from './teamsPackage';
import { runThemes } from './themes';
import { runThemesReview } from './themesReview';
import { runUpdates } from './updates';

type Command = (
  argv: string[],
  ctx: CliContext,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  stdin: NodeJS.ReadableStream,
) => Promise<number>;

const commands: Record<string, Command> = {
  export: runExport,
  code: runCode,
  erase: runErase,
  updates: runUpdates,
  qr: async (argv, ctx, stdout, stderr) => {
    const o = parseOptions(argv, {
      code: { type: 'string' },
      'base-url': { type: 'string' },
      out: { type: 'string' },
      poster: { type: 'boolean', default: false },
      lang: { type: 'string' },
    });
    if (!o.code) throw new UsageError(ctx.t('cli:qr.usage'));
    if (o.lang && !(LOCALES as readonly string[]).includes(o.lang)) throw new UsageError(ctx.t('cli:badLang'));
    const lang = o.lang as Locale | undefined;
    let poster: QrArgs['poster'];
    if (o.poster) {
      // The poster names the project: the code must be one this installation made.
      const found = isSessionCode(o.code) ? await (await ctx.store()).getSessionCode(normalizeSessionCode(o.code)) : undefined;
      const project = found && ctx.data.projects.get(found.project);
      if (isSessionCode(o.code) && !project) throw new UsageError(ctx.t('cli:qr.unknownCode', { code: o.code }));
      if (project) poster = { projectName: project.name, langs: lang ? [lang] : undefined };
    }
    const baseUrl = o['base-url'] ?? ctx.config.publicBaseUrl;
    const baseUrlConfigured = o['base-url'] !== undefined || ctx.config.publicBaseUrlSet;
    return runQr({ code: o.code, baseUrl, baseUrlConfigured, out: o.out, lang: lang ?? ctx.config.defaultLocale, poster }, stdout, stderr);
  },
  digest: async (argv, ctx, stdout) => {
    const o = parseOptions(argv, {
      project: { type: 'string' },
      week: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      lang: { type: 'string', default: ctx.config.defaultLocale },
    });
    if (!o.project) throw new UsageError(ctx.t('cli:digest.usage'));
    if (o.format !== 'markdown' && o.format !== 'json' && o.format !== 'card') throw new UsageError(ctx.t('cli:digest.badFormat'));
    if (o.week && !isValidWeek(o.week)) throw new UsageError(ctx.t('cli:digest.badWeek', { week: o.week }));
    if (!(LOCALES as readonly string[]).includes(o.lang)) throw new UsageError(ctx.t('cli:badLang'));
    return runDigest(
      { project: o.project, week: o.week, format: o.format, lang: o.lang as Locale },
      { store: await ctx.store(), data: ctx.data, k: ctx.config.kAnonymity, now: ctx.now },
      stdout,
    );
  },
  themes: async (argv, ctx, stdout, _stderr, stdin) => {
    if (argv[0] === 'review') return runThemesReview(argv.slice(1), ctx, stdin, stdout);
    parseOptions(argv, {});
    return runThemes(stdin, stdout, { catalogue: ctx.data.catalogue, defaultLang: ctx.config.defaultLocale });
  },
  'demo-data': async (argv, ctx, stdout) => {
    const o = parseOptions(argv, { project: { type: 'string' }, weeks: { type: 'string' } });
    if (!o.project) throw new UsageError(ctx.t('cli:demoData.usage'));
    if (!ctx.data.projects.has(o.project)) throw new UsageError(ctx.t('cli:unknownProject', { project: o.project }));
    return runDemoData(
      { project: o.project, weeks: positiveInt(o.weeks, 'weeks', 6, 104) },
      {
        store: await ctx.store(),
        data: ctx.data,
        tagger: createThemeTagger(ctx.data.catalogue),
        secretForPseudonyms: ctx.secrets().pseudonymSecret,
        now: ctx.now,
      },
      stdout,
    );
  },
  'teams-package': async (argv, ctx, stdout) => {
    const o = parseOptions(argv, { 'bot-id': { type: 'string' }, out: { type: 'string', default: 'hoormij-teams.zip' }, 'base-url': { type: 'string' } });
    const botId = o['bot-id'] ?? ctx.config.bot.appId;
    if (!botId) throw new UsageError(ctx.t('cli:teamsPackage.usage'));
    return runTeamsPackage({ botId, out: o.out, baseUrl: o['base-url'] ?? ctx.config.publicBaseUrl }, stdout);
  },
};

/** `npx hoormij <command>`: returns the exit code; never throws for a user's mistake. */
export async function main(
  argv: string[],
  env?: NodeJS.ProcessEnv,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'start') {
    require('../bot/index');
    return new Promise<number>(() => undefined);
  }
  if (name === 'bench') {
    const { runBenchmarks } = await import('../bench/run');
    return runBenchmarks(rest, stdout);
  }
  let ctx: CliContext;
  try {
    ctx = createCliContext(env);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ConfigDataError) {
      stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const command = name ? commands[name] : undefined;
  if (!command) {
    stderr.write(`${ctx.t('cli:help', { commands: ['start', 'bench', ...Object.keys(commands)].join(', ') })}\n`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  try {
    return await command(rest, ctx, stdout, stderr, stdin);
  } catch (err) {
    if (err instanceof UsageError) {
      stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await ctx.close();
  }
}
