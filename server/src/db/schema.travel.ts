// Kysely table types of the travel module's tables (migration 20261123_*_travel).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TravelTables {}
