import type { TUser } from '@techserve/core';

export type TUserFormValues = {
  username?: string;
  password?: string;
  name?: string;
  employeeNo?: string | null;
  hireDate?: string | null;
  phone?: string | null;
  email?: string | null;
  roleId?: number;
  departmentId?: number | null;
  teamId?: number | null;
  levelId?: number | null;
  tier?: number;
  regionIds?: number[];
  skills?: string[];
  status?: TUser['status'];
};

const blankToNull = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : value);

/**
 * Form values → API body. Empty text becomes null, cleared selects null; an empty password on edit is left out.
 * On edit the record's `version` goes along.
 */
export function toUserPayload(values: TUserFormValues, editing?: Pick<TUser, 'version'>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: values.name,
    employeeNo: blankToNull(values.employeeNo),
    hireDate: blankToNull(values.hireDate),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    roleId: values.roleId,
    departmentId: values.departmentId ?? null,
    teamId: values.teamId ?? null,
    levelId: values.levelId ?? null,
    tier: values.tier ?? 1,
    regionIds: values.regionIds ?? [],
    skills: values.skills ?? [],
    status: values.status ?? 'active',
  };
  if (editing) {
    body.version = editing.version;
    if (values.password) body.password = values.password;
  } else {
    body.username = values.username;
    body.password = values.password;
  }
  return body;
}
