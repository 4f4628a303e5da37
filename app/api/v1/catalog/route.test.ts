import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { GET } from './route';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema & { default?: unknown; enum?: unknown[] }>;
  required?: string[];
};
type Catalog = {
  items: { id: string; kind: string; name: string; specSchema: JsonSchema; monthlyPriceKrw: number }[];
};

let token: string;
beforeAll(async () => {
  token = await apiToken('staff');
});

describe('GET /api/v1/catalog', () => {
  it('lists the items with their current monthly price in whole won', async () => {
    const { status, body } = await callRoute<Catalog>(GET, { path: '/api/v1/catalog', token });
    expect(status).toBe(200);
    expect(
      body.items.map(({ id, kind, name, monthlyPriceKrw }) => ({ id, kind, name, monthlyPriceKrw })),
    ).toEqual([
      // 2 vCPU × 18,000 + 4 GB × 6,000 + 100 GB × 120
      { id: 'vm-standard', kind: 'vm', name: '가상 서버', monthlyPriceKrw: 72_000 },
      // 2 instances × 25,000 + 2 vCPU × 18,000 + 4 GB × 6,000
      { id: 'platform-slot', kind: 'platform_slot', name: '플랫폼 슬롯 (PaaS)', monthlyPriceKrw: 110_000 },
      // 100 GB × 120
      { id: 'block-volume', kind: 'volume', name: '블록 볼륨', monthlyPriceKrw: 12_000 },
      // change items are priced by the resource they change: their own price is nothing
      { id: 'scale-up', kind: 'scale_up', name: '일시 증설', monthlyPriceKrw: 0 },
      { id: 'resource-resize', kind: 'resize', name: '사양 변경', monthlyPriceKrw: 0 },
    ]);
    for (const item of body.items) expect(Number.isInteger(item.monthlyPriceKrw)).toBe(true);
  });

  it.each([
    {
      id: 'vm-standard',
      defaults: { flavor: 'c2m4', image: 'rocky-9', diskGb: 100 },
    },
    {
      id: 'platform-slot',
      defaults: { runtime: 'egovframe-4', instances: 2, cpuPerInstance: 1, memoryGbPerInstance: 2 },
    },
    { id: 'block-volume', defaults: { sizeGb: 100 } },
  ])(
    'publishes the spec schema of $id with a default on every field that has one',
    async ({ id, defaults }) => {
      const { body } = await callRoute<Catalog>(GET, { path: '/api/v1/catalog', token });
      const schema = body.items.find((i) => i.id === id)!.specSchema;
      expect(schema.type).toBe('object');
      expect(schema.required).toEqual(['name']);
      const published = Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([, p]) => p.default !== undefined)
          .map(([field, p]) => [field, p.default]),
      );
      expect(published).toEqual(defaults);
    },
  );

  it('publishes for a change item a spec naming the resource, the change and the window', async () => {
    const { body } = await callRoute<Catalog>(GET, { path: '/api/v1/catalog', token });
    const schema = body.items.find((i) => i.id === 'scale-up')!.specSchema;
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(['change', 'resourceId', 'window']);
    expect(schema.required).toEqual(['resourceId', 'change']);
  });

  it('offers the flavours and images of the catalogue as the choices of a VM', async () => {
    const { body } = await callRoute<Catalog>(GET, { path: '/api/v1/catalog', token });
    const vm = body.items.find((i) => i.kind === 'vm')!.specSchema.properties!;
    expect(vm.flavor?.enum).toContain('c16m64');
    expect(vm.image?.enum).toEqual(['rocky-9', 'ubuntu-24.04', 'rhel-9', 'windows-2022']);
  });

  it('names the items in English when asked', async () => {
    const { body } = await callRoute<Catalog>(GET, {
      path: '/api/v1/catalog',
      token,
      headers: { 'accept-language': 'en-US,en;q=0.8,ko;q=0.5' },
    });
    expect(body.items.map((i) => i.name)).toEqual([
      'Virtual machine',
      'Platform slot (PaaS)',
      'Block volume',
      'Temporary scale-up',
      'Resize',
    ]);
  });

  it('answers 401 without a token', async () => {
    const { status, body } = await callRoute<ApiError>(GET, { path: '/api/v1/catalog' });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
  });
});
