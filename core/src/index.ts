export * from './permissions';
export * from './schemas/common';
export * from './schemas/auth';
export * from './schemas/users';
export * from './schemas/roles';
export * from './schemas/org';
export * from './schemas/audit';
