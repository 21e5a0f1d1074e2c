import { type TOrgKind, ZDepartment, ZEngineerLevel, ZProduct, ZProductLine, ZRegion, ZTeam } from '@techserve/core';
import type { z } from 'zod';

/** Where a reference field takes its choices from. */
export type TRefSource = TOrgKind | 'users';

export type TOrgField = {
  name: string;
  /** i18n key of the label. */
  label: string;
  type: 'text' | 'textarea' | 'integer' | 'money' | 'ref';
  ref?: TRefSource;
  required?: boolean;
  /** Shown as a table column (default true). */
  column?: boolean;
};

export type TOrgEntityConfig = {
  kind: TOrgKind;
  title: string;
  createLabel: string;
  fields: TOrgField[];
  schemas: { create: z.ZodType; update: z.ZodType };
  /** Table sort order. */
  sort?: (a: Record<string, unknown>, b: Record<string, unknown>) => number;
};

const name: TOrgField = { name: 'name', label: 'org.name', type: 'text', required: true };
const code: TOrgField = { name: 'code', label: 'org.code', type: 'text' };

/** ORG-1..4 and PAY-4: one field list per organisation entity drives table and form alike. */
export const ORG_ENTITY_CONFIGS: Record<TOrgKind, TOrgEntityConfig> = {
  departments: {
    kind: 'departments',
    title: 'nav.departments',
    createLabel: 'org.createDepartment',
    schemas: ZDepartment,
    fields: [
      name,
      code,
      { name: 'parentId', label: 'org.parent', type: 'ref', ref: 'departments' },
      { name: 'managerId', label: 'org.manager', type: 'ref', ref: 'users' },
    ],
  },
  teams: {
    kind: 'teams',
    title: 'nav.teams',
    createLabel: 'org.createTeam',
    schemas: ZTeam,
    fields: [
      name,
      { name: 'departmentId', label: 'org.department', type: 'ref', ref: 'departments', required: true },
      { name: 'leadId', label: 'org.lead', type: 'ref', ref: 'users' },
      { name: 'deputyId', label: 'org.deputy', type: 'ref', ref: 'users' },
    ],
  },
  regions: {
    kind: 'regions',
    title: 'nav.regions',
    createLabel: 'org.createRegion',
    schemas: ZRegion,
    fields: [name, code, { name: 'parentId', label: 'org.parent', type: 'ref', ref: 'regions' }],
  },
  'product-lines': {
    kind: 'product-lines',
    title: 'nav.productLines',
    createLabel: 'org.createProductLine',
    schemas: ZProductLine,
    fields: [name, code],
  },
  products: {
    kind: 'products',
    title: 'nav.products',
    createLabel: 'org.createProduct',
    schemas: ZProduct,
    fields: [
      name,
      { name: 'productLineId', label: 'org.productLine', type: 'ref', ref: 'product-lines', required: true },
      { name: 'model', label: 'org.model', type: 'text' },
      code,
    ],
  },
  'engineer-levels': {
    kind: 'engineer-levels',
    title: 'nav.engineerLevels',
    createLabel: 'org.createEngineerLevel',
    schemas: ZEngineerLevel,
    sort: (a, b) => Number(a.level) - Number(b.level),
    fields: [
      { name: 'level', label: 'org.level', type: 'integer', required: true },
      name,
      { name: 'basePayFen', label: 'org.basePay', type: 'money', required: true },
      { name: 'description', label: 'org.description', type: 'textarea' },
    ],
  },
};
