import { DEFAULT_ROLES } from '@techserve/core';
import { describe, expect, it } from 'vitest';
import { TICKET_GRANTS } from './20261123_0005_tickets';
import { FIELD_GRANTS } from './20261123_0007_field_grants';
import { LEAVE_GRANTS } from './20261203_0014_leave';
import { REPORTS_GRANTS } from './20261207_0040_obligations';
import { INCIDENTS_GRANTS } from './20261207_0050_incidents';
import { SURVEYS_GRANTS } from './20261207_0051_surveys';
import { TRAINING_GRANTS } from './20261207_0052_staff_training';
import { MEETINGS_GRANTS } from './20261207_0053_meetings';
import { POLICY_APPROVAL_GRANTS } from './20261207_0080_policy_approval';
import { ATTENDANCE_GRANTS } from './20261207_0030_attendance';
import { APPRAISAL_GRANTS } from './20261207_0060_appraisal';
import { SPOT_CHECK_GRANTS } from './20261207_0033_attendance_spot_checks';
import { RESIDENTS_GRANTS } from './20261207_0110_residents';
import { KPI_GRANTS } from './20261207_0160_kpi';
import { HANDOVER_GRANTS } from './20261207_0140_handover';
import { PERSONNEL_GRANTS } from './20261207_0120_personnel';
import { PAY_GRANTS } from './20261207_0150_pay';
import { CUSTOMER_CARE_GRANTS } from './20261207_0210_customer_care';
import { DASHBOARD_GRANTS } from './20261207_0230_dashboard_grants';
import { REPLIES_GRANTS } from './20261207_0240_search_replies';
import { DEFECTS_GRANTS } from './20261207_0260_defects';

// An existing install's built-in roles must end up with the same permissions a fresh install gets.
describe.each([
  { migration: '0005 tickets', grants: TICKET_GRANTS, domain: /^tickets\./ },
  { migration: '0007 field grants', grants: FIELD_GRANTS, domain: /^(field|travel|projects)\./ },
  { migration: '0014 leave', grants: LEAVE_GRANTS, domain: /^leave\./ },
  { migration: '0040 obligations', grants: REPORTS_GRANTS, domain: /^(reports|obligations|months)\./ },
  { migration: '0050 incidents', grants: INCIDENTS_GRANTS, domain: /^incidents\./ },
  { migration: '0051 surveys', grants: SURVEYS_GRANTS, domain: /^surveys\./ },
  { migration: '0052 staff training', grants: TRAINING_GRANTS, domain: /^training\./ },
  { migration: '0053 meetings', grants: MEETINGS_GRANTS, domain: /^meetings\./ },
  { migration: '0080 policy approval', grants: POLICY_APPROVAL_GRANTS, domain: /^policy\.approve$/ },
  { migration: '0030 attendance', grants: ATTENDANCE_GRANTS, domain: /^attendance\.(punch|approve|read|manage)$/ },
  { migration: '0033 spot checks', grants: SPOT_CHECK_GRANTS, domain: /^attendance\.spotcheck$/ },
  { migration: '0060 appraisal', grants: APPRAISAL_GRANTS, domain: /^appraisal\./ },
  { migration: '0110 residents', grants: RESIDENTS_GRANTS, domain: /^residents\./ },
  { migration: '0160 kpi', grants: KPI_GRANTS, domain: /^(awards|kpi)\./ },
  { migration: '0140 handover', grants: HANDOVER_GRANTS, domain: /^handover\./ },
  { migration: '0120 personnel', grants: PERSONNEL_GRANTS, domain: /^personnel\./ },
  { migration: '0150 pay', grants: PAY_GRANTS, domain: /^pay\./ },
  { migration: '0210 customer care', grants: CUSTOMER_CARE_GRANTS, domain: /^customers\.(service|fees)$/ },
  { migration: '0230 dashboard', grants: DASHBOARD_GRANTS, domain: /^dashboard\./ },
  { migration: '0240 search and replies', grants: REPLIES_GRANTS, domain: /^replies\./ },
  { migration: '0260 defects', grants: DEFECTS_GRANTS, domain: /^defects\./ },
])('$migration migration', ({ grants, domain }) => {
  it('grants the built-in roles what DEFAULT_ROLES gives a fresh install', () => {
    for (const role of DEFAULT_ROLES) {
      const fresh = role.permissions.filter((p) => domain.test(p)).sort();
      expect([...(grants[role.key] ?? [])].sort(), role.key).toEqual(fresh);
    }
  });
});
