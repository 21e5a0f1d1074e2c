import { DEFAULT_ROLES } from '@techserve/core';
import { describe, expect, it } from 'vitest';
import { TICKET_GRANTS } from './20261123_0005_tickets';

describe('0005 tickets migration', () => {
  it('grants an existing install’s built-in roles the same ticket permissions a fresh install gets', () => {
    for (const role of DEFAULT_ROLES) {
      const fresh = role.permissions.filter((p) => p.startsWith('tickets.')).sort();
      expect([...(TICKET_GRANTS[role.key] ?? [])].sort(), role.key).toEqual(fresh);
    }
  });
});
