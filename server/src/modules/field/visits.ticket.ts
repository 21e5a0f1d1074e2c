import { isOpenTicketState } from '@techserve/core';
import type { Db } from '../../http/context';
import * as attachmentsRepo from '../tickets/attachments.repository';
import { insertEntry } from '../tickets/tickets.repository';
import { parseEvents, refreshSla } from '../tickets/tickets.sla';

// What a visit writes onto its service request (SR-10 record of the whole process). The letter authorises these
// writes (the engineer is on the letter), so the request's own data scope is not applied again here.

/**
 * SLA-2/FS-5: the first arrival on site meets the request's on-site target, as the request's own arrival record
 * does (tickets.timeline addRecord 'arrival'). Only for an open request that needs a visit and has no arrival yet.
 */
export async function recordArrivalOnTicket(db: Db, ticketId: number, by: number, at: string, letterNumber: string): Promise<boolean> {
  const t = await db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
  if (!t || !t.needs_visit || !isOpenTicketState(t.state)) return false;
  const events = parseEvents(t.sla_events);
  if (events.some((e) => e.type === 'arrived_on_site')) return false;
  const now = Date.parse(at);
  const sla_events = JSON.stringify([...events, { at: now, type: 'arrived_on_site' as const }]);
  await db.updateTable('tickets').set({ sla_events, updated_at: at }).where('id', '=', ticketId).execute();
  await refreshSla(db, { ...t, sla_events }, now);
  await insertEntry(db, {
    ticketId,
    kind: 'arrival',
    visibility: 'public',
    authorId: by,
    body: letterNumber,
    data: { arrivedAt: at, letter: letterNumber },
    at,
  });
  return true;
}

/** A timeline entry on the request (part, internal note, rating ...). */
export function entryOnTicket(
  db: Db,
  ticketId: number,
  e: { kind: string; visibility: 'public' | 'internal'; by: number; body: string | null; data: Record<string, unknown>; at: string },
) {
  return insertEntry(db, { ticketId, kind: e.kind, visibility: e.visibility, authorId: e.by, body: e.body, data: e.data, at: e.at });
}

/** SR-10: the same stored bytes attached to the request's timeline (photo, signed PDF); returns the attachment id. */
export async function attachToTicket(
  db: Db,
  ticketId: number,
  f: {
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    storageKey: string;
    visibility: 'public' | 'internal';
    by: number;
    at: string;
  },
): Promise<number> {
  const { id } = await attachmentsRepo.insertAttachment(db, {
    ticket_id: ticketId,
    entry_id: null,
    visibility: f.visibility,
    file_name: f.fileName,
    content_type: f.contentType,
    size: f.size,
    sha256: f.sha256,
    storage_key: f.storageKey,
    uploaded_by: f.by,
    created_at: f.at,
  });
  const entryId = await insertEntry(db, {
    ticketId,
    kind: 'attachment',
    visibility: f.visibility,
    authorId: f.by,
    body: f.fileName,
    data: { attachmentId: id, fileName: f.fileName, size: f.size },
    at: f.at,
  });
  await attachmentsRepo.linkEntry(db, id, entryId);
  return id;
}
