import { z } from 'zod';
import { ZRef, ZVersion, zInt } from './common';

// ORG-1..4: departments, teams (lead + deputy), regions, product lines, products, the product-expert table,
// engineer levels (PAY-4). Each has a create payload, an update payload (partial + version) and a read shape.

const name = z.string().trim().min(1).max(100);
const code = z
  .string()
  .trim()
  .max(40)
  .regex(/^[A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only')
  .nullable()
  .optional();
const ref = ZRef;
const optRef = ref.nullable().optional();

const withUpdate = <T extends z.ZodRawShape>(shape: T) => ({
  create: z.strictObject(shape),
  update: z.strictObject(shape).partial().extend({ version: ZVersion }),
});
const stored = { id: z.number(), version: z.number(), createdAt: z.string(), updatedAt: z.string() };

export const ZDepartment = withUpdate({ name, code, parentId: optRef, managerId: optRef });
export const ZDepartmentOut = z.object({
  ...stored,
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.number().nullable(),
  managerId: z.number().nullable(),
});

export const ZTeam = withUpdate({ name, departmentId: ref, leadId: optRef, deputyId: optRef });
export const ZTeamOut = z.object({
  ...stored,
  name: z.string(),
  departmentId: z.number(),
  leadId: z.number().nullable(),
  deputyId: z.number().nullable(),
});

export const ZRegion = withUpdate({ name, code, parentId: optRef });
export const ZRegionOut = z.object({ ...stored, name: z.string(), code: z.string().nullable(), parentId: z.number().nullable() });

export const ZProductLine = withUpdate({ name, code });
export const ZProductLineOut = z.object({ ...stored, name: z.string(), code: z.string().nullable() });

export const ZProduct = withUpdate({ name, productLineId: ref, model: z.string().trim().max(100).nullable().optional(), code });
export const ZProductOut = z.object({
  ...stored,
  name: z.string(),
  productLineId: z.number(),
  model: z.string().nullable(),
  code: z.string().nullable(),
});

// PAY-3/PAY-4: levels 1–8 with base pay in fen.
export const ZEngineerLevel = withUpdate({
  level: zInt().min(1).max(99),
  name,
  basePayFen: zInt().nonnegative(),
  description: z.string().trim().max(500).nullable().optional(),
});
export const ZEngineerLevelOut = z.object({
  ...stored,
  level: z.number(),
  name: z.string(),
  basePayFen: z.number(),
  description: z.string().nullable(),
});

// ORG-3: product → expert engineers (the first listed is consulted first).
export const ZProductExpertsSet = z.strictObject({
  userIds: z.array(ref).max(50),
});
export const ZProductExperts = z.object({
  productId: z.number(),
  experts: z.array(z.object({ userId: z.number(), name: z.string(), rank: z.number() })),
});

export type TOrgKind = 'departments' | 'teams' | 'regions' | 'product-lines' | 'products' | 'engineer-levels';
