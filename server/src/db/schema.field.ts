// Kysely table types of the field module's tables (migration 20261123_*_field).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FieldTables {}
