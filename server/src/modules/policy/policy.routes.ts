import {
  ZOk,
  ZPolicy,
  ZPolicyDiff,
  ZPolicyDiffQuery,
  ZPolicyDraftCreate,
  ZPolicyDraftUpdate,
  ZPolicyFieldList,
  ZPolicyImport,
  ZPolicyInForce,
  ZPolicyInForceQuery,
  ZPolicyNumberParams,
  ZPolicyPresetGroups,
  ZPolicyApprove,
  ZPolicyPublish,
  ZPolicyReject,
  ZPolicyVersionDetail,
  ZPolicyVersionList,
  policyFields,
  policyPresets,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import {
  createPolicyDraft,
  deletePolicyDraft,
  diffPolicyVersions,
  getPolicyInForce,
  getPolicyVersion,
  importPolicy,
  listPolicyVersions,
  approvePolicyVersion,
  rejectPolicyVersion,
  submitPolicyVersion,
  updatePolicyDraft,
} from './policy.service';

export function policyRoutes(app: App) {
  const tags = ['policy'];
  const read = { permission: 'policy.read' as const };
  const manage = { permission: 'policy.manage' as const };
  const approve = { permission: 'policy.approve' as const };

  app.get(
    '/policy/versions',
    { schema: { tags, summary: 'Policy versions, newest first', response: { 200: ZPolicyVersionList } }, config: read },
    async (req) => ({ items: await listPolicyVersions(req.ctx()) }),
  );
  app.get(
    '/policy/versions/:number',
    {
      schema: {
        tags,
        summary: 'One policy version with its document',
        params: ZPolicyNumberParams,
        response: { 200: ZPolicyVersionDetail },
      },
      config: read,
    },
    (req) => getPolicyVersion(req.ctx().db, req.params.number),
  );
  app.get(
    '/policy/in-force',
    {
      schema: {
        tags,
        summary: 'The policy in force on a company-local date',
        querystring: ZPolicyInForceQuery,
        response: { 200: ZPolicyInForce },
      },
      config: read,
    },
    (req) => getPolicyInForce(req.ctx(), req.query.date),
  );
  app.post(
    '/policy/versions',
    {
      schema: {
        tags,
        summary: 'Create a draft copying a version (default: the one in force today)',
        body: ZPolicyDraftCreate,
        response: { 201: ZPolicyVersionDetail },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await createPolicyDraft(req.ctx(), req.body)),
  );
  app.patch(
    '/policy/versions/:number',
    {
      schema: {
        tags,
        summary: 'Edit a draft (send the version you read); published versions never change',
        params: ZPolicyNumberParams,
        body: ZPolicyDraftUpdate,
        response: { 200: ZPolicyVersionDetail },
      },
      config: manage,
    },
    (req) => updatePolicyDraft(req.ctx(), req.params.number, req.body),
  );
  app.post(
    '/policy/versions/:number/submit',
    {
      schema: {
        tags,
        summary: 'GOV-1: submit a draft for approval, to take effect from a future date (本制度自…起执行)',
        params: ZPolicyNumberParams,
        body: ZPolicyPublish,
        response: { 200: ZPolicyVersionDetail },
      },
      config: manage,
    },
    (req) => submitPolicyVersion(req.ctx(), req.params.number, req.body),
  );
  app.post(
    '/policy/versions/:number/approve',
    {
      schema: {
        tags,
        summary: 'GOV-1: the approver (GM) puts a submitted version in force from its date',
        params: ZPolicyNumberParams,
        body: ZPolicyApprove,
        response: { 200: ZPolicyVersionDetail },
      },
      config: approve,
    },
    (req) => approvePolicyVersion(req.ctx(), req.params.number, req.body),
  );
  app.post(
    '/policy/versions/:number/reject',
    {
      schema: {
        tags,
        summary: 'GOV-1: the approver returns a submitted version to editing, with the reason',
        params: ZPolicyNumberParams,
        body: ZPolicyReject,
        response: { 200: ZPolicyVersionDetail },
      },
      config: approve,
    },
    (req) => rejectPolicyVersion(req.ctx(), req.params.number, req.body),
  );
  app.delete(
    '/policy/versions/:number',
    { schema: { tags, summary: 'Delete a draft', params: ZPolicyNumberParams, response: { 200: ZOk } }, config: manage },
    async (req) => {
      await deletePolicyDraft(req.ctx(), req.params.number);
      return { ok: true as const };
    },
  );
  app.get(
    '/policy/diff',
    {
      schema: {
        tags,
        summary: 'Changed fields between two versions, with rule ids',
        querystring: ZPolicyDiffQuery,
        response: { 200: ZPolicyDiff },
      },
      config: read,
    },
    (req) => diffPolicyVersions(req.ctx(), req.query.from, req.query.to),
  );
  app.get(
    '/policy/versions/:number/export',
    {
      schema: { tags, summary: 'Download a version as a JSON document', params: ZPolicyNumberParams, response: { 200: ZPolicy } },
      config: read,
    },
    async (req, reply) => {
      const v = await getPolicyVersion(req.ctx().db, req.params.number);
      reply.header('content-disposition', `attachment; filename="policy-v${v.number}.json"`);
      return v.document;
    },
  );
  app.post(
    '/policy/import',
    {
      schema: {
        tags,
        summary: 'Import an exported JSON document as a new draft',
        body: ZPolicyImport,
        response: { 201: ZPolicyVersionDetail },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await importPolicy(req.ctx(), req.body)),
  );
  app.get(
    '/policy/fields',
    {
      schema: {
        tags,
        summary: 'Field metadata: rule id, labels, regulation text and unit of every editable leaf',
        response: { 200: ZPolicyFieldList },
      },
      config: read,
    },
    () => ({ items: policyFields }),
  );
  app.get(
    '/policy/presets',
    {
      schema: { tags, summary: 'Named alternatives from the seed documents, by section', response: { 200: ZPolicyPresetGroups } },
      config: read,
    },
    () => policyPresets as unknown as Record<string, never[]>,
  );
}
