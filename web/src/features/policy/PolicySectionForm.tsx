import { type TPolicy, policyCapabilityPending, policySectionPending } from '@techserve/core';
import { Alert, Col, Flex, Form, Row, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PolicyFieldInput } from './PolicyFieldInput';
import { type TPolicySection, choiceOptions, policyFormRows } from './policyFormRows';

/** A section of the policy as a form generated from the field metadata: label, rule id, regulation text, input. */
export function PolicySectionForm({
  document,
  section,
  editable,
  errors,
  onChange,
}: {
  document: TPolicy;
  section: TPolicySection;
  editable: boolean;
  errors: Map<string, string[]>;
  onChange: (path: string, value: string | number | boolean | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const rows = useMemo(() => policyFormRows(document, section), [document, section]);
  // Issue 17 item 2: settings no code reads yet are shown as such and cannot be edited.
  const sectionPending = policySectionPending(section);
  return (
    <Form layout="vertical" component="div" data-testid={`policy-section-${section}`}>
      {sectionPending && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('policy.pendingSection', { name: sectionPending.name[lang] })}
          data-testid="policy-section-pending"
        />
      )}
      <Row gutter={[16, 0]}>
        {rows.map((row) => {
          const fieldErrors = errors.get(row.path);
          const regulation = row.meta.regulation[lang];
          const pending = policyCapabilityPending(row.path);
          return (
            <Col key={row.path} xs={24} md={12} xxl={8}>
              <Form.Item
                labelCol={{ style: { maxWidth: '100%', overflow: 'hidden' } }}
                htmlFor={`policy-${row.path}`}
                validateStatus={fieldErrors ? 'error' : undefined}
                help={fieldErrors?.join('; ')}
                extra={
                  regulation ? (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: regulation }} style={{ fontSize: 12, maxWidth: '100%' }}>
                      {regulation}
                    </Typography.Text>
                  ) : undefined
                }
                label={
                  <Tooltip
                    placement="topLeft"
                    title={
                      <>
                        <div>{row.meta.label[lang]}</div>
                        {regulation && <div style={{ opacity: 0.85 }}>{regulation}</div>}
                      </>
                    }
                  >
                    <Flex gap={4} align="center" style={{ minWidth: 0, maxWidth: '100%' }}>
                      {row.meta.ruleId && (
                        <Tag color="geekblue" style={{ marginInlineEnd: 0, flex: 'none' }}>
                          {row.meta.ruleId}
                        </Tag>
                      )}
                      {pending && !sectionPending && (
                        <Tooltip title={t('policy.pendingFieldHint', { name: pending.name[lang] })}>
                          <Tag style={{ marginInlineEnd: 0, flex: 'none' }} data-testid="policy-field-pending">
                            {t('policy.pendingField')}
                          </Tag>
                        </Tooltip>
                      )}
                      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}>
                        {row.meta.label[lang]}
                        {row.context.length > 0 && <Typography.Text type="secondary"> · {row.context.join(' · ')}</Typography.Text>}
                      </span>
                    </Flex>
                  </Tooltip>
                }
              >
                <PolicyFieldInput
                  id={`policy-${row.path}`}
                  unit={row.meta.unit}
                  value={row.value}
                  options={row.meta.unit === 'choice' ? choiceOptions(document, row.path) : undefined}
                  disabled={!editable || pending !== null}
                  onChange={(value) => onChange(row.path, value)}
                />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </Form>
  );
}
