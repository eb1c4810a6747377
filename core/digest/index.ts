export { computeDigest, DigestInputError, TOP_THEMES } from './computeDigest';
export { mergeSmallGroups, guardedCount } from './minimumGroup';
export * from './types';
