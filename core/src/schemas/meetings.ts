import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZDateInRange, ZInstantInRange, ZListQuery, ZRef, ZVersion, zInt } from './common';

// MTG-1: department meetings (部门例会) with minutes and action items followed up; FS-11's daily stand-up is linked.
//
// API (under /api/v1):
//   GET/POST /meetings, GET/PATCH /meetings/:id       meetings.read / meetings.manage
//   POST /meetings/:id/actions                        meetings.manage  add an action item
//   PATCH /meeting-actions/:id                        the owner or meetings.manage: done / cancelled / note
//   GET  /meeting-actions?view=mine|all&state=        open and overdue action items to follow up

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const MEETING_KINDS = ['department', 'standup', 'review', 'other'] as const;
export const ZMeetingKind = z.enum(MEETING_KINDS);

const ZActionCreate = z.strictObject({ title: text(500), ownerId: ZRef, dueOn: ZDateInRange.nullable().optional() });
export const ZMeetingActionCreate = ZActionCreate;

export const ZMeetingCreate = z.strictObject({
  kind: ZMeetingKind,
  title: text(200),
  heldAt: ZInstantInRange,
  location: optionalText(200),
  chairId: ZRef.nullable().optional(),
  attendeeIds: z.array(ZRef).max(300).default([]),
  minutes: text(50000),
  /** FS-11: the stand-up date whose review this meeting minutes (kind standup). */
  standupDate: ZDateInRange.nullable().optional(),
  actions: z.array(ZActionCreate).max(100).default([]),
});
export type TMeetingCreate = z.input<typeof ZMeetingCreate>;
export const ZMeetingUpdate = z.strictObject({
  version: ZVersion,
  title: text(200).optional(),
  location: optionalText(200),
  minutes: text(50000).optional(),
  attendeeIds: z.array(ZRef).max(300).optional(),
});

export const ZMeetingActionUpdate = z.strictObject({
  version: ZVersion,
  status: z.enum(['open', 'done', 'cancelled']).optional(),
  note: optionalText(2000),
  dueOn: ZDateInRange.nullable().optional(),
});

export const ZMeetingAction = z.strictObject({
  id: zInt(),
  meetingId: zInt(),
  meetingTitle: z.string(),
  title: z.string(),
  ownerId: zInt(),
  ownerName: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  state: z.enum(['open', 'overdue', 'done', 'doneLate', 'cancelled']),
  explanation: ZExplanation,
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  version: zInt(),
});
export type TMeetingAction = z.infer<typeof ZMeetingAction>;

export const ZMeeting = z.strictObject({
  id: zInt(),
  kind: ZMeetingKind,
  title: z.string(),
  heldAt: z.string(),
  location: z.string().nullable(),
  chairId: zInt().nullable(),
  chairName: z.string().nullable(),
  attendees: z.array(z.strictObject({ id: zInt(), name: z.string() })),
  minutes: z.string(),
  standupDate: z.string().nullable(),
  actions: z.array(ZMeetingAction),
  openActions: zInt(),
  overdueActions: zInt(),
  /** MTG-1: action items of earlier meetings of the same kind (and department) still open, reviewed at this one. */
  carriedOver: z.array(ZMeetingAction),
  createdByName: z.string().nullable(),
  version: zInt(),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingListQuery = ZListQuery.extend({ kind: ZMeetingKind.optional() }).strict();
export const ZMeetingActionListQuery = ZListQuery.extend({
  view: z.enum(['mine', 'all']).default('mine'),
  state: z.enum(['open', 'overdue', 'done', 'all']).default('open'),
}).strict();
