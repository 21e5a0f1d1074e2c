import {
  type TBackup,
  type TBackupCreate,
  type TConfigChange,
  type TConfigChangeCreate,
  type TEquipment,
  type TEquipmentCreate,
  type TEquipmentUpdate,
  type TResidentContract,
  type TResidentContractPut,
  type TPermission,
  type TResidentSite,
  localDateInZone,
  staffingOf,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { notFound, refuse, versionConflict } from '../../http/errors';
import { staffRows } from '../attendance/attendance.repository';
import { recordAudit } from '../audit/audit.service';
import * as repo from './residents.repository';

/**
 * RS-11 (issue 14 item 11): a client site's resident contract (head-count and period), staffing against it, the
 * equipment register (设备资料库), the backup log and the configuration changes made with the client's authorisation.
 * Operations records: residents.records.ts (RS-8); conduct points: residents.conduct.ts (RS-9).
 */

/** The site when it lies in the actor's scope; 404 otherwise (a client user never learns of other sites). */
export async function siteFor(db: Db, ctx: Ctx, siteId: number) {
  const site = await repo.siteInScope(db, ctx.actor, siteId);
  if (!site) throw refuse('not_found', 'residents.noSuchSite');
  return site;
}

const toContract = (r: repo.ContractRow): TResidentContract => ({
  siteId: r.site_id,
  headcount: r.headcount,
  startDate: r.start_date,
  endDate: r.end_date,
  note: r.note,
  version: r.version,
});

const toEquipment = (r: repo.EquipmentRow): TEquipment => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  model: r.model,
  serialNo: r.serial_no,
  location: r.location,
  note: r.note,
  version: r.version,
});

const toBackup = (r: repo.BackupRow): TBackup => ({
  id: r.id,
  siteId: r.site_id,
  at: r.at,
  target: r.target,
  medium: r.medium,
  result: r.result as TBackup['result'],
  note: r.note,
  recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
});

const toConfigChange = (r: repo.ConfigChangeRow): TConfigChange => ({
  id: r.id,
  siteId: r.site_id,
  at: r.at,
  system: r.system,
  description: r.description,
  authorisedBy: r.authorised_by,
  authorisedAt: r.authorised_at,
  reference: r.reference,
  recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
});

/** RS-8: whether a client user's role (its permission list as stored) may sign operations records. */
export const mayCountersign = (permissions: string) => (JSON.parse(permissions) as TPermission[]).includes('residents.sign');

export async function listSites(ctx: Ctx) {
  return { items: await repo.sitesInScope(ctx.db, ctx.actor) };
}

/**
 * RS-11: the site view — the contract, staffing today (active residents stationed at the site against the contract's
 * head-count: exactly met is staffed, one short is under-staffed), the register and the newest log entries.
 */
export async function siteView(ctx: Ctx, siteId: number): Promise<TResidentSite> {
  const site = await siteFor(ctx.db, ctx, siteId);
  const [contract, residents, equipment, backups, configChanges, clients] = await Promise.all([
    repo.contractOf(ctx.db, siteId),
    staffRows(ctx.db, { siteId }),
    repo.equipmentOf(ctx.db, siteId),
    repo.backupsOf(ctx.db, siteId),
    repo.configChangesOf(ctx.db, siteId),
    repo.clientUsersAtSite(ctx.db, siteId),
  ]);
  const today = localDateInZone(ctx.timeZone, ctx.clock.now().getTime());
  return {
    siteId,
    siteName: site.name,
    contract: contract ? toContract(contract) : null,
    staffing: contract
      ? staffingOf({ headcount: contract.headcount, startDate: contract.start_date, endDate: contract.end_date }, residents.length, today)
      : null,
    residents: residents.map((r) => ({ id: r.id, name: r.name })),
    signers: clients.filter((c) => mayCountersign(c.permissions)).map((c) => ({ id: c.id, name: c.name })),
    equipment: equipment.map(toEquipment),
    backups: backups.map(toBackup),
    configChanges: configChanges.map(toConfigChange),
  };
}

/** RS-11: set the site's resident contract (residents.manage), audited; an edit needs the version read. */
export async function putContract(ctx: Ctx, siteId: number, body: TResidentContractPut): Promise<TResidentSite> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await siteFor(db, ctx, siteId);
    const before = await repo.contractOf(db, siteId);
    const values = { headcount: body.headcount, start_date: body.startDate, end_date: body.endDate, note: body.note ?? null, at };
    if (before) {
      if (!(await repo.updateContract(db, siteId, body.version ?? before.version, values))) throw versionConflict('The resident contract');
    } else await repo.insertContract(db, { site_id: siteId, ...values, created_by: ctx.actor.id });
    await recordAudit(db, ctx, {
      action: before ? 'residents.contract.update' : 'residents.contract.create',
      entity: 'resident_contract',
      entityId: siteId,
      before: before ? toContract(before) : null,
      after: { siteId, headcount: body.headcount, startDate: body.startDate, endDate: body.endDate, note: body.note ?? null },
    });
  });
  return siteView(ctx, siteId);
}

/** RS-11: a device or system of the site's equipment register (设备资料库). */
export async function addEquipment(ctx: Ctx, siteId: number, body: TEquipmentCreate): Promise<TEquipment> {
  const at = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (db) => {
    await siteFor(db, ctx, siteId);
    const row = {
      site_id: siteId,
      name: body.name,
      model: body.model ?? null,
      serial_no: body.serialNo ?? null,
      location: body.location ?? null,
      note: body.note ?? null,
    };
    const id = await repo.insertEquipment(db, { ...row, created_by: ctx.actor.id, created_at: at, updated_at: at });
    const out = toEquipment({ id, ...row, version: 1 });
    await recordAudit(db, ctx, { action: 'residents.equipment.create', entity: 'resident_equipment', entityId: id, after: out });
    return out;
  });
}

export async function updateEquipment(ctx: Ctx, id: number, body: TEquipmentUpdate): Promise<TEquipment> {
  const at = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (db) => {
    const before = await repo.equipmentInScope(db, ctx.actor, id);
    if (!before) throw notFound('Equipment');
    const set = {
      name: body.name,
      model: body.model ?? null,
      serial_no: body.serialNo ?? null,
      location: body.location ?? null,
      note: body.note ?? null,
    };
    if (!(await repo.updateEquipment(db, id, body.version, { ...set, updated_at: at }))) throw versionConflict('The equipment entry');
    const out = toEquipment({ ...before, ...set, version: body.version + 1 });
    await recordAudit(db, ctx, {
      action: 'residents.equipment.update',
      entity: 'resident_equipment',
      entityId: id,
      before: toEquipment(before),
      after: out,
    });
    return out;
  });
}

/** RS-11: a backup the residents made (append-only log). */
export async function addBackup(ctx: Ctx, siteId: number, body: TBackupCreate): Promise<TBackup> {
  const at = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (db) => {
    await siteFor(db, ctx, siteId);
    const row = {
      site_id: siteId,
      at: new Date(body.at).toISOString(),
      target: body.target,
      medium: body.medium ?? null,
      result: body.result,
      note: body.note ?? null,
      recorded_by: ctx.actor.id,
    };
    const id = await repo.insertBackup(db, { ...row, created_at: at });
    const out = toBackup({ id, ...row, recorded_by_name: ctx.actor.name });
    await recordAudit(db, ctx, { action: 'residents.backup.create', entity: 'resident_backup', entityId: id, after: out });
    return out;
  });
}

/**
 * RS-11: a change of the client's configuration, recorded with the client's authorisation — who authorised it and
 * when (not after the change: the schema refuses that with 422 RS-11). Append-only.
 */
export async function addConfigChange(ctx: Ctx, siteId: number, body: TConfigChangeCreate): Promise<TConfigChange> {
  const at = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (db) => {
    await siteFor(db, ctx, siteId);
    const row = {
      site_id: siteId,
      at: new Date(body.at).toISOString(),
      system: body.system,
      description: body.description,
      authorised_by: body.authorisedBy,
      authorised_at: new Date(body.authorisedAt).toISOString(),
      reference: body.reference ?? null,
      recorded_by: ctx.actor.id,
    };
    const id = await repo.insertConfigChange(db, { ...row, created_at: at });
    const out = toConfigChange({ id, ...row, recorded_by_name: ctx.actor.name });
    await recordAudit(db, ctx, { action: 'residents.config.create', entity: 'resident_config_change', entityId: id, after: out });
    return out;
  });
}
