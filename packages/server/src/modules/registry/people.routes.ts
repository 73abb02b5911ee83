import {
  createPersonRequestSchema,
  createPostRequestSchema,
  getPersonQuerySchema,
  idParamSchema,
  listPeopleQuerySchema,
  listPostsQuerySchema,
  pageOf,
  personDetailSchema,
  personSchema,
  postSchema,
  updatePersonRequestSchema,
  updatePostRequestSchema,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { createPerson } from './create-person';
import { createPost } from './create-post';
import { getPerson } from './get-person';
import { listPeople } from './list-people';
import { listPosts } from './list-posts';
import { PEOPLE_READERS, REGISTRY_WRITERS } from './registry-access';
import type { ReaderOf } from './registry.routes';
import { updatePerson } from './update-person';
import { updatePost } from './update-post';

const tags = ['registry'];

export const registerPeopleRoutes = (app: ZApp, ctx: AppContext, reader: ReaderOf) => {
  const read = { config: { access: { roles: PEOPLE_READERS } } };
  const write = { config: { access: { roles: REGISTRY_WRITERS } } };

  app.get(
    '/people',
    {
      ...read,
      schema: {
        tags,
        summary: '人员列表 / List people',
        querystring: listPeopleQuerySchema,
        response: { 200: pageOf(personSchema) },
      },
    },
    async (request) => listPeople(reader(request), request.query),
  );
  app.get(
    '/people/:id',
    {
      ...read,
      schema: {
        tags,
        summary: '人员详情 / Person',
        params: idParamSchema,
        querystring: getPersonQuerySchema,
        response: { 200: personDetailSchema },
      },
    },
    async (request) => getPerson(ctx, request, request.params.id, request.query),
  );
  app.post(
    '/people',
    {
      ...write,
      schema: {
        tags,
        summary: '新增人员 / Create person',
        body: createPersonRequestSchema,
        response: { 201: personSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPerson(ctx, request, request.body)),
  );
  app.patch(
    '/people/:id',
    {
      ...write,
      schema: {
        tags,
        summary: '修改人员 / Update person',
        params: idParamSchema,
        body: updatePersonRequestSchema,
        response: { 200: personSchema },
      },
    },
    async (request) => updatePerson(ctx, request, request.params.id, request.body),
  );
  app.get(
    '/posts',
    {
      ...read,
      schema: {
        tags,
        summary: '任职列表 / List posts',
        querystring: listPostsQuerySchema,
        response: { 200: pageOf(postSchema) },
      },
    },
    async (request) => listPosts(reader(request), request.query),
  );
  app.post(
    '/posts',
    {
      ...write,
      schema: {
        tags,
        summary: '任职 / Appoint',
        body: createPostRequestSchema,
        response: { 201: postSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPost(ctx, request, request.body)),
  );
  app.patch(
    '/posts/:id',
    {
      ...write,
      schema: {
        tags,
        summary: '修改或结束任职 / Update or end a post',
        params: idParamSchema,
        body: updatePostRequestSchema,
        response: { 200: postSchema },
      },
    },
    async (request) => updatePost(ctx, request, request.params.id, request.body),
  );
};
