import type {
  ZDepartmentOut,
  ZEngineerLevelOut,
  ZProductExperts,
  ZProductLineOut,
  ZProductOut,
  ZRegionOut,
  ZTeamOut,
} from '@techserve/core';
import type { z } from 'zod';

export type TDepartment = z.infer<typeof ZDepartmentOut>;
export type TTeam = z.infer<typeof ZTeamOut>;
export type TRegion = z.infer<typeof ZRegionOut>;
export type TProductLine = z.infer<typeof ZProductLineOut>;
export type TProduct = z.infer<typeof ZProductOut>;
export type TEngineerLevel = z.infer<typeof ZEngineerLevelOut>;
export type TProductExperts = z.infer<typeof ZProductExperts>;

/** Fields every stored organisation record has. */
export type TOrgRecord = { id: number; version: number; name: string } & Record<string, unknown>;
