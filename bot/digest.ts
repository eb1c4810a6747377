export { createDigestCommands } from './digestCommands';
export { startDigestScheduler, dueWeek, type DigestScheduler, type DigestRun } from './digestScheduler';
