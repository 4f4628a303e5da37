import { z } from 'zod';
import { changeItemSpec } from '@/lib/lifecycle/request-change';
import { estimateMonthlyKrw, footprint } from './estimate';
import { getCatalogOptions, getRateCard, listCatalogItems } from './queries';
import { isRequestableKind, specSchemas } from './spec-schemas';

/**
 * The catalogue as the API and the UI show it: each item with the JSON Schema of its spec
 * (defaults included) and the monthly price of its default spec under the current rate card.
 */
export async function getCatalog() {
  const [items, options, rateCard] = await Promise.all([
    listCatalogItems(),
    getCatalogOptions(),
    getRateCard(),
  ]);
  const schemas = specSchemas(options);
  // change items (scale-up, resize) are priced by the resource they change: their spec names it
  const changes = items
    .filter((item) => item.active && (item.kind === 'scale_up' || item.kind === 'resize'))
    .map((item) => ({
      id: item.id,
      kind: item.kind,
      name: item.nameKo,
      nameEn: item.nameEn,
      description: item.descriptionKo,
      descriptionEn: item.descriptionEn,
      specSchema: z.toJSONSchema(changeItemSpec, { io: 'input' }),
      defaults: {},
      monthlyPriceKrw: 0,
    }));
  return {
    rateCard,
    options,
    changes,
    items: items
      .filter((item) => isRequestableKind(item.kind))
      .map((item) => {
        const schema = schemas[item.kind as keyof typeof schemas];
        const defaults = schema.partial().parse({}) as Record<string, unknown>;
        return {
          id: item.id,
          kind: item.kind,
          name: item.nameKo,
          nameEn: item.nameEn,
          description: item.descriptionKo,
          descriptionEn: item.descriptionEn,
          specSchema: z.toJSONSchema(schema, { io: 'input' }),
          defaults,
          monthlyPriceKrw: estimateMonthlyKrw(
            footprint(item.kind, defaults, options),
            rateCard.prices,
            'none',
          ),
        };
      }),
  };
}
export type Catalog = Awaited<ReturnType<typeof getCatalog>>;
