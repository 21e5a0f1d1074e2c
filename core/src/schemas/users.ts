import { z } from 'zod';
import { PASSWORD_MIN_LENGTH_FLOOR } from '../policy/accountsPolicy';
import { ZDateInRange, ZId, ZRef, ZVersion, zInt, zIntText } from './common';

export const USER_STATUSES = ['active', 'disabled'] as const;

const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+0-9 ()-]*$/, 'digits, spaces, + ( ) - only');
const userFields = {
  name: z.string().trim().min(1).max(100),
  employeeNo: z.string().trim().max(40).nullable().optional(),
  /** AT-4b/TR-3: the hire date (入职日期): annual leave by years of service, the new-employee period. */
  hireDate: ZDateInRange.nullable().optional(),
  phone: phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  status: z.enum(USER_STATUSES).optional(),
  roleId: ZRef,
  departmentId: ZRef.nullable().optional(),
  teamId: ZRef.nullable().optional(),
  levelId: ZRef.nullable().optional(),
  /** ORG-1: the engineer's tier — 2 is tier 2 (二线), who take what tier 1 cannot solve (SR-6). */
  tier: zInt().min(1).max(2).optional(),
  customerId: ZRef.nullable().optional(),
  siteId: ZRef.nullable().optional(),
  regionIds: z.array(ZRef).max(100).optional(),
  skills: z.array(z.string().trim().min(1).max(60)).max(100).optional(),
};

export const ZUserCreate = z.strictObject({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  password: z.string().min(PASSWORD_MIN_LENGTH_FLOOR, 'at least 10 characters').max(200),
  ...userFields,
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .strictObject(userFields)
  .partial()
  .extend({ version: ZVersion, password: z.string().min(PASSWORD_MIN_LENGTH_FLOOR, 'at least 10 characters').max(200).optional() });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZUser = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  employeeNo: z.string().nullable(),
  hireDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  roleId: z.number(),
  roleKey: z.string(),
  departmentId: z.number().nullable(),
  teamId: z.number().nullable(),
  levelId: z.number().nullable(),
  tier: z.number(),
  customerId: z.number().nullable(),
  siteId: z.number().nullable(),
  regionIds: z.array(z.number()),
  skills: z.array(z.string()),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserListQuery = z.strictObject({
  limit: zIntText().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(USER_STATUSES).optional(),
  roleId: ZId.optional(),
  teamId: ZId.optional(),
  departmentId: ZId.optional(),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
