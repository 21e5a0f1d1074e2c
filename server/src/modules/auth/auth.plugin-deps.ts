import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../http/clock';
import type { SecuritySettings } from '../../http/deps';
import type { PasswordCost } from './password';

export type AuthDepsFull = SecuritySettings & {
  db: Kysely<DB>;
  clock: Clock;
  passwordCost: PasswordCost;
  secureCookies: boolean;
  /** ACC-1: a password must not contain it. */
  companyName: string;
};
