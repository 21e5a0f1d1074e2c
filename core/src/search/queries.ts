import type { TQueryTerm } from './terms';

// Terms from queryTerms hold only letters, marks and digits, but these builders quote every term anyway, so a
// term from anywhere else cannot break out of the query syntax either. Empty terms are skipped: they match
// nothing useful and an empty quoted lexeme is an error in PostgreSQL.

/**
 * The terms as an SQLite FTS5 MATCH expression, e.g. `"打印" AND "印机" AND "print"*`; '' when there are no terms
 * (the caller then skips the MATCH). Each term is a double-quoted string with `"` doubled.
 */
export function fts5Query(terms: ReadonlyArray<TQueryTerm>): string {
  return terms
    .filter((t) => t.term.length > 0)
    .map((t) => `"${t.term.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`)
    .join(' AND ');
}

/**
 * The terms as a PostgreSQL tsquery literal for `$1::tsquery`, e.g. `'打印' & '印机' & 'print':*`; '' when there
 * are no terms. Each term is single-quoted with `\` and `'` doubled, as the tsquery syntax requires.
 */
export function tsQuery(terms: ReadonlyArray<TQueryTerm>): string {
  return terms
    .filter((t) => t.term.length > 0)
    .map((t) => `'${t.term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${t.prefix ? ':*' : ''}`)
    .join(' & ');
}
