// Incidents and complaints (SR-14, IN-1..3), satisfaction surveys (SR-11b), internal training and exams (TRN-1..3)
// and meetings (MTG-1): pure rules, each result with its explanation.
export * from './complaintClass';
export * from './exam';
export * from './certificates';
export * from './survey';
export * from './actionItems';
