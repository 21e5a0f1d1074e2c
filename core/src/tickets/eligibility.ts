import { explain, formatMoneyFen, type TExplanation } from '../explanation';
import type { TPolicy } from '../policy/schema';

export type TEligibility = 'warranty' | 'contract' | 'chargeable';
export type TContractCoverage = 'business' | '24x7';

/** A level as people read it (its policy name, 「高级」 / "Premium"); the id itself is an internal word (issue 12 item 7). */
function levelName(policy: TPolicy, levelId: string) {
  const level = policy.sla.levels.find((l) => l.id === levelId);
  return { zh: level?.name['zh-CN'] ?? levelId, en: level?.name.en ?? levelId };
}

const COVERAGE_TEXT: Record<TContractCoverage, { zh: string; en: string }> = {
  business: { zh: '工作时间服务', en: 'business-hours service' },
  '24x7': { zh: '7×24 小时服务', en: '24×7 service' },
};

export interface EligibilityInput {
  /** CU-2: the installed product's warranty on the request's date; null when no product is named. */
  warranty: { status: 'in_warranty' | 'expired' | 'unknown'; lastDay: string | null } | null;
  /** CU-4: the customer's contract active on the request's date, if any. */
  contract: { number: string; slaLevelId: string; endsOn: string; coverage: TContractCoverage } | null;
  policy: TPolicy;
  policyVersion: number | null;
}

export interface TEligibilityResult {
  eligibility: TEligibility;
  /** SLA-1/2: the service level the request runs on. */
  slaLevelId: string;
  /** CU-4: the contract's coverage, which decides the request's SLA clock (24×7 or business hours); null: the level's own. */
  coverage: TContractCoverage | null;
  explanation: TExplanation;
}

/**
 * SR-3 / CU-3: is the request covered, and which SLA level applies? A service contract covers it with its own
 * level (CU-4); otherwise equipment under warranty is served free on the warranty level (CU-2, SLA-2: 24-hour
 * support); otherwise the work is chargeable at the policy's out-of-warranty fee (CU-3), on the default level,
 * and the explanation is what the customer is told.
 */
export function evaluateEligibility(input: EligibilityInput): TEligibilityResult {
  const { policy, policyVersion, contract, warranty } = input;
  const sla = policy.sla;
  if (contract) {
    const coverage = COVERAGE_TEXT[contract.coverage];
    const level = levelName(policy, contract.slaLevelId);
    return {
      eligibility: 'contract',
      slaLevelId: contract.slaLevelId,
      coverage: contract.coverage,
      explanation: explain({
        ruleId: 'CU-4',
        policyVersion,
        inputs: { contract: contract.number, contractEndsOn: contract.endsOn, coverage: contract.coverage, warranty },
        result: { eligibility: 'contract', slaLevelId: contract.slaLevelId, coverage: contract.coverage },
        zh: `服务合同 ${contract.number}（有效至 ${contract.endsOn}，${coverage.zh}）覆盖本请求，按合同服务级别「${level.zh}」处理，SLA 按${coverage.zh}计时`,
        en: `service contract ${contract.number} (valid until ${contract.endsOn}, ${coverage.en}) covers this request; service level "${level.en}", its clocks run on ${coverage.en}`,
      }),
    };
  }
  if (warranty?.status === 'in_warranty') {
    const level = levelName(policy, sla.warranty.levelId);
    return {
      eligibility: 'warranty',
      slaLevelId: sla.warranty.levelId,
      coverage: null,
      explanation: explain({
        ruleId: 'CU-2',
        policyVersion,
        inputs: { warranty },
        result: { eligibility: 'warranty', slaLevelId: sla.warranty.levelId },
        zh: `设备在质保期内（至 ${warranty.lastDay}），免费维修，服务级别「${level.zh}」`,
        en: `the equipment is under warranty (until ${warranty.lastDay}): free repair, service level "${level.en}"`,
      }),
    };
  }
  const fee = sla.outOfWarranty;
  const why =
    warranty?.status === 'expired'
      ? {
          zh: `质保已于 ${warranty.lastDay} 到期且无有效服务合同`,
          en: `the warranty ended on ${warranty.lastDay} and there is no active service contract`,
        }
      : warranty
        ? {
            zh: '设备质保信息不全（无验收日期）且无有效服务合同',
            en: 'the equipment has no acceptance date on file and there is no active service contract',
          }
        : { zh: '未指定设备且无有效服务合同', en: 'no equipment named and no active service contract' };
  const parts = fee.partsChargedExtra ? { zh: '，配件另计', en: ', parts extra' } : { zh: '', en: '' };
  return {
    eligibility: 'chargeable',
    slaLevelId: sla.defaultLevelId,
    coverage: null,
    explanation: explain({
      ruleId: 'CU-3',
      policyVersion,
      inputs: { warranty, contract: null },
      result: { eligibility: 'chargeable', minimumFeeFen: fee.minimumFeeFen, suggestedMaximumFeeFen: fee.suggestedMaximumFeeFen },
      zh: `${why.zh}：有偿服务，成本费 ${formatMoneyFen(fee.minimumFeeFen, 'zh-CN')} 起（建议不超过 ${formatMoneyFen(fee.suggestedMaximumFeeFen, 'zh-CN')}）${parts.zh}，由销售与部门负责人与客户商定`,
      en: `${why.en}: chargeable, cost fee from ${formatMoneyFen(fee.minimumFeeFen, 'en')} (suggested up to ${formatMoneyFen(fee.suggestedMaximumFeeFen, 'en')})${parts.en}, agreed with the customer by sales and the department head`,
    }),
  };
}
