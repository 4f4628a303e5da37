// GET /api/v1/openapi.json — the OpenAPI 3.1 document of API v1 (no auth)
import { openApiDocument } from '@/lib/api/openapi';

export function GET() {
  return Response.json(openApiDocument());
}
