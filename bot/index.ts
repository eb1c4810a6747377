import { ConfigDataError } from '../core/configData';
import { ConfigError } from './config';
import { startApp } from './app';

/** Errors whose message says all a person running `npm start` needs: no stack trace after it. */
function isStartupProblem(err: Error): boolean {
  return err instanceof ConfigError || err instanceof ConfigDataError || (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
}

/** `npm start`: run the bot until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const running = await startApp();
  const stop = async (signal: string) => {
    running.app.logger.info({ signal }, 'shutting down');
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.stdout.write(`HoorMij runs at http://localhost:${running.port}/ (web chat) — /api/messages for the Bot Framework Emulator\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${isStartupProblem(err) ? `HoorMij did not start: ${err.message}` : err.stack ?? err.message}\n`);
  process.exit(1);
});
