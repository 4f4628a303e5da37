import { describe, expect, it } from 'vitest';
import { demoFlavors, demoImages, demoRuntimes } from '@/db/seed/demo-data';
import { type CatalogOptions, isRequestableKind, specSchemas } from './spec-schemas';

const options: CatalogOptions = { flavors: demoFlavors, images: demoImages, runtimes: demoRuntimes };
const schemas = specSchemas(options);

/** The catalogue keys of the errors, by field, or null when the spec is accepted. */
function errorsOf(kind: keyof typeof schemas, spec: unknown) {
  const result = schemas[kind].safeParse(spec);
  if (result.success) return null;
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('spec schemas', () => {
  it.each([
    {
      label: 'a VM gets 2 vCPU · 4 GB, Rocky Linux 9 and a 100 GB disk',
      kind: 'vm' as const,
      input: { name: 'bis-web-01' },
      expected: { name: 'bis-web-01', flavor: 'c2m4', image: 'rocky-9', diskGb: 100 },
    },
    {
      label: 'a platform slot gets eGovFrame, 2 instances of 1 vCPU and 2 GB',
      kind: 'platform_slot' as const,
      input: { name: 'bis-api' },
      expected: {
        name: 'bis-api',
        runtime: 'egovframe-4',
        instances: 2,
        cpuPerInstance: 1,
        memoryGbPerInstance: 2,
      },
    },
    {
      label: 'a volume gets 100 GB',
      kind: 'volume' as const,
      input: { name: 'bis-data' },
      expected: { name: 'bis-data', sizeGb: 100 },
    },
  ])('fills in defaults: $label', ({ kind, input, expected }) => {
    expect(schemas[kind].parse(input)).toEqual(expected);
  });

  it('keeps what the requester chose over the defaults', () => {
    const spec = { name: 'bis-db', flavor: 'c8m32', image: 'rhel-9', diskGb: 500 };
    expect(schemas.vm.parse(spec)).toEqual(spec);
  });

  it.each([
    {
      label: 'a hostname with capitals',
      spec: { name: 'BIS-Web' },
      field: 'name',
      key: 'validation.hostname',
    },
    { label: 'a hostname of two letters', spec: { name: 'ab' }, field: 'name', key: 'validation.hostname' },
    {
      label: 'a hostname ending in a hyphen',
      spec: { name: 'bis-' },
      field: 'name',
      key: 'validation.hostname',
    },
    {
      label: 'a hostname starting with a digit',
      spec: { name: '1bis' },
      field: 'name',
      key: 'validation.hostname',
    },
    {
      label: 'a hostname of 41 characters',
      spec: { name: `a${'b'.repeat(40)}` },
      field: 'name',
      key: 'validation.hostname',
    },
    { label: 'no hostname at all', spec: {}, field: 'name', key: 'validation.hostname' },
    {
      label: 'a disk below 20 GB',
      spec: { name: 'bis-web', diskGb: 19 },
      field: 'diskGb',
      key: 'validation.diskGb',
    },
    {
      label: 'a disk above 2 TB',
      spec: { name: 'bis-web', diskGb: 2049 },
      field: 'diskGb',
      key: 'validation.diskGb',
    },
    {
      label: 'a fractional disk',
      spec: { name: 'bis-web', diskGb: 50.5 },
      field: 'diskGb',
      key: 'validation.integer',
    },
    {
      label: 'a disk given as text',
      spec: { name: 'bis-web', diskGb: '100' },
      field: 'diskGb',
      key: 'validation.integer',
    },
    {
      label: 'an unknown flavour',
      spec: { name: 'bis-web', flavor: 'c64m512' },
      field: 'flavor',
      key: 'validation.choice',
    },
    {
      label: 'an unknown image',
      spec: { name: 'bis-web', image: 'windows-95' },
      field: 'image',
      key: 'validation.choice',
    },
  ])('refuses $label', ({ spec, field, key }) => {
    expect(errorsOf('vm', spec)).toEqual({ [field]: key });
  });

  it.each([
    { label: 'the smallest disk', diskGb: 20 },
    { label: 'the largest disk', diskGb: 2048 },
  ])('accepts $label ($diskGb GB)', ({ diskGb }) => {
    expect(errorsOf('vm', { name: 'bis-web', diskGb })).toBeNull();
  });

  it.each([
    { field: 'instances', value: 21, key: 'validation.instances' },
    { field: 'instances', value: 0, key: 'validation.instances' },
    { field: 'cpuPerInstance', value: 17, key: 'validation.cpu' },
    { field: 'memoryGbPerInstance', value: 65, key: 'validation.memory' },
    { field: 'runtime', value: 'cobol', key: 'validation.choice' },
  ])('refuses a platform slot with $field = $value', ({ field, value, key }) => {
    expect(errorsOf('platform_slot', { name: 'bis-api', [field]: value })).toEqual({ [field]: key });
  });

  it.each([
    { sizeGb: 9, key: 'validation.sizeGb' },
    { sizeGb: 10241, key: 'validation.sizeGb' },
  ])('refuses a volume of $sizeGb GB', ({ sizeGb, key }) => {
    expect(errorsOf('volume', { name: 'bis-data', sizeGb })).toEqual({ sizeGb: key });
  });

  it('reports every bad field at once', () => {
    expect(errorsOf('vm', { name: 'X', diskGb: 1, flavor: 'nope' })).toEqual({
      name: 'validation.hostname',
      diskGb: 'validation.diskGb',
      flavor: 'validation.choice',
    });
  });

  it.each([
    { kind: 'vm', requestable: true },
    { kind: 'platform_slot', requestable: true },
    { kind: 'volume', requestable: true },
    { kind: 'scale_up', requestable: false },
    { kind: 'database', requestable: false },
  ])('treats $kind as requestable: $requestable', ({ kind, requestable }) => {
    expect(isRequestableKind(kind)).toBe(requestable);
  });
});
