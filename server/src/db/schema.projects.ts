// Kysely table types of the projects module's tables (migration 20261123_*_projects).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProjectTables {}
