import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { departments } from '@/db/schema/org';

export type DepartmentSummary = { id: string; code: string; nameKo: string; nameEn: string };

const summary = {
  id: departments.id,
  code: departments.code,
  nameKo: departments.nameKo,
  nameEn: departments.nameEn,
};

/** A department's names (for headers and approval-line previews); null when unknown. */
export async function getDepartment(id: string): Promise<DepartmentSummary | null> {
  const [row] = await getDb().select(summary).from(departments).where(eq(departments.id, id));
  return row ?? null;
}

/** The IT division (정보화담당관), which approves every request; null when none is configured. */
export async function getItDivision(): Promise<DepartmentSummary | null> {
  const [row] = await getDb().select(summary).from(departments).where(eq(departments.isItDivision, true));
  return row ?? null;
}
