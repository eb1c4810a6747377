import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured logs. Never log free text, channel user ids or phone numbers: log a pseudonym at
 * most. The redact paths are a safety net for mistakes, not the policy itself.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['text', '*.text', 'from', '*.from', 'recipient', '*.recipient', 'phone', '*.phone', 'wa_id', '*.wa_id', 'body', '*.body'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
