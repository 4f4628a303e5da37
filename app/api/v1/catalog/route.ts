// GET /api/v1/catalog — catalogue items with their spec schema and current monthly price
import { withApi } from '@/lib/api/with-api';
import { getCatalog } from '@/lib/catalog/get-catalog';

export const GET = withApi(
  async ({ locale }) => {
    const catalog = await getCatalog();
    return {
      rateCard: { id: catalog.rateCard.id, name: catalog.rateCard.name },
      // scale-up and resize: their spec names the resource they change (a change request)
      items: [...catalog.items, ...catalog.changes].map((item) => ({
        id: item.id,
        kind: item.kind,
        name: locale === 'en' ? item.nameEn : item.name,
        description: locale === 'en' ? item.descriptionEn : item.description,
        specSchema: item.specSchema,
        monthlyPriceKrw: item.monthlyPriceKrw,
      })),
    };
  },
  { permission: 'catalog:read' },
);
