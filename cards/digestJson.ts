import type { Digest } from '../core/digest/types';

/** Version of the JSON shape, for scripts that read `hoormij digest --format json`. */
export const DIGEST_JSON_SCHEMA = 'hoormij.digest/1';

/** The digest as plain JSON data; it only ever holds what may be shown. */
export function digestToJson(d: Digest): { schema: string } & Digest {
  return { schema: DIGEST_JSON_SCHEMA, ...structuredClone(d) };
}
