import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZDate, ZId, ZRef, ZVersion, zFen64, zIntText } from './common';

// CU-1..5: customers, their contacts, sites, installed products (with CU-2 warranty) and service contracts (CU-4).
// Each has a create payload, an update payload (partial + version) and a read shape.

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const name = z.string().trim().min(1).max(200);
const ref = ZRef;
const optRef = ref.nullable().optional();
const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+0-9 ()-]*$/, 'digits, spaces, + ( ) - only');
const stored = { id: z.number(), version: z.number(), createdAt: z.string(), updatedAt: z.string() };
const update = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape).partial().extend({ version: ZVersion });

const customerFields = {
  name,
  shortName: text(60),
  code: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only')
    .nullable()
    .optional(),
  industry: text(100),
  address: text(300),
  regionId: optRef,
  note: text(2000),
};
export const ZCustomerCreate = z.strictObject(customerFields);
export type TCustomerCreate = z.infer<typeof ZCustomerCreate>;
export const ZCustomerUpdate = update(customerFields);
export type TCustomerUpdate = z.infer<typeof ZCustomerUpdate>;
export const ZCustomer = z.object({
  ...stored,
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  industry: z.string().nullable(),
  address: z.string().nullable(),
  regionId: z.number().nullable(),
  note: z.string().nullable(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZCustomerListQuery = z.strictObject({
  limit: zIntText().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(100).optional().describe('Part of the name, short name, code, or a contact name or phone'),
  regionId: ZId.optional(),
});
export type TCustomerListQuery = z.infer<typeof ZCustomerListQuery>;

const contactFields = {
  name: z.string().trim().min(1).max(100),
  phone: phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  position: text(100),
  isPrimary: z.boolean().optional(),
};
export const ZContactCreate = z.strictObject({ customerId: ref, ...contactFields });
export type TContactCreate = z.infer<typeof ZContactCreate>;
// A contact stays with its company: moving one is deleting and re-creating it.
export const ZContactUpdate = update(contactFields);
export type TContactUpdate = z.infer<typeof ZContactUpdate>;
export const ZContact = z.object({
  ...stored,
  customerId: z.number(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  position: z.string().nullable(),
  isPrimary: z.boolean(),
});
export type TContact = z.infer<typeof ZContact>;

const siteFields = {
  name: z.string().trim().min(1).max(200),
  address: text(300),
  regionId: optRef,
  calendarId: optRef.describe('The calendar that applies at the site; null = the default calendar'),
  contactId: optRef.describe("The person in charge at the site: one of the customer's contacts"),
};
export const ZSiteCreate = z.strictObject({ customerId: ref, ...siteFields });
export type TSiteCreate = z.infer<typeof ZSiteCreate>;
export const ZSiteUpdate = update(siteFields);
export type TSiteUpdate = z.infer<typeof ZSiteUpdate>;
export const ZSite = z.object({
  ...stored,
  customerId: z.number(),
  name: z.string(),
  address: z.string().nullable(),
  regionId: z.number().nullable(),
  calendarId: z.number().nullable(),
  contactId: z.number().nullable(),
});
export type TSite = z.infer<typeof ZSite>;

export const WARRANTY_STATUSES = ['in_warranty', 'expired', 'unknown'] as const;
export const ZWarranty = z.object({
  status: z.enum(WARRANTY_STATUSES),
  endDate: z.string().nullable(),
  baseEndDate: z.string().nullable(),
  extendedBy: z.object({ part: z.string(), replacedOn: z.string() }).nullable(),
  /** CU-2: each replaced part's own warranty, from its replacement date (always sent; optional for clients that predate it). */
  parts: z
    .array(z.object({ part: z.string(), replacedOn: z.string(), endDate: z.string(), status: z.enum(['in_warranty', 'expired']) }))
    .optional(),
  explanation: ZExplanation,
});

const installedFields = {
  siteId: optRef,
  productId: ref,
  serialNumber: z.string().trim().min(1).max(100),
  installedOn: ZDate.nullable().optional(),
  acceptedOn: ZDate.nullable().optional().describe('CU-2: the warranty runs from acceptance'),
  warrantyEndOverride: ZDate.nullable().optional().describe('A warranty end agreed by contract (last day covered)'),
  note: text(2000),
};
export const ZInstalledProductCreate = z.strictObject({ customerId: ref, ...installedFields });
export type TInstalledProductCreate = z.infer<typeof ZInstalledProductCreate>;
export const ZInstalledProductUpdate = update(installedFields);
export type TInstalledProductUpdate = z.infer<typeof ZInstalledProductUpdate>;

export const ZPartReplacementCreate = z.strictObject({
  part: z.string().trim().min(1).max(200),
  replacedOn: ZDate,
  note: text(2000),
});
export type TPartReplacementCreate = z.infer<typeof ZPartReplacementCreate>;
export const ZPartReplacement = z.object({
  id: z.number(),
  installedProductId: z.number(),
  part: z.string(),
  replacedOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type TPartReplacement = z.infer<typeof ZPartReplacement>;

export const ZInstalledProduct = z.object({
  ...stored,
  customerId: z.number(),
  siteId: z.number().nullable(),
  productId: z.number(),
  productName: z.string(),
  serialNumber: z.string(),
  installedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  warrantyEndOverride: z.string().nullable(),
  note: z.string().nullable(),
  partReplacements: z.array(ZPartReplacement),
  warranty: ZWarranty,
});
export type TInstalledProduct = z.infer<typeof ZInstalledProduct>;

export const CONTRACT_COVERAGES = ['24x7', 'business'] as const;
export const CONTRACT_STATES = ['upcoming', 'active', 'expired'] as const;
const contractFields = {
  number: z.string().trim().min(1).max(60),
  startsOn: ZDate,
  endsOn: ZDate,
  serviceContent: z.string().trim().max(4000).nullable().optional(),
  feeFen: zFen64().min(0).describe('Fee in fen (分)'),
  slaLevelId: z.string().trim().min(1).max(64).describe('An SLA level of the policy in force (SLA-1)'),
  coverage: z.enum(CONTRACT_COVERAGES).describe('SLA-3: 24x7 runs on wall-clock time, business on the calendar'),
  note: text(2000),
};
export const ZContractCreate = z.strictObject({ customerId: ref, ...contractFields }).refine((c) => c.endsOn >= c.startsOn, {
  path: ['endsOn'],
  message: 'must not be before startsOn',
});
export type TContractCreate = z.infer<typeof ZContractCreate>;
export const ZContractUpdate = update(contractFields);
export type TContractUpdate = z.infer<typeof ZContractUpdate>;
export const ZContract = z.object({
  ...stored,
  customerId: z.number(),
  number: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  serviceContent: z.string().nullable(),
  feeFen: z.number(),
  slaLevelId: z.string(),
  coverage: z.enum(CONTRACT_COVERAGES),
  note: z.string().nullable(),
  state: z.enum(CONTRACT_STATES),
});
export type TContract = z.infer<typeof ZContract>;

/** CU-1: the customer file (客户资料表). */
export const ZCustomerFile = z.object({
  customer: ZCustomer,
  contacts: z.array(ZContact),
  sites: z.array(ZSite),
  installedProducts: z.array(ZInstalledProduct),
  contracts: z.array(ZContract),
  asOf: z.string().describe('The company-local date the warranty and contract states are judged on'),
});
export type TCustomerFile = z.infer<typeof ZCustomerFile>;
