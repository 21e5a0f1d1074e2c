import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Db } from './handle';

/**
 * Sees every statement run through one database's Kysely (transactions inherit it) and counts, per table, the
 * statements that wrote it. Caches of rarely changing rows (sessions' actors, calendars) compare those counts,
 * so a write anywhere in this process — a service, the CLI, a test — makes them read again at once; other server
 * processes (PostgreSQL scale-out) are bounded by each cache's time-to-live instead.
 *
 * The count moves after the statement ran: on SQLite the one connection is held until the transaction ends, so
 * no reader can cache what is about to be rolled back or replaced; on PostgreSQL a reader on another connection
 * may cache the old row between the write and its commit, again bounded by the time-to-live.
 */
export class WriteWatch implements KyselyPlugin {
  readonly #writes = new Map<string, number>();
  /** Writes the plugin could not attribute to a table (raw SQL, schema changes) count against every table. */
  #unattributed = 0;
  readonly #pending = new WeakMap<object, string[] | 'all'>();
  readonly #shared = new Map<string, unknown>();

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const written = writtenTables(node);
    if (written) this.#pending.set(queryId, written);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const written = this.#pending.get(queryId);
    if (written === 'all') this.#unattributed++;
    else if (written) for (const t of written) this.#writes.set(t, (this.#writes.get(t) ?? 0) + 1);
    return result;
  }

  /** A number that changes whenever one of these tables was written in this process. */
  generation(tables: readonly string[]): number {
    let n = this.#unattributed;
    for (const t of tables) n += this.#writes.get(t) ?? 0;
    return n;
  }

  /** One object per database and name (a cache, a write batch), created on first use. */
  shared<T>(name: string, create: () => T): T {
    if (!this.#shared.has(name)) this.#shared.set(name, create());
    return this.#shared.get(name) as T;
  }

  /** The named cache of this database, created on first use. */
  cache<K, V>(name: string, opts: { tables: readonly string[]; ttlMs: number; max?: number }): ReadCache<K, V> {
    return this.shared(`cache:${name}`, () => new ReadCache<K, V>(this, opts));
  }
}

/** Values loaded from the database, kept until one of their tables is written here or the time-to-live ends. */
export class ReadCache<K, V> {
  readonly #entries = new Map<K, { value: Promise<V>; generation: number; loadedAt: number }>();
  constructor(
    private readonly watch: WriteWatch,
    private readonly opts: { tables: readonly string[]; ttlMs: number; max?: number },
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const generation = this.watch.generation(this.opts.tables);
    const now = performance.now();
    const hit = this.#entries.get(key);
    if (hit && hit.generation === generation && now - hit.loadedAt < this.opts.ttlMs) return hit.value;
    const value = load();
    this.#entries.delete(key);
    if (this.#entries.size >= (this.opts.max ?? 1000)) this.#entries.delete(this.#entries.keys().next().value as K);
    this.#entries.set(key, { value, generation, loadedAt: now });
    value.catch(() => this.#entries.get(key)?.value === value && this.#entries.delete(key));
    return value;
  }

  /** Drops one key (a value this process just changed or found gone). */
  forget(key: K): void {
    this.#entries.delete(key);
  }
}

/** The watch installed on this database (openDatabase installs one); transactions share their database's. */
export function watchOf(db: Db): WriteWatch {
  const found = db.getExecutor().plugins.find((p): p is WriteWatch => p instanceof WriteWatch);
  if (!found) throw new Error('The database was opened without its WriteWatch plugin (use openDatabase)');
  return found;
}

const tableName = (node: OperationNode | undefined): string | null => {
  if (!node) return null;
  if (node.kind === 'TableNode') return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
  if (node.kind === 'AliasNode') return tableName((node as unknown as { node: OperationNode }).node);
  return null;
};

const READ_ONLY_RAW = /^\s*(select|with|pragma|explain|show|begin|commit|rollback|savepoint|release)\b/i;

// A data-modifying statement's verb and its table (quoted or not, schema dropped); `do update` (an upsert's
// conflict action) and `for update` (a row lock) name no table, and `replace` is a write only as SQLite's
// `replace into` (elsewhere it is the string function).
const RAW_WRITE_TARGET =
  /\b(?:insert\s+(?:or\s+\w+\s+)?into|(?<!\b(?:do|for)\s+)update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:(?:"[^"]+"|\w+)\.)?("[^"]+"|\w+)/gi;
const RAW_WRITE_VERB =
  /\b(?:insert|(?<!\b(?:do|for)\s+)update|delete|merge|create|drop|alter|truncate|(?<!\bor\s+)replace(?=\s+into\b)|vacuum|reindex)\b/gi;

/**
 * Raw SQL: a read writes nothing; a write names its tables when every write verb in it is followed by a plain
 * table name (a batch of INSERTs in data-modifying CTEs, an upsert), and counts against every table otherwise.
 */
export function rawWrittenTables(text: string): string[] | 'all' | null {
  const verbs = text.match(RAW_WRITE_VERB)?.length ?? 0;
  if (verbs === 0) return READ_ONLY_RAW.test(text) ? null : 'all';
  const tables = [...text.matchAll(RAW_WRITE_TARGET)].map((m) => m[1].replace(/"/g, ''));
  return tables.length === verbs ? [...new Set(tables)] : 'all';
}

const known = (names: Array<string | null>): string[] | 'all' =>
  names.every((n) => n !== null) && names.length > 0 ? (names as string[]) : 'all';

/** The tables a statement writes; 'all' when it writes but the tables are not known; null for reads. */
function writtenTables(node: RootOperationNode): string[] | 'all' | null {
  switch (node.kind) {
    case 'SelectQueryNode':
      return null;
    case 'InsertQueryNode':
      return known([tableName(node.into)]);
    case 'UpdateQueryNode':
      return known([tableName(node.table)]);
    case 'DeleteQueryNode':
      return known(node.from.froms.map(tableName));
    case 'RawNode':
      return rawWrittenTables(node.sqlFragments.join('?'));
    default:
      return 'all';
  }
}
