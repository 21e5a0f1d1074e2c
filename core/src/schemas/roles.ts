import { z } from 'zod';
import { DATA_SCOPES, PERMISSIONS } from '../permissions';
import { ZVersion } from './common';

export const ZRoleCreate = z.strictObject({
  key: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional(),
  scope: z.enum(DATA_SCOPES),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
  /** Issue 18 item 6: its users must sign in with a second factor (off unless an administrator turns it on). */
  requireTwoFactor: z.boolean().optional(),
});
export type TRoleCreate = z.infer<typeof ZRoleCreate>;
export const ZRoleUpdate = ZRoleCreate.omit({ key: true }).partial().extend({ version: ZVersion });
export type TRoleUpdate = z.infer<typeof ZRoleUpdate>;

export const ZRole = z.object({
  id: z.number(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  scope: z.enum(DATA_SCOPES),
  permissions: z.array(z.enum(PERMISSIONS)),
  builtin: z.boolean(),
  requireTwoFactor: z.boolean(),
  userCount: z.number(),
  version: z.number(),
});
export type TRole = z.infer<typeof ZRole>;
