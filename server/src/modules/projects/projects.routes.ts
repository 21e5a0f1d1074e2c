import {
  ZAttendanceSet,
  ZCostCreate,
  ZCostUpdate,
  ZDelivery,
  ZDeliveryCheck,
  ZDeliveryCreate,
  ZDeliveryListQuery,
  ZDeliveryNotify,
  ZDeliverySummary,
  ZDeliveryUpdate,
  ZHandoverSign,
  ZTechnicalHandoverSign,
  ZIdParams,
  ZMaterialCreate,
  ZMaterialUpdate,
  ZPlanItemCreate,
  ZPlanItemUpdate,
  ZProject,
  ZProjectCreate,
  ZProjectListQuery,
  ZProjectSummary,
  ZProjectTransition,
  ZProjectUpdate,
  ZTraineeCreate,
  ZTraineeSignOff,
  ZTraining,
  ZTrainingComplete,
  ZTrainingCreate,
  ZTrainingListQuery,
  ZTrainingSessionCreate,
  ZTrainingSummary,
  page,
  type TProject,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import type { Ctx } from '../../http/context';
import type { FileDeps } from '../../files';
import * as deliveries from './deliveries.service';
import * as handover from './handover.service';
import * as items from './project-items.service';
import * as svc from './projects.service';
import * as trainings from './trainings.service';
import { readUpload, sendDownload } from '../../files';

/** FS-12..14: installation projects, deliveries and customer training. */
export function projectsRoutes(app: App, deps: FileDeps) {
  const tags = ['projects'];
  const read = { permission: 'projects.read' as const };
  const manage = { permission: 'projects.manage' as const };

  // FS-12 projects ------------------------------------------------------------------------------------------
  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Projects in your scope with deadline and acceptance warnings (FS-12)',
        querystring: ZProjectListQuery,
        response: { 200: page(ZProjectSummary) },
      },
      config: read,
    },
    (req) => svc.listProjects(req.ctx(), req.query),
  );
  app.post(
    '/projects',
    {
      schema: { tags, summary: 'A project on a service contract, in planning (FS-12)', body: ZProjectCreate, response: { 201: ZProject } },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.createProject(req.ctx(), req.body)),
  );
  app.get(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'A project with its plan, materials, costs and handover documents',
        params: ZIdParams,
        response: { 200: ZProject },
      },
      config: read,
    },
    (req) => svc.getProject(req.ctx(), req.params.id),
  );
  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Edit a project (send the version you read)',
        params: ZIdParams,
        body: ZProjectUpdate,
        response: { 200: ZProject },
      },
      config: manage,
    },
    (req) => svc.updateProject(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/projects/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'start (422 FS-12 without plan, materials and costs; 422 FS-12b without the signed technical handover) | commission (acceptance due in the policy’s days) | accept (the client’s acceptance and equipment hand-over; late past those days) | close',
        params: ZIdParams,
        body: ZProjectTransition,
        response: { 200: ZProject },
      },
      config: read,
    },
    (req) => svc.transition(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/projects/:id/technical-handover/signatures',
    {
      schema: {
        tags,
        summary: 'Sign the technical handover (FS-12b): the engineering manager, the salesperson or an item lead, for oneself',
        params: ZIdParams,
        body: ZTechnicalHandoverSign,
        response: { 200: ZProject },
      },
      config: read,
    },
    (req) => svc.signTechnicalHandover(req.ctx(), req.params.id, req.body),
  );

  type Items = {
    add: (ctx: Ctx, projectId: number, body: never) => Promise<TProject>;
    update: (ctx: Ctx, id: number, body: never) => Promise<TProject>;
    remove: (ctx: Ctx, id: number) => Promise<TProject>;
  };
  // The plan, materials and costs share one shape of routes: add under the project, change and remove by id.
  const child = (
    path: string,
    createSchema: z.ZodType,
    updateSchema: z.ZodType,
    fns: Items,
    what: string,
    config: { permission: 'projects.read' | 'projects.manage' },
  ) => {
    app.post(
      `/projects/:id/${path}`,
      { schema: { tags, summary: `Add ${what} (FS-12)`, params: ZIdParams, body: createSchema, response: { 201: ZProject } }, config },
      async (req, reply) => reply.status(201).send(await fns.add(req.ctx(), req.params.id, req.body as never)),
    );
    app.patch(
      `/project-${path}/:id`,
      {
        schema: { tags, summary: `Change ${what} (send its version)`, params: ZIdParams, body: updateSchema, response: { 200: ZProject } },
        config,
      },
      (req) => fns.update(req.ctx(), req.params.id, req.body as never),
    );
    app.delete(
      `/project-${path}/:id`,
      { schema: { tags, summary: `Remove ${what}`, params: ZIdParams, response: { 200: ZProject } }, config },
      (req) => fns.remove(req.ctx(), req.params.id),
    );
  };
  child(
    'plan-items',
    ZPlanItemCreate,
    ZPlanItemUpdate,
    { add: items.addPlanItem, update: items.updatePlanItem, remove: items.deletePlanItem },
    'a progress plan item',
    read,
  );
  child(
    'materials',
    ZMaterialCreate,
    ZMaterialUpdate,
    { add: items.addMaterial, update: items.updateMaterial, remove: items.deleteMaterial },
    'a material of the purchase list',
    read,
  );
  child(
    'costs',
    ZCostCreate,
    ZCostUpdate,
    { add: items.addCost, update: items.updateCost, remove: items.deleteCost },
    'a cost line',
    manage,
  );

  app.post(
    '/projects/:id/handover-documents',
    {
      schema: {
        tags,
        summary: 'Upload a handover document (FS-12)',
        description:
          'multipart/form-data with a `file` part and a `documentId` field naming an item of the policy’s fieldService.handoverDocuments. ' +
          'The type is detected from the content: PDF, JPEG, PNG, GIF, WebP, docx/xlsx/pptx; anything else gets 415, an oversize file 413.',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZProject },
      },
      config: read,
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await handover.uploadHandoverDocument(
            req.ctx(),
            req.params.id,
            () => readUpload(req, deps.maxBytes, { fields: ['documentId'], required: ['documentId'] }),
            deps.storage,
          ),
        ),
  );
  app.post(
    '/project-handover-documents/:id/sign',
    {
      schema: {
        tags,
        summary: 'Record the customer’s signature on a handover document (FS-12)',
        params: ZIdParams,
        body: ZHandoverSign,
        response: { 200: ZProject },
      },
      config: read,
    },
    (req) => handover.signHandoverDocument(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/project-handover-documents/:id',
    {
      schema: {
        tags,
        summary: 'Download a handover document',
        params: ZIdParams,
        response: {
          200: {
            description: 'The file as uploaded',
            content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
        },
      },
      config: read,
    },
    async (req, reply) => {
      const file = await handover.readHandoverDocument(req.ctx(), req.params.id, deps.storage);
      return sendDownload(reply, file);
    },
  );

  // FS-13 deliveries ----------------------------------------------------------------------------------------
  app.get(
    '/deliveries',
    {
      schema: {
        tags,
        summary: 'Deliveries in your scope (FS-13)',
        querystring: ZDeliveryListQuery,
        response: { 200: page(ZDeliverySummary) },
      },
      config: read,
    },
    (req) => deliveries.listDeliveries(req.ctx(), req.query),
  );
  app.post(
    '/deliveries',
    {
      schema: {
        tags,
        summary: 'A delivery of a project, contract or customer with its items (FS-13)',
        body: ZDeliveryCreate,
        response: { 201: ZDelivery },
      },
      config: read,
    },
    async (req, reply) => reply.status(201).send(await deliveries.createDelivery(req.ctx(), req.body)),
  );
  app.get(
    '/deliveries/:id',
    { schema: { tags, summary: 'One delivery with its items', params: ZIdParams, response: { 200: ZDelivery } }, config: read },
    (req) => deliveries.getDelivery(req.ctx(), req.params.id),
  );
  app.patch(
    '/deliveries/:id',
    {
      schema: {
        tags,
        summary: 'The delivery address, contact or date (send the version)',
        params: ZIdParams,
        body: ZDeliveryUpdate,
        response: { 200: ZDelivery },
      },
      config: read,
    },
    (req) => deliveries.updateDelivery(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/deliveries/:id/notify',
    {
      schema: {
        tags,
        summary: 'Tell the customer of the arrival: e-mail to the contact, portal notification (FS-13)',
        params: ZIdParams,
        body: ZDeliveryNotify,
        response: { 200: ZDelivery },
      },
      config: read,
    },
    (req) => deliveries.notifyDelivery(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/deliveries/:id/check',
    {
      schema: {
        tags,
        summary: 'The customer’s counts per item and signature; differences are flagged (FS-13)',
        params: ZIdParams,
        body: ZDeliveryCheck,
        response: { 200: ZDelivery },
      },
      config: read,
    },
    (req) => deliveries.checkDelivery(req.ctx(), req.params.id, req.body),
  );

  // FS-14 training ------------------------------------------------------------------------------------------
  app.get(
    '/trainings',
    {
      schema: {
        tags,
        summary: 'Customer trainings in your scope (FS-14)',
        querystring: ZTrainingListQuery,
        response: { 200: page(ZTrainingSummary) },
      },
      config: read,
    },
    (req) => trainings.listTrainings(req.ctx(), req.query),
  );
  app.post(
    '/trainings',
    {
      schema: { tags, summary: 'A training plan for a customer (FS-14)', body: ZTrainingCreate, response: { 201: ZTraining } },
      config: read,
    },
    async (req, reply) => reply.status(201).send(await trainings.createTraining(req.ctx(), req.body)),
  );
  app.get(
    '/trainings/:id',
    {
      schema: {
        tags,
        summary: 'A training with sessions, trainees, attendance and sign-offs',
        params: ZIdParams,
        response: { 200: ZTraining },
      },
      config: read,
    },
    (req) => trainings.getTraining(req.ctx(), req.params.id),
  );
  app.post(
    '/trainings/:id/sessions',
    {
      schema: {
        tags,
        summary: 'A session at the customer’s chosen place, time and content (FS-14)',
        params: ZIdParams,
        body: ZTrainingSessionCreate,
        response: { 201: ZTraining },
      },
      config: read,
    },
    async (req, reply) => reply.status(201).send(await trainings.addSession(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/trainings/:id/trainees',
    { schema: { tags, summary: 'Add a trainee', params: ZIdParams, body: ZTraineeCreate, response: { 201: ZTraining } }, config: read },
    async (req, reply) => reply.status(201).send(await trainings.addTrainee(req.ctx(), req.params.id, req.body)),
  );
  app.put(
    '/training-sessions/:id/attendance',
    {
      schema: { tags, summary: 'Who attended a session', params: ZIdParams, body: ZAttendanceSet, response: { 200: ZTraining } },
      config: read,
    },
    (req) => trainings.setAttendance(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/training-trainees/:id/sign-off',
    {
      schema: {
        tags,
        summary: 'Sign a trainee off as able to operate independently (FS-14)',
        params: ZIdParams,
        body: ZTraineeSignOff,
        response: { 200: ZTraining },
      },
      config: read,
    },
    (req) => trainings.signOffTrainee(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/trainings/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete the training: 422 FS-14 listing trainees not yet signed off',
        params: ZIdParams,
        body: ZTrainingComplete,
        response: { 200: ZTraining },
      },
      config: read,
    },
    (req) => trainings.completeTraining(req.ctx(), req.params.id, req.body.version),
  );
}
