// zod with the .openapi() extension: the request and answer schemas here are what the
// handlers validate with and what GET /api/openapi.json is generated from.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);
export { z };
