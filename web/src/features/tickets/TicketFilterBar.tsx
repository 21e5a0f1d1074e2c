import { PRIORITIES, TICKET_STATES } from '@techserve/core';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { CustomerSelect } from './CustomerSelect';
import type { TTicketFilters } from './ticketFilters';
import './i18n';

/** The list's filters: search (server-side, Chinese segmentation), states, priorities, SLA, customer, mine/unassigned. */
export function TicketFilterBar({
  filters,
  onChange,
  customerSide,
  customerName,
}: {
  filters: TTicketFilters;
  onChange: (next: TTicketFilters) => void;
  customerSide: boolean;
  /** The name of the filtered customer when known (from the rows), for the picker's label. */
  customerName?: string;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [search, setSearch] = useState(filters.q ?? '');
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  const set = (patch: Partial<TTicketFilters>) => onChange({ ...filters, ...patch });
  const active = Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value)));

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="ticket-filters">
      <Input.Search
        allowClear
        aria-label={t('common.search')}
        placeholder={t('tickets.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(value) => set({ q: value.trim() || undefined })}
        style={{ width: 300, maxWidth: '100%' }}
        data-testid="ticket-search"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('tickets.allStates')}
        aria-label={t('tickets.state')}
        value={filters.state ?? []}
        onChange={(state) => set({ state })}
        options={TICKET_STATES.map((state) => ({ value: state, label: t(`tickets.state_${state}`) }))}
        style={{ minWidth: 160, maxWidth: '100%' }}
        data-testid="filter-state"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('tickets.allPriorities')}
        aria-label={t('tickets.priority')}
        value={filters.priority ?? []}
        onChange={(priority) => set({ priority })}
        options={PRIORITIES.map((priority) => ({ value: priority, label: priority }))}
        style={{ minWidth: 140 }}
        data-testid="filter-priority"
      />
      {!customerSide && (
        <Select
          allowClear
          placeholder={t('tickets.slaFilter')}
          aria-label={t('tickets.slaFilter')}
          value={filters.sla}
          onChange={(sla) => set({ sla })}
          options={(['breached', 'near_breach', 'on_track'] as const).map((sla) => ({ value: sla, label: t(`tickets.sla_${sla}`) }))}
          style={{ width: 130 }}
          data-testid="filter-sla"
        />
      )}
      {!customerSide && can('customers.read') && (
        <CustomerSelect
          value={filters.customerId}
          knownName={customerName}
          onChange={(customerId) => set({ customerId })}
          placeholder={t('tickets.customerFilter')}
          style={{ width: 220, maxWidth: '100%' }}
          testId="filter-customer"
        />
      )}
      {!customerSide && (
        <>
          <Checkbox
            checked={Boolean(filters.mine)}
            onChange={(event) => set({ mine: event.target.checked || undefined })}
            data-testid="filter-mine"
          >
            {t('tickets.mine')}
          </Checkbox>
          <Checkbox
            checked={Boolean(filters.unassigned)}
            onChange={(event) => set({ unassigned: event.target.checked || undefined })}
            data-testid="filter-unassigned"
          >
            {t('tickets.onlyUnassigned')}
          </Checkbox>
        </>
      )}
      {active && (
        <Button type="link" onClick={() => onChange({})} data-testid="filter-clear">
          {t('tickets.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}
