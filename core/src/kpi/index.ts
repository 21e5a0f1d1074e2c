export * from './kpi';
export * from './bestEmployee';
