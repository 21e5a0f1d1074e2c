import { z } from 'zod';
import { PASSWORD_MIN_LENGTH_FLOOR } from '../policy/accountsPolicy';
import { DATA_SCOPES, PERMISSIONS } from '../permissions';

export const ZLogin = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZPasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH_FLOOR, 'at least 10 characters').max(200),
});

export const ZSessionUser = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: z.object({ id: z.number(), key: z.string(), name: z.string(), scope: z.enum(DATA_SCOPES) }),
  permissions: z.array(z.enum(PERMISSIONS)),
  mustChangePassword: z.boolean(),
  /** The company of a customer contact (the portal files requests for it), else null. */
  customerId: z.number().nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSession = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TSession = z.infer<typeof ZSession>;

export const ZApiTokenCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime().optional(),
});
export const ZApiToken = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZApiTokenCreated = ZApiToken.extend({ token: z.string().describe('Shown once; store it now.') });
export type TPasswordChange = z.infer<typeof ZPasswordChange>;
