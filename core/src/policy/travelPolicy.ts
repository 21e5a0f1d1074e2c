import { z } from 'zod';
import { zInt } from '../schemas/common';
import { ZDays, ZFen } from './primitives';

/** TR-3: where a trip goes. */
export const ZDestinationLevel = z.enum(['outOfProvince', 'prefectureCity', 'countyOrBelow']);
export type TDestinationLevel = z.infer<typeof ZDestinationLevel>;

/** TR-2: means of transport. */
export const ZTransportMode = z.enum(['bus', 'train', 'ship', 'cityBus', 'metro', 'plane', 'taxi', 'other']);
export type TTransportMode = z.infer<typeof ZTransportMode>;

/** TR-3: allowances for one destination level. */
export const ZDestinationAllowance = z.strictObject({
  /** Technical guidance, per person per day (0: none). */
  technicalGuidanceDailyFen: ZFen,
  /** Meals and lodging for construction or welding away, per night away (0: none). */
  mealsLodgingPerNightFen: ZFen,
});
export type TDestinationAllowance = z.infer<typeof ZDestinationAllowance>;

export const ZTravelPolicy = z.strictObject({
  allowanceByDestination: z.strictObject({
    outOfProvince: ZDestinationAllowance,
    prefectureCity: ZDestinationAllowance,
    countyOrBelow: ZDestinationAllowance,
  }),
  /** TR-3: technical guidance days exclude the departure and return days. */
  technicalGuidanceExcludesTravelDays: z.boolean(),
  /** TR-3: technical guidance is paid for at most this many days. */
  technicalGuidanceMaxDays: ZDays,
  /** TR-3: no meals and lodging allowance when the client provides board and lodging. */
  noMealsLodgingWhenClientProvides: z.boolean(),
  /** TR-3: new employees get this per day instead, without commission. */
  newEmployeeDailyFen: ZFen,
  /** TR-3: someone is a new employee for this many months from their hire date (0: nobody). */
  newEmployeeMonths: zInt().min(0).max(60),
  /** TR-3b: the allowance scheme — by destination (TR-3's rates) or a flat daily allowance. */
  allowanceScheme: z.enum(['perDestination', 'flatDaily']),
  /** TR-3b: the flat daily travel allowance, per day away (no figure in the documents: 0). */
  flatDailyFen: ZFen,
  /** TR-3: regional office lodging allowance per day (no figure in the documents: 0). */
  regionalOfficeLodgingDailyFen: ZFen,
  /** TR-3: phone allowance per month (no figure in the documents: 0). */
  phoneMonthlyFen: ZFen,
  /** TR-2: modes used without asking. */
  allowedTransport: z.array(ZTransportMode),
  /** TR-2: modes that need prior approval. */
  transportNeedingApproval: z.array(ZTransportMode),
  /** TR-1: time beyond the itinerary needs approval, else no reimbursement or allowance. */
  beyondItineraryNeedsApproval: z.boolean(),
  /** TR-4: the GM may approve a higher allowance for special regions. */
  gmMayRaiseAllowance: z.boolean(),
  /** AT-2: report to the manager and keep the travel log every this many days. */
  dailyLogEveryDays: zInt().min(1),
});
export type TTravelPolicy = z.infer<typeof ZTravelPolicy>;
