export * from './commission';
export * from './payslip';
