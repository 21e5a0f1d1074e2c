export * from './kpi';
export * from './bestEmployee';
export * from './rankingBonus';
