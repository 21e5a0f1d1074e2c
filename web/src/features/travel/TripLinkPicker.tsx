import type { TTravelLink } from '@techserve/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { localizeByReason } from '../../api/localizeByReason';
import { useDebounced } from '../../shared/useDebounced';
import './i18n';

const keyOf = (link: TTravelLink) => `${link.kind}:${link.id}`;

/**
 * FS-3: the letter (ZR-000002) or service request (SR-…) a trip serves, picked by typing the number people see. The
 * server offers only what the traveller may link to; a number typed in full and left without picking is looked up
 * exactly, and an unknown one is said under the field (never silently dropped).
 */
export function TripLinkPicker({
  id,
  value,
  onChange,
  onProblem,
}: {
  id?: string;
  value?: TTravelLink | null;
  onChange?: (link: TTravelLink | null) => void;
  /** Why the typed number is not (yet) a link — while it is looked up, or when there is no such one; null once it is. */
  onProblem?: (problem: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [problem, setProblemState] = useState<string | null>(null);
  const setProblem = (text: string | null) => {
    setProblemState(text);
    onProblem?.(text);
  };
  const typed = useRef('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['travel', 'links', q] as const,
    queryFn: ({ signal }) => api<{ items: TTravelLink[] }>('/travel-links', { query: { q }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = q ? (found.data?.items ?? []) : [];
  const shown = value && !items.some((l) => keyOf(l) === keyOf(value)) ? [value, ...items] : items;
  const choose = (link: TTravelLink | null) => {
    typed.current = '';
    setProblem(null);
    onChange?.(link);
  };
  // A number typed in full but not picked: look it up exactly, and say so when there is no such one.
  const resolveTyped = async () => {
    const text = typed.current.trim();
    if (!text) return;
    typed.current = '';
    const match = items.find((l) => l.number.toUpperCase() === text.toUpperCase());
    if (match) return choose(match);
    setProblem(t('travel.linkChecking'));
    try {
      choose(await api<TTravelLink>(`/travel-links/${encodeURIComponent(text)}`));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(localizeByReason(error, i18n.language === 'en' ? 'en' : 'zh-CN')?.message ?? error.message);
    }
  };
  return (
    <>
      <Select<string>
        id={id}
        showSearch={{
          filterOption: false,
          onSearch: (text) => {
            setSearch(text);
            if (text) typed.current = text;
            setProblem(null);
          },
        }}
        allowClear
        value={value ? keyOf(value) : undefined}
        placeholder={t('travel.linkPlaceholder')}
        status={problem ? 'warning' : undefined}
        loading={found.isFetching}
        notFoundContent={q ? t('travel.linkNone') : t('travel.linkHint')}
        options={shown.map((l) => ({
          value: keyOf(l),
          label: `${l.number} ${l.title}`,
          title: t(`travel.linkKind_${l.kind}`),
        }))}
        onChange={(key) => choose(shown.find((l) => keyOf(l) === key) ?? null)}
        onInputKeyDown={(e) => {
          if (e.key === 'Enter' && items.length === 0) void resolveTyped();
        }}
        onBlur={() => void resolveTyped()}
        data-testid="trip-link"
      />
      {problem && !onProblem && (
        <Typography.Text type="danger" data-testid="trip-link-problem">
          {problem}
        </Typography.Text>
      )}
    </>
  );
}
