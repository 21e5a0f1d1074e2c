import { type TExplanation, explain } from '../explanation';

// HO-1: what a leaving or transferring person holds, handed over item by item; SEC-3: the confidentiality agreement
// signed at hire is shown at departure. Pure: the server reads the holdings and the signatures and asks these rules.

export const HOLDING_KINDS = ['ticket', 'letter', 'project', 'region', 'property', 'loan', 'receivable'] as const;
export type THoldingKind = (typeof HOLDING_KINDS)[number];
export type THoldingCounts = Partial<Record<THoldingKind, number>>;

export const SIGNER_ROLES = ['leaver', 'successor', 'manager'] as const;
export type TSignerRole = (typeof SIGNER_ROLES)[number];

const KIND_NAMES: Record<THoldingKind, { zh: string; en: string }> = {
  ticket: { zh: '服务请求', en: 'service requests' },
  letter: { zh: '项目责任书', en: 'responsibility letters' },
  project: { zh: '项目', en: 'projects' },
  region: { zh: '负责区域（含客户名单）', en: 'regions (with their customers)' },
  property: { zh: '公司财物', en: 'company property' },
  loan: { zh: '借款', en: 'loans' },
  receivable: { zh: '应收款单据', en: 'receivables documents' },
};

/** A kind's name in both languages, for a reason's parameters. */
export const holdingKindName = (kind: THoldingKind) => ({ 'zh-CN': KIND_NAMES[kind].zh, en: KIND_NAMES[kind].en });

const total = (counts: THoldingCounts) => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
const listOf = (counts: THoldingCounts, lang: 'zh' | 'en') =>
  HOLDING_KINDS.filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => (lang === 'zh' ? `${KIND_NAMES[k].zh} ${counts[k]} 项` : `${counts[k]} ${KIND_NAMES[k].en}`))
    .join(lang === 'zh' ? '、' : ', ');

export type THandoverState = {
  open: number;
  complete: boolean;
  /** Signing waits until nothing is left open: the signatures confirm a finished handover. */
  maySign: boolean;
  missingSignatures: TSignerRole[];
  explanation: TExplanation;
};

/**
 * HO-1: a handover is complete when nothing the person holds is left open and the leaver, the successor and the
 * manager have all signed. `open` counts what the person still holds, by kind.
 */
export function handoverState(open: THoldingCounts, signed: readonly TSignerRole[]): THandoverState {
  const n = total(open);
  const missing = SIGNER_ROLES.filter((r) => !signed.includes(r));
  const complete = n === 0 && missing.length === 0;
  const roleZh: Record<TSignerRole, string> = { leaver: '交接人', successor: '接收人', manager: '监交人' };
  const zh = complete
    ? '交接完成：全部事项已移交，交接人、接收人与监交人均已签字'
    : n > 0
      ? `尚有 ${n} 项未移交：${listOf(open, 'zh')}`
      : `事项已全部移交，待签字：${missing.map((r) => roleZh[r]).join('、')}`;
  const en = complete
    ? 'handover complete: everything handed over, signed by the leaver, the successor and the manager'
    : n > 0
      ? `${n} items still held: ${listOf(open, 'en')}`
      : `everything handed over; waiting for the signatures of: ${missing.join(', ')}`;
  return {
    open: n,
    complete,
    maySign: n === 0,
    missingSignatures: missing,
    explanation: explain({ ruleId: 'HO-1', policyVersion: null, inputs: { open, signed }, result: { complete }, zh, en }),
  };
}

export type TDisableDecision =
  | { allowed: true; by: 'nothingHeld' | 'handover' | 'override'; explanation: TExplanation }
  | { allowed: false; open: number; counts: THoldingCounts; explanation: TExplanation };

/**
 * HO-1: an account whose holder still holds open items is disabled only after a completed handover, or with the
 * general manager's override (given with a reason, audited).
 */
export function disableDecision(f: { open: THoldingCounts; completedHandover: boolean; override: boolean }): TDisableDecision {
  const n = total(f.open);
  const inputs = { open: f.open, completedHandover: f.completedHandover, override: f.override };
  const allow = (by: 'nothingHeld' | 'handover' | 'override', zh: string, en: string): TDisableDecision => ({
    allowed: true,
    by,
    explanation: explain({ ruleId: 'HO-1', policyVersion: null, inputs, result: { allowed: true, by }, zh, en }),
  });
  if (n === 0) return allow('nothingHeld', '名下没有未移交事项，可停用', 'nothing is held, the account may be disabled');
  if (f.completedHandover) return allow('handover', '交接已完成并签字，可停用', 'the handover is complete and signed');
  if (f.override) return allow('override', '总经理已批准未完成交接即停用', 'the general manager allowed disabling without a handover');
  const counts = Object.fromEntries(Object.entries(f.open).filter(([, v]) => (v ?? 0) > 0)) as THoldingCounts;
  return {
    allowed: false,
    open: n,
    counts,
    explanation: explain({
      ruleId: 'HO-1',
      policyVersion: null,
      inputs,
      result: { allowed: false },
      zh: `名下尚有 ${n} 项未移交（${listOf(f.open, 'zh')}），须先完成交接或由总经理批准`,
      en: `${n} items still held (${listOf(f.open, 'en')}); complete a handover first or ask the general manager for an override`,
    }),
  };
}

/** Both languages of the counts, for a reason's parameters ("服务请求 2 项、项目 1 项" / "2 service requests, 1 projects"). */
export const countsText = (counts: THoldingCounts) => ({ 'zh-CN': listOf(counts, 'zh'), en: listOf(counts, 'en') });
