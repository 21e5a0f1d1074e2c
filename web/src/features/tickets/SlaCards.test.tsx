import { explain } from '@techserve/core';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { ticketFixture } from './fixtures';
import { SlaCards } from './SlaCards';

const withMode = (calendarMode: 'business' | '24x7') => {
  const { sla } = ticketFixture();
  const explanation = explain({ ruleId: 'SLA-2', policyVersion: 3, inputs: { calendarMode }, result: {}, zh: '说明', en: 'why' });
  return { ...sla, firstResponse: { ...sla.firstResponse, explanation }, resolution: { ...sla.resolution, explanation } };
};

// Issue 12 item 15: the time left is working time on a business clock and wall-clock time on a 24×7 one (CU-4).
describe('SlaCards', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('says working time on a business-hours clock', () => {
    render(<SlaCards sla={withMode('business')} />);
    expect(screen.getByTestId('sla-firstResponse').textContent).toContain('（工作时间）');
  });

  it('does not say working time on a 24×7 clock, in either language', async () => {
    render(<SlaCards sla={withMode('24x7')} />);
    expect(screen.getByTestId('sla-firstResponse').textContent).toContain('（7×24 小时）');
    expect(screen.getByTestId('sla-firstResponse').textContent).not.toContain('工作时间');
    await i18n.changeLanguage('en');
    expect(screen.getByTestId('sla-resolution').textContent).toContain('(24×7)');
  });

  it('SLA-2: shows a resolution clock waiting for the solution as not started, with its target, in both languages', async () => {
    const sla = withMode('business');
    const notStarted = { ...sla, resolution: { ...sla.resolution, state: 'not_started' as const, metAt: null, targetMinutes: 2880 } };
    render(<SlaCards sla={notStarted} />);
    const card = screen.getByTestId('sla-resolution');
    expect(card.dataset.state).toBe('not_started');
    expect(card.textContent).toContain('未开始');
    expect(card.textContent).toContain('自提出解决方案起计时');
    await i18n.changeLanguage('en');
    expect(screen.getByTestId('sla-resolution').textContent).toContain('Counts from the moment a solution is offered');
  });
});
