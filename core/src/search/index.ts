// Full-text search terms for Chinese and English: the application segments, the database indexes. Pure.

export { fts5Query, tsQuery } from './queries';
export { indexTerms, MAX_QUERY_TERMS, MAX_TERM_LENGTH, queryTerms, type TQueryTerm } from './terms';
export { prefixUpperBound, searchProbe, type TSearchProbe } from './prefix';
