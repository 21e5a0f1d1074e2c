// SLA engine (SR-3, SLA-1..4): priority from urgency × impact and the SLA clocks of a request. Pure.

export {
  computeSlaClock,
  localText,
  onsiteArrival,
  SLA_TARGET_KINDS,
  type SlaClockOptions,
  type TSlaClock,
  type TSlaClockState,
  type TSlaEvent,
  type TSlaEventType,
  type TSlaTargetClock,
  type TSlaTargetKind,
} from './clock';
export { findSlaLevel } from './level';
export { computePriority, overridePriority, type TPriorityResult } from './priority';
export { expectedFixTime, type ExpectedFixInput, type TExpectedFix } from './expected-fix';
