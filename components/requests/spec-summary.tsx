import { useTranslations } from 'next-intl';
import { Fragment } from 'react';
import { ChangeSpecSummary } from '@/components/resources/change-spec-summary';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';

/** A spec in words: "2 vCPU · 4 GB, Rocky Linux 9, 100GB" as a small description list. */
export function SpecSummary({
  kind,
  spec,
  options,
}: {
  kind: string;
  spec: Record<string, unknown>;
  options: CatalogOptions;
}) {
  const t = useTranslations('request.specFields');
  // a resize or scale-up names what changes of a resource, not a resource's spec
  if (kind === 'resize' || kind === 'scale_up') return <ChangeSpecSummary spec={spec} options={options} />;
  const v = (key: string) => (spec[key] === undefined || spec[key] === null ? '' : String(spec[key]));
  const rows: [string, string][] = [];
  switch (kind) {
    case 'vm': {
      const flavor = options.flavors.find((f) => f.id === spec.flavor);
      rows.push(
        [t('hostname'), v('name')],
        [t('flavor'), flavor?.name ?? v('flavor')],
        [t('image'), options.images.find((i) => i.id === spec.image)?.name ?? v('image')],
        [t('diskGb'), t('gb', { value: v('diskGb') })],
      );
      break;
    }
    case 'platform_slot':
      rows.push(
        [t('namespace'), v('name')],
        [t('runtime'), options.runtimes.find((r) => r.id === spec.runtime)?.name ?? v('runtime')],
        [t('instances'), t('count', { value: v('instances') })],
        [t('perInstance'), t('cpuMemory', { cpu: v('cpuPerInstance'), memory: v('memoryGbPerInstance') })],
      );
      break;
    case 'volume':
      rows.push([t('name'), v('name')], [t('sizeGb'), t('gb', { value: v('sizeGb') })]);
      break;
    default:
      for (const [key, value] of Object.entries(spec)) rows.push([key, String(value)]);
  }
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
