import { createHash } from 'node:crypto';

/** Hex SHA-256: how session ids, API tokens, challenges and recovery codes are kept (random, so no salt is needed). */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
