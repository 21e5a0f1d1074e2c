import { explain } from '@techserve/core';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { viewportWidth } from '../../test/viewportWidth';
import { AllowanceTable } from './AllowanceTable';

const lines = [
  {
    kind: 'technicalGuidance' as const,
    days: 3,
    rateFen: 12000,
    amountFen: 36000,
    explanation: explain({
      ruleId: 'TR-3',
      policyVersion: 4,
      inputs: {},
      result: 36000,
      zh: '省外技术指导 120 元/天 × 3 天（不含出发和返回日） = 360 元',
      en: 'technical guidance out of province ¥120/day × 3 day(s) = ¥360',
    }),
  },
  {
    kind: 'beyondItinerary' as const,
    days: 2,
    rateFen: 0,
    amountFen: 0,
    explanation: explain({
      ruleId: 'TR-1',
      policyVersion: 4,
      inputs: {},
      result: 0,
      zh: '行程外 2 天未经批准，不予补助',
      en: '2 day(s) beyond the itinerary were not approved: no allowance',
    }),
  },
];

const render = () =>
  renderAs(<AllowanceTable lines={lines} totalFen={36000} note="按行程预计" />, { path: '/x', url: '/x', permissions: ['travel.request'] });

const jsdomMatchMedia = window.matchMedia;
beforeEach(() => viewportWidth(1280));
afterEach(async () => {
  Object.defineProperty(window, 'matchMedia', { writable: true, configurable: true, value: jsdomMatchMedia });
  await i18n.changeLanguage('zh-CN');
});

describe('AllowanceTable (TR-1/TR-3)', () => {
  it('on a wide screen shows a table: each line with its amount, rule id, policy version and explanation, and the total', () => {
    render();
    const table = screen.getByTestId('allowance-table');
    expect(within(table).getByText('技术指导补助')).toBeTruthy();
    expect(within(table).getByText('行程外天数')).toBeTruthy();
    expect(screen.getAllByTestId('allowance-amount').map((e) => e.textContent)).toEqual(['360 元', '0 元']);
    const explanations = screen.getAllByTestId('explanation');
    expect(explanations[0].textContent).toContain('TR-3');
    expect(explanations[0].textContent).toContain('省外技术指导 120 元/天 × 3 天');
    expect(explanations[1].textContent).toContain('TR-1');
    expect(screen.getByTestId('allowance-total').textContent).toContain('360 元');
    expect(screen.getByTestId('allowance-total').textContent).toContain('按行程预计');
  });

  it('switches to English amounts and sentences', async () => {
    await i18n.changeLanguage('en');
    render();
    expect(screen.getAllByTestId('allowance-amount')[0].textContent).toBe('¥360');
    expect(screen.getByText('Technical guidance')).toBeTruthy();
    expect(screen.getAllByTestId('explanation')[0].textContent).toContain('technical guidance out of province');
  });

  it('TR-3 on a phone (390 px) shows each line as a card — kind, amount, days × rate, explanation — and no sideways-scrolling table', () => {
    viewportWidth(390);
    render();
    expect(screen.queryByTestId('allowance-table')).toBeNull();
    const cards = screen.getAllByTestId('allowance-line');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByText('技术指导补助')).toBeTruthy();
    expect(within(cards[0]).getByTestId('allowance-amount').textContent).toBe('360 元');
    expect(within(cards[0]).getByTestId('allowance-days-rate').textContent).toBe('天数 3 · 标准 120 元');
    expect(within(cards[0]).getByTestId('explanation').textContent).toContain('TR-3');
    expect(within(cards[0]).getByTestId('explanation').textContent).toContain('第 4 版');
    expect(within(cards[1]).getByText('行程外天数')).toBeTruthy();
    expect(within(screen.getByTestId('allowance-list')).getByTestId('allowance-total').textContent).toContain('360 元');
  });

  it('TR-3 on a phone in English', async () => {
    viewportWidth(390);
    await i18n.changeLanguage('en');
    render();
    const cards = screen.getAllByTestId('allowance-line');
    expect(within(cards[0]).getByText('Technical guidance')).toBeTruthy();
    expect(within(cards[0]).getByTestId('allowance-amount').textContent).toBe('¥360');
    expect(within(cards[0]).getByTestId('explanation').textContent).toContain('technical guidance out of province');
  });
});
