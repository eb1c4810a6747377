export { createDigestCommands } from './digestCommands';
export { startDigestScheduler, dueWeek, DIGEST_CLAIM_LEASE_MS, type DigestScheduler, type DigestRun } from './digestScheduler';
