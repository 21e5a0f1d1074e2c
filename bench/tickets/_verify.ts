import { fts5Query, queryTerms, tsQuery } from '@techserve/core';
import { sql } from 'kysely';
import { openDatabase } from '../../server/src/db/database';
import { listTickets } from '../../server/src/modules/tickets/tickets.repository';
const database = openDatabase(process.argv[2]);
const { db, dialect } = database;
const mid = (await db.selectFrom('users').select('customer_id').where('username', '=', 'portal1000').executeTakeFirstOrThrow()).customer_id as number;
const actors = [
  { name: 'admin', actor: { id: 1, scope: 'all' }, cond: '1 = 1' },
  { name: 'own', actor: { id: 9, scope: 'own' }, cond: '(assignee_id = 9 OR created_by = 9 OR id IN (SELECT ticket_id FROM ticket_escalations WHERE to_user_id = 9 OR from_user_id = 9))' },
  { name: 'big', actor: { id: 2, scope: 'company', customerId: 1 }, cond: 'customer_id = 1' },
  { name: 'mid', actor: { id: 3, scope: 'company', customerId: mid }, cond: `customer_id = ${mid}` },
];
const queries = ['告警', '脑裂', '打印机 卡纸', 'contr', '硬盘', 'x9', 's', 'controller 告警', '固件签名'];
const states = [undefined, ['in_progress', 'waiting'], ['closed']];
let bad = 0, checked = 0;
for (const a of actors) for (const q of queries) for (const st of states) {
  const f = { q, state: st, limit: 50 } as never;
  const actor = { regionIds: [], teamId: null, departmentId: null, siteId: null, customerId: null, ...a.actor } as never;
  let cursor: string | undefined;
  for (let page = 0; page < 3; page++) {
    const got = (await listTickets(db, dialect, actor, { ...(f as object), cursor, actorId: a.actor.id } as never, 50)).map((r) => r.id);
    const terms = queryTerms(q);
    const below = cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString())[0] : 2 ** 31;
    const stateCond = st ? `AND state IN (${st.map((s) => `'${s}'`).join(',')})` : '';
    const match = dialect === 'sqlite' ? `id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH '${fts5Query(terms).replaceAll("'", "''")}')` : `search_vector @@ '${tsQuery(terms).replaceAll("'", "''")}'::tsquery`;
    const ref = (await sql.raw<{ id: number }>(`SELECT id FROM tickets WHERE ${a.cond} ${stateCond} AND ${match} AND id < ${below} ORDER BY id DESC LIMIT 51`).execute(db)).rows.map((r) => Number(r.id));
    checked++;
    if (JSON.stringify(got) !== JSON.stringify(ref)) { bad++; console.log('MISMATCH', a.name, q, st, page, got.length, ref.length, got.slice(0, 5), ref.slice(0, 5)); }
    if (got.length <= 50) break;
    cursor = Buffer.from(JSON.stringify([got[49]])).toString('base64url');
  }
}
console.log(`${checked} pages checked, ${bad} mismatches`);
await database.close();
