import { type TPolicy, defaultPolicy } from '@techserve/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import './i18n';
import { PolicySectionForm } from './PolicySectionForm';
import { choiceOptions, dotPathOf, policyErrors, policyFormRows, serverErrors, setValueAtPath } from './policyFormRows';

const FINE = 'appraisal.schemeB.engineer.fines.eachPoorRating';
const ALLOWANCE = 'travel.newEmployeeDailyFen';

describe('policy form rows', () => {
  it('lists every editable leaf of a section with its rule id, skipping item ids', () => {
    const rows = policyFormRows(defaultPolicy(), 'appraisal');
    const fine = rows.find((r) => r.path === FINE);
    expect(fine).toMatchObject({ value: 5000, meta: { ruleId: 'AP-8', unit: 'fen' } });
    expect(rows.some((r) => r.path.endsWith('.id'))).toBe(false);
    const weight = rows.find((r) => r.path === 'appraisal.schemeA.items.attitude.children.loyalty.weight');
    expect(weight?.context).toEqual(['attitude', 'loyalty']);
  });

  it('sets a leaf by item id without changing the original', () => {
    const original = defaultPolicy();
    const changed = setValueAtPath(original, 'appraisal.schemeA.items.workload.weight', 35);
    expect(changed.appraisal.schemeA.items.find((i) => i.id === 'workload')?.weight).toBe(35);
    expect(original.appraisal.schemeA.items.find((i) => i.id === 'workload')?.weight).toBe(30);
  });

  it('puts the weights-do-not-sum problem at the items path, in ids', () => {
    const changed = setValueAtPath(defaultPolicy(), 'appraisal.schemeA.items.workload.weight', 35);
    const errors = policyErrors(changed);
    expect([...errors.keys()]).toContain('appraisal.schemeA.items');
    expect(policyErrors(defaultPolicy()).size).toBe(0);
    const index = changed.appraisal.schemeA.items.findIndex((i) => i.id === 'attitude');
    expect(dotPathOf(changed, ['appraisal', 'schemeA', 'items', index, 'weight'])).toBe('appraisal.schemeA.items.attitude.weight');
    const fromServer = serverErrors(changed, [{ path: `body.document.appraisal.schemeA.items.${index}.children`, message: 'AP-3' }]);
    expect([...fromServer.keys()]).toEqual(['appraisal.schemeA.items.attitude.children']);
  });

  it('reads choice options from the shared schema', () => {
    const policy = defaultPolicy();
    expect(choiceOptions(policy, 'sla.levels.standard.calendarMode')).toEqual(['business', '24x7']);
    expect(choiceOptions(policy, 'sla.defaultLevelId')).toEqual(policy.sla.levels.map((l) => l.id));
  });
});

describe('PolicySectionForm', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  function renderSection(document: TPolicy, editable: boolean, errors = new Map<string, string[]>(), section: 'travel' | 'pay' = 'travel') {
    const onChange = vi.fn();
    render(<PolicySectionForm document={document} section={section} editable={editable} errors={errors} onChange={onChange} />);
    return onChange;
  }

  it('shows money in yuan with the rule id and stores fen on change', () => {
    const onChange = renderSection(defaultPolicy(), true);
    const input = document.getElementById(`policy-${ALLOWANCE}`) as HTMLInputElement;
    expect(input.value).toBe('60.00');
    const item = input.closest('.ant-form-item') as HTMLElement;
    expect(within(item).getByText('New employee allowance (per day)')).toBeTruthy();
    expect(within(item).getByText('TR-3')).toBeTruthy();
    expect(within(item).getAllByText('New employees 60 yuan/day, no commission').length).toBeGreaterThan(0);
    fireEvent.change(input, { target: { value: '80' } });
    expect(onChange).toHaveBeenCalledWith(ALLOWANCE, 8000);
  });

  it('labels fields in Chinese when the language is zh-CN', async () => {
    await i18n.changeLanguage('zh-CN');
    renderSection(defaultPolicy(), true);
    expect(screen.getAllByText('新员工出差补贴（每天）').length).toBe(1);
  });

  it('disables every input of a published version', () => {
    renderSection(defaultPolicy(), false);
    const input = document.getElementById(`policy-${ALLOWANCE}`) as HTMLInputElement;
    expect(input.disabled).toBe(true);
  });

  // Issue 17 item 2: a setting no code reads yet says so and cannot be edited, even in a draft.
  it('marks a setting nothing reads yet and keeps it read-only in a draft', () => {
    renderSection(defaultPolicy(), true);
    const phone = document.getElementById('policy-travel.phoneMonthlyFen') as HTMLInputElement;
    expect(phone.disabled).toBe(true);
    expect(within(phone.closest('.ant-form-item') as HTMLElement).getByTestId('policy-field-pending').textContent).toBe('Not in use yet');
    expect((document.getElementById(`policy-${ALLOWANCE}`) as HTMLInputElement).disabled).toBe(false);
  });

  // PAY-3/PAY-3b: the welder grade-ups and probation assessments are read now, so no pay setting waits for a feature.
  it('in the pay section, keeps every setting editable (grade-ups and probation included), in Chinese too', async () => {
    await i18n.changeLanguage('zh-CN');
    renderSection(defaultPolicy(), true, new Map(), 'pay');
    expect(screen.queryByTestId('policy-section-pending')).toBeNull();
    expect((document.getElementById('policy-pay.levelUp.minMonths') as HTMLInputElement).disabled).toBe(false);
    expect(screen.queryAllByTestId('policy-field-pending')).toEqual([]);
    expect((document.getElementById('policy-pay.guaranteedMinimumFen') as HTMLInputElement).disabled).toBe(false);
    expect((document.getElementById('policy-pay.rankingBonus.baseFen') as HTMLInputElement).disabled).toBe(false);
  });

  it('shows an error next to its field', () => {
    renderSection(defaultPolicy(), true, new Map([[ALLOWANCE, ['Too small: expected number to be >=0']]]));
    expect(screen.getByText('Too small: expected number to be >=0')).toBeTruthy();
  });
});
