// Attendance (RS-1..5, RS-9, AT-1, AT-3, POL-1): pure evaluation of a person's day against the shift and the month.
export * from './rules';
export * from './evaluate';
export * from './rollup';
export * from './machineImport';
export * from './overtime';
