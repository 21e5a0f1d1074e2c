import { SearchOutlined } from '@ant-design/icons';
import type { TSearchKind } from '@techserve/core';
import { Button, Empty, Input, type InputRef, List, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hitPath, useGlobalSearch } from './useGlobalSearch';
import './i18n';

type Row = { kind: TSearchKind; id: number; label: string; detail: string | null };

/**
 * Issue 12 item 8: the header's search box and the Ctrl+K (⌘K) dialog. Results come grouped (requests, customers,
 * letters, users); ↑/↓ move through all of them, Enter opens the chosen one.
 */
export function GlobalSearch({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  const { q, result, loading } = useGlobalSearch(text);
  const rows: Row[] = useMemo(() => (result?.groups ?? []).flatMap((g) => g.items.map((h) => ({ kind: g.kind, ...h }))), [result]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => setActive(0), [result]);

  const go = (row: Row | undefined) => {
    if (!row) return;
    setOpen(false);
    setText('');
    navigate(hitPath(row.kind, row.id, row.detail ?? row.label));
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, rows.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') go(rows[active]);
    else return;
    event.preventDefault();
  };

  let index = -1;
  return (
    <>
      {compact ? (
        <Button
          type="text"
          icon={<SearchOutlined />}
          aria-label={t('search.open')}
          onClick={() => setOpen(true)}
          data-testid="search-open"
        />
      ) : (
        <Button onClick={() => setOpen(true)} data-testid="search-open" style={{ minWidth: 220, justifyContent: 'space-between' }}>
          <span>
            <SearchOutlined /> {t('search.open')}
          </span>
          {/* The key names are the keyboard's, the same in every language. */}
          <Typography.Text type="secondary" keyboard>
            Ctrl K
          </Typography.Text>
        </Button>
      )}
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={<Typography.Text type="secondary">{t('search.hint')}</Typography.Text>}
        closable={false}
        width={640}
        afterOpenChange={(visible) => visible && input.current?.focus()}
        destroyOnHidden
        data-testid="search-dialog"
      >
        <Input
          ref={input}
          size="large"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          maxLength={100}
          aria-label={t('search.open')}
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls="search-results"
          aria-activedescendant={rows[active] ? `search-hit-${active}` : undefined}
          data-testid="search-input"
        />
        <div id="search-results" role="listbox" style={{ maxHeight: '60vh', overflowY: 'auto', marginTop: 12 }}>
          {!q && <Typography.Text type="secondary">{t('search.tooShort')}</Typography.Text>}
          {q && loading && !result && <Spin />}
          {q && result && rows.length === 0 && <Empty description={t('search.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          {result?.groups
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <List
                key={g.kind}
                size="small"
                header={<Typography.Text strong>{t(`search.group_${g.kind}`)}</Typography.Text>}
                dataSource={g.items}
                data-testid={`search-group-${g.kind}`}
                renderItem={(hit) => {
                  index += 1;
                  const i = index;
                  return (
                    <List.Item
                      id={`search-hit-${i}`}
                      role="option"
                      aria-selected={i === active}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => go(rows[i])}
                      style={{ cursor: 'pointer', paddingInline: 8, background: i === active ? 'rgba(22,119,255,0.08)' : undefined }}
                      data-testid="search-hit"
                    >
                      <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        {hit.label}
                      </span>
                      {hit.detail && <Tag>{hit.detail}</Tag>}
                    </List.Item>
                  );
                }}
              />
            ))}
        </div>
      </Modal>
    </>
  );
}
