/** Find a unit by name, whatever the diacritics, case or spacing. */
import { z } from 'zod';
import { UNIT_LEVELS } from '../domain';
import { SEARCH_LIMITS } from '../layers';
import { bboxSchema } from './common';
import { endpoint } from './endpoint';
import { integerParam, textParam } from './params';

export const searchHitSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(UNIT_LEVELS),
    type: z.string(),
    district_name: z.string().nullable(),
    bbox: bboxSchema,
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchUnits = endpoint({
  operationId: 'searchUnits',
  method: 'get',
  path: '/api/search',
  access: 'viewer',
  summary: 'Find units by name',
  description: '"ba hien", "BA HIEN" and "bahien" all find "Bá Hiến"; "d" matches "đ". Best match first.',
  tags: ['units'],
  query: z
    .object({
      q: textParam(1).describe('Text to look for.'),
      limit: integerParam(1, SEARCH_LIMITS.max, SEARCH_LIMITS.default).default(SEARCH_LIMITS.default).describe('Most hits.'),
    })
    .strict(),
  responses: { 200: { description: 'Hits, best first.', json: z.array(searchHitSchema).meta({ id: 'SearchHits' }) } },
  dataset: true,
  example: { query: { q: 'ba hien' } },
});
