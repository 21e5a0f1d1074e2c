import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, Button, Form, Input } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/initI18n';
import { ApiError, createQueryClient } from './client';
import { useApiError } from './useApiError';

type Body = ConstructorParameters<typeof ApiError>[1];

/** A form with the fields the errors name, and a button that shows `error` through the one API error hook. */
function Harness({ error, localize }: { error: ApiError; localize?: (e: ApiError) => ApiError }) {
  const [form] = Form.useForm();
  const show = useApiError({ localize });
  return (
    <Form form={form}>
      <Form.Item name="customerId" label="customer">
        <Input />
      </Form.Item>
      <Form.Item name="siteId" label="site">
        <Input />
      </Form.Item>
      <Form.Item name="title" label="title">
        <Input />
      </Form.Item>
      <Button onClick={() => show(error, form)}>go</Button>
    </Form>
  );
}

function showError(status: number, body: Body, localize?: (e: ApiError) => ApiError) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <App>
        <Harness error={new ApiError(status, body)} localize={localize} />
      </App>
    </QueryClientProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'go' }));
}

const fieldErrors = () => [...document.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('useApiError: errors without a rule id in the UI language', () => {
  it('says "no such customer" in Chinese, in the message and at the field', async () => {
    showError(422, {
      code: 'invalid_value',
      message: 'body.customerId: no such customer',
      details: [{ path: 'body.customerId', message: 'no such customer' }],
    });
    expect(await screen.findByText('填写的内容不符合要求，请检查标出的字段：客户不存在（或不在您的查看范围内）')).toBeTruthy();
    await waitFor(() => expect(fieldErrors()).toEqual(['不存在（或不在您的查看范围内）']));
    expect(screen.queryByText(/no such customer/)).toBeNull();
  });

  it('says "does not belong to this customer" in Chinese', async () => {
    showError(422, {
      code: 'invalid_value',
      message: 'body.siteId: does not belong to this customer',
      details: [{ path: 'body.siteId', message: 'does not belong to this customer' }],
    });
    expect(await screen.findByText('填写的内容不符合要求，请检查标出的字段：现场地点不属于该客户')).toBeTruthy();
    await waitFor(() => expect(fieldErrors()).toEqual(['不属于该客户']));
  });

  it('says a generic 400 validation failure and zod’s messages in Chinese', async () => {
    showError(400, {
      code: 'validation_failed',
      message:
        'Invalid request: body.title: Invalid input: expected string, received undefined; body.customerId: Invalid input: expected number, received string',
      details: [
        { path: 'body.title', message: 'Invalid input: expected string, received undefined' },
        { path: 'body.customerId', message: 'Invalid input: expected number, received string' },
      ],
    });
    expect(await screen.findByText('提交的内容有误，请检查标出的字段：标题必填；客户格式不正确')).toBeTruthy();
    await waitFor(() => expect(fieldErrors().sort()).toEqual(['格式不正确', '必填'].sort()));
    expect(screen.queryByText(/Invalid/)).toBeNull();
  });

  it('names what was not found in Chinese', async () => {
    showError(404, { code: 'not_found', message: 'Travel request not found' });
    expect(await screen.findByText('找不到出差申请（可能已被删除，或不在您的查看范围内）')).toBeTruthy();
  });

  it('says a 403 in Chinese', async () => {
    showError(403, { code: 'forbidden', message: 'This needs the permission "travel.finance"' });
    expect(await screen.findByText('您没有执行此操作的权限')).toBeTruthy();
  });

  it('says a step no longer legal (409) in Chinese', async () => {
    showError(409, { code: 'illegal_transition', message: 'A submitted claim cannot be paid' });
    expect(await screen.findByText('当前状态下不能执行此操作（可能已被他人处理），已重新加载')).toBeTruthy();
  });

  it('keeps the server’s text where it knows no translation (an unknown code, an unknown detail)', async () => {
    showError(418, {
      code: 'teapot',
      message: 'I am a teapot',
      details: [{ path: 'body.title', message: 'must be one of the policy’s handover documents: A' }],
    });
    expect(await screen.findByText('I am a teapot')).toBeTruthy();
    await waitFor(() => expect(fieldErrors()).toEqual(['must be one of the policy’s handover documents: A']));
  });

  it('leaves a rule refusal to the feature’s localize, with its rule id', async () => {
    const localize = (e: ApiError) =>
      new ApiError(e.status, { code: e.code, ruleId: e.ruleId, message: '项目责任书批准后才能预支', details: [] });
    showError(422, { code: 'rule_violation', ruleId: 'FS-3', message: 'FS-3: the letter is not approved' }, localize);
    expect(await screen.findByText('项目责任书批准后才能预支（规则 FS-3）')).toBeTruthy();
  });

  it('in English shows the server’s exact message and field messages', async () => {
    await i18n.changeLanguage('en');
    showError(422, {
      code: 'invalid_value',
      message: 'body.customerId: no such customer',
      details: [{ path: 'body.customerId', message: 'no such customer' }],
    });
    expect(await screen.findByText('body.customerId: no such customer')).toBeTruthy();
    await waitFor(() => expect(fieldErrors()).toEqual(['no such customer']));
  });
});
