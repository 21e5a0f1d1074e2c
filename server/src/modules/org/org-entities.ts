import {
  ZDepartment,
  ZDepartmentOut,
  ZEngineerLevel,
  ZEngineerLevelOut,
  ZProduct,
  ZProductLine,
  ZProductLineOut,
  ZProductOut,
  ZRegion,
  ZRegionOut,
  ZTeam,
  ZTeamOut,
} from '@techserve/core';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Ref } from '../../http/refs';

type OrgTable = 'departments' | 'teams' | 'regions' | 'product_lines' | 'products' | 'engineer_levels';

/** One organisation entity served by the generic CRUD in org.service / org.routes (ORG-1..4, PAY-4). */
export type OrgEntity = {
  path: string;
  table: OrgTable;
  entity: string;
  orderBy: 'name' | 'level';
  schemas: { create: z.ZodObject; update: z.ZodObject; out: z.ZodObject };
  /** Reference fields and the table each points to. */
  refs: Record<string, keyof DB>;
};

export const ORG_ENTITIES: OrgEntity[] = [
  {
    path: 'departments',
    table: 'departments',
    entity: 'department',
    orderBy: 'name',
    schemas: { ...ZDepartment, out: ZDepartmentOut },
    refs: { parentId: 'departments', managerId: 'users' },
  },
  {
    path: 'teams',
    table: 'teams',
    entity: 'team',
    orderBy: 'name',
    schemas: { ...ZTeam, out: ZTeamOut },
    refs: { departmentId: 'departments', leadId: 'users', deputyId: 'users' },
  },
  {
    path: 'regions',
    table: 'regions',
    entity: 'region',
    orderBy: 'name',
    schemas: { ...ZRegion, out: ZRegionOut },
    refs: { parentId: 'regions' },
  },
  {
    path: 'product-lines',
    table: 'product_lines',
    entity: 'product_line',
    orderBy: 'name',
    schemas: { ...ZProductLine, out: ZProductLineOut },
    refs: {},
  },
  {
    path: 'products',
    table: 'products',
    entity: 'product',
    orderBy: 'name',
    schemas: { ...ZProduct, out: ZProductOut },
    refs: { productLineId: 'product_lines' },
  },
  {
    path: 'engineer-levels',
    table: 'engineer_levels',
    entity: 'engineer_level',
    orderBy: 'level',
    schemas: { ...ZEngineerLevel, out: ZEngineerLevelOut },
    refs: {},
  },
];

export const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function refsOf(entity: OrgEntity, body: Record<string, unknown>): Ref[] {
  return Object.entries(entity.refs).map(([field, table]) => ({
    table: table as Ref['table'],
    id: body[field] as number | null | undefined,
    path: `body.${field}`,
  }));
}
