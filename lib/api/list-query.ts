import { z } from 'zod';

/** `?limit=&cursor=` of every list (API.md). */
export const pageQuery = {
  limit: z.coerce.number({ error: 'validation.integer' }).int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
};

/** `?flag=true|false|1|0` */
export const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'validation.choice' })
  .transform((v) => v === 'true' || v === '1')
  .optional();
