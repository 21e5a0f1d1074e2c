export * from './facts';
export * from './lines';
export * from './windows';
export * from './schemeA';
export * from './schemeB';
export * from './supervisor';
export * from './appraise';
export * from './appraised';
