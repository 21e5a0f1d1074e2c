export * from './commission';
export * from './payslip';
export * from './tierProposal';
export * from './overtimePay';
export * from './welderProposal';
export * from './contracted';
export * from './probationAssessment';
