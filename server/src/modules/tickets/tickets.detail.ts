import {
  type TExplanation,
  type TImpact,
  type TPriority,
  type TSlaClock,
  type TTicket,
  type TTicketEscalation,
  type TTicketState,
  type TTicketSummary,
  type TUrgency,
  legalTicketActions,
  ticketReaderActions,
} from '@techserve/core';
import type { Ctx, Db } from '../../http/context';
import { notFound } from '../../http/errors';
import * as changeRepo from './change-requests.repository';
import * as escalationRepo from './escalations.repository';
import { isCustomerSide, ticketActorOf } from './tickets.access';
import type { SummaryRow } from './tickets.list.repository';
import * as repo from './tickets.repository';
import { clockOf, toSlaTarget } from './tickets.sla';

// One place maps stored rows to the API's request shapes (list rows and the detail), so a create's response and
// GET /tickets/:id cannot drift apart.

const json = <T>(s: string) => JSON.parse(s) as T;

export const toSummary = (r: SummaryRow): TTicketSummary => ({
  id: r.id,
  number: r.number,
  title: r.title,
  type: r.type as TTicketSummary['type'],
  channel: r.channel as TTicketSummary['channel'],
  state: r.state as TTicketState,
  priority: r.priority as TPriority,
  customerId: r.customer_id,
  customerName: r.customer_name,
  siteId: r.site_id,
  productId: r.product_id,
  regionId: r.region_id,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  teamId: r.team_id,
  tier: r.tier,
  nextDueAt: r.next_due_at,
  slaBreached: Boolean(r.sla_breached),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export type TicketEscalation = TTicketEscalation & { ticketId: number };

export const toEscalation = (r: escalationRepo.EscalationRow): TicketEscalation => ({
  id: r.id,
  ticketId: r.ticket_id,
  kind: r.kind as TTicketEscalation['kind'],
  fromUserId: r.from_user_id,
  fromUserName: r.from_name,
  toUserId: r.to_user_id,
  toUserName: r.to_name,
  description: r.description,
  targetAt: r.target_at,
  rndPerson: r.rnd_person,
  state: r.state as 'open' | 'answered',
  answer: r.answer,
  answeredAt: r.answered_at,
  createdAt: r.created_at,
});

/** SR-6: the hops of the given requests, in order. */
export async function escalationsOf(db: Db, ticketIds: number[]): Promise<TicketEscalation[]> {
  return (await escalationRepo.listEscalations(db, ticketIds)).map(toEscalation);
}

/** A request as GET /tickets/:id shows it, within the actor's scope (404 otherwise). */
export async function getTicket(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TTicket> {
  const r = await repo.findDetail(db, ctx.actor, id);
  if (!r) throw notFound('Service request');
  const clock = await clockOf(db, r, ctx.clock.now().getTime());
  const [rating, change, escalations, spent] = await Promise.all([
    repo.findRating(db, id),
    changeRepo.findChangeRequestWithDecider(db, id),
    escalationsOf(db, [id]),
    repo.listTimeRecords(db, id),
  ]);
  return toDetail(ctx, r, { clock, rating, change, escalations, spent });
}

export type DetailParts = {
  clock: TSlaClock;
  rating:
    | {
        attitude: string;
        skill: string;
        result: string;
        comment: string | null;
        via: string;
        signed_by: string | null;
        signature: unknown;
        created_at: string;
      }
    | undefined;
  change:
    | {
        customer_written_confirmation: number;
        confirmation_note: string | null;
        discussed_with_sales: number;
        discussed_with_rnd: number;
        decision: string;
        decided_by_name: string | null;
        decided_at: string | null;
        decision_comment: string | null;
      }
    | undefined;
  escalations: TicketEscalation[];
  spent: Array<{ data: string | null }>;
  /** The explanations as objects when the caller has them (a create), instead of parsing the stored JSON back. */
  explanations?: { priority: TExplanation; eligibility: TExplanation };
};

export function toDetail(ctx: Ctx, r: repo.DetailRow, { clock, rating, change, escalations, spent, explanations }: DetailParts): TTicket {
  const customer = isCustomerSide(ctx.actor);
  const sla = {
    firstResponse: toSlaTarget(clock.firstResponse),
    onsite: clock.onsite && toSlaTarget(clock.onsite),
    resolution: toSlaTarget(clock.resolution),
  };
  const state = r.state as TTicketState;
  const facts = { state, assigneeId: r.assignee_id, createdBy: r.created_by, needsVisit: Boolean(r.needs_visit), onsite: sla.onsite };
  // Object.assign, not `{ ...toSummary(r), … }`: on Node 20 a spread followed by many properties costs about
  // 100 µs per object (each property after the spread takes V8's slow path), a fifth of a create.
  return Object.assign(toSummary(r), {
    description: r.description,
    urgency: r.urgency as TUrgency,
    impact: r.impact as TImpact,
    priorityExplanation: explanations?.priority ?? json<TExplanation>(r.priority_explanation),
    eligibility: r.eligibility as TTicket['eligibility'],
    eligibilityExplanation: explanations?.eligibility ?? json<TExplanation>(r.eligibility_explanation),
    slaLevelId: r.sla_level_id,
    policyVersion: r.policy_version,
    calendarId: r.calendar_id,
    needsVisit: Boolean(r.needs_visit),
    contactId: r.contact_id,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    siteName: r.site_name,
    siteAddress: r.site_address,
    installedProductId: r.installed_product_id,
    serialNumber: r.serial_number,
    productName: r.product_name,
    contractId: r.contract_id,
    cause: r.cause,
    solution: r.solution,
    committedAt: r.committed_at,
    cancelReason: r.cancel_reason,
    reopenCount: r.reopen_count,
    sla,
    legalActions: legalTicketActions(state),
    allowedActions: ticketReaderActions(facts, ticketActorOf(ctx.actor)),
    rating: rating
      ? {
          attitude: rating.attitude as never,
          skill: rating.skill as never,
          result: rating.result as never,
          comment: rating.comment,
          via: rating.via as 'portal' | 'device',
          signedBy: rating.signed_by,
          hasSignature: Boolean(rating.signature),
          ratedAt: rating.created_at,
        }
      : null,
    changeRequest: change
      ? {
          customerWrittenConfirmation: Boolean(change.customer_written_confirmation),
          confirmationNote: change.confirmation_note,
          discussedWithSales: Boolean(change.discussed_with_sales),
          discussedWithRnd: Boolean(change.discussed_with_rnd),
          decision: change.decision as 'pending' | 'approved' | 'rejected',
          decidedBy: change.decided_by_name,
          decidedAt: change.decided_at,
          decisionComment: change.decision_comment,
        }
      : null,
    // The customer sees that the request was escalated, not the internal conversation about it.
    escalations: customer ? [] : escalations,
    totalMinutesSpent: spent.reduce((sum, e) => sum + Number((JSON.parse(e.data ?? '{}') as { minutes?: number }).minutes ?? 0), 0),
    createdBy: r.created_by,
  });
}
