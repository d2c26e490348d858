// GET /api/openapi.json is generated from the zod schemas the handlers validate with,
// and is a valid OpenAPI 3 document (swagger-parser).
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { workspace, type Workspace } from './support.ts';

let w: Workspace;
beforeAll(async () => {
  w = await workspace();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

it('the OpenAPI document validates and covers the fixed points of the API', async () => {
  const r = await w.call('GET', '/api/openapi.json');
  expect(r.status).toBe(200);
  const doc = r.body;
  expect(doc.openapi).toBe('3.0.3');
  await SwaggerParser.validate(structuredClone(doc));
  const paths = Object.keys(doc.paths);
  for (const p of [
    '/api/check',
    '/api/score',
    '/api/explain',
    '/api/diff',
    '/api/impact',
    '/api/templates',
    '/api/versions/{id}/publish',
    '/api/filings',
    '/api/runs',
    '/api/runs/{id}',
    '/api/runs/{id}/export.xlsx',
    '/api/impact/corpus',
  ])
    expect(paths).toContain(p);
  // the request schema of /api/score is the zod schema, not hand-written
  const score = doc.paths['/api/score'].post;
  expect(score.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ScoreRequest');
  expect(doc.components.schemas.Report.required).toEqual(expect.arrayContaining(['template', 'total', 'cap', 'grade', 'statedTotal', 'sections', 'rows', 'findings']));
});
