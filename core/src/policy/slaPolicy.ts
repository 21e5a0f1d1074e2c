import { z } from 'zod';
import { zInt } from '../schemas/common';
import { ZDays, ZFen, ZItemId, ZLocalizedText, ZMinutes, ZMonths } from './primitives';

/** SLA-3: priorities, P1 the most urgent. */
export const ZPriority = z.enum(['P1', 'P2', 'P3', 'P4']);
export type TPriority = z.infer<typeof ZPriority>;
export const PRIORITIES = ZPriority.options;

/** SR-3: urgency as stated on intake. */
export const ZUrgency = z.enum(['high', 'medium', 'low']);
export type TUrgency = z.infer<typeof ZUrgency>;

/** SR-3: impact scope — the whole site / many users, one department, or a single user. */
export const ZImpact = z.enum(['wide', 'department', 'singleUser']);
export type TImpact = z.infer<typeof ZImpact>;

const ZImpactRow = z.strictObject({ wide: ZPriority, department: ZPriority, singleUser: ZPriority });

/** SR-3: priority = urgency × impact. */
export const ZPriorityMatrix = z.strictObject({ high: ZImpactRow, medium: ZImpactRow, low: ZImpactRow });
export type TPriorityMatrix = z.infer<typeof ZPriorityMatrix>;

/** SLA-1/2: targets for one priority; minutes are working minutes on a business calendar, else wall-clock. */
export const ZSlaTargets = z.strictObject({
  firstResponseMinutes: ZMinutes,
  onsiteMinutes: ZMinutes,
  resolutionMinutes: ZMinutes,
});
export type TSlaTargets = z.infer<typeof ZSlaTargets>;

/** SLA-1: a contract service level. */
export const ZSlaLevel = z.strictObject({
  id: ZItemId,
  name: ZLocalizedText,
  /** SLA-3: 'business' runs on the company calendar, '24x7' on wall-clock time. */
  calendarMode: z.enum(['business', '24x7']),
  /**
   * SLA-2: the resolution target counts from the request's creation, or from the moment a solution is offered
   * (「提出解决方案后 48 小时内解决」). Absent (a version saved before the choice existed): from creation.
   */
  resolutionFrom: z.enum(['created', 'solutionOffered']).optional(),
  targets: z.strictObject({ P1: ZSlaTargets, P2: ZSlaTargets, P3: ZSlaTargets, P4: ZSlaTargets }),
});
export type TSlaLevel = z.infer<typeof ZSlaLevel>;

export const ZSlaPolicy = z.strictObject({
  priorityMatrix: ZPriorityMatrix,
  levels: z.array(ZSlaLevel).min(1),
  /** SLA-1: the level of a customer without a contract level. */
  defaultLevelId: ZItemId,
  /** SR-4/SR-5: automatic assignment. */
  assignment: z.strictObject({
    /** SR-4: an engineer with this many open requests or more goes after every available engineer below it. */
    maxOpenLoad: zInt().min(1).max(1000),
    /**
     * SR-4/SR-5: requests of this priority or more urgent go to the best available engineer even at or above the
     * cap (a P1 cannot wait); 'none': the cap holds for every priority.
     */
    capWaivedFrom: z.enum(['none', 'P1', 'P2', 'P3', 'P4']),
  }),
  /** SLA-4: a clock within this many minutes of its target is near breach. */
  nearBreachMinutes: ZMinutes,
  /** Design: SLA clocks pause while the request waits for the customer. */
  pauseWhileWaitingForCustomer: z.boolean(),
  /** SR-11: the satisfaction follow-up call (回访) this many days after closure. */
  followUpDaysAfterClose: ZDays,
  /** CU-2: warranty from acceptance. */
  warranty: z.strictObject({
    months: ZMonths,
    replacedPartExtendsWarranty: z.boolean(),
    freeAnnualInspections: zInt().min(0),
    /** SLA-2: the level that applies while the equipment is under warranty (24-hour support). */
    levelId: ZItemId,
  }),
  /** CU-1: engineers visit the customers of their region regularly (回访), every so many days. */
  customerVisits: z.strictObject({ intervalDays: ZDays.min(1).max(366) }),
  /** CU-3: repair or modification outside warranty. */
  outOfWarranty: z.strictObject({
    minimumFeeFen: ZFen,
    suggestedMaximumFeeFen: ZFen,
    partsChargedExtra: z.boolean(),
  }),
});
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>;
