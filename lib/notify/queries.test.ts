import { beforeAll, describe, expect, it } from 'vitest';
import { demoActors, submitVm } from '@/db/testing/fixtures';
import { getOutboxMail, linksInText, listOutboxMail } from './queries';

// The dev mailbox's reads: the outbox newest first, page by page, and one mail with both parts.

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

describe('the dev mailbox', () => {
  it('lists mail newest first and pages through it without gaps or repeats', async () => {
    const first = await submitVm(a.staff);
    const second = await submitVm(a.staff);
    const page1 = await listOutboxMail({ limit: 1 });
    expect(page1.items[0]?.requestId).toBe(second.id);
    expect(page1.nextCursor).toBe(page1.items[0]?.id);

    const seen = [...page1.items];
    let cursor = page1.nextCursor;
    while (cursor && seen.length < 5) {
      const page = await listOutboxMail({ limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    const ids = seen.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = (await listOutboxMail({ limit: 5 })).items.map((m) => m.id);
    expect(ids).toEqual(all.slice(0, ids.length));
    expect(seen.map((m) => m.requestId)).toContain(first.id);
    const times = seen.map((m) => m.createdAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('ignores a cursor it does not know', async () => {
    const page = await listOutboxMail({ limit: 3, cursor: "x' or 1=1 --" });
    expect(page.items).toHaveLength(3);
  });

  it('opens one mail with its text and HTML parts, and answers null for an unknown id', async () => {
    const request = await submitVm(a.staff);
    const [listed] = (await listOutboxMail({ limit: 1 })).items;
    expect(listed?.requestId).toBe(request.id);
    const mail = await getOutboxMail(listed!.id);
    expect(mail?.html).toContain('<html lang="ko">');
    expect(mail?.text).toContain(request.number);
    expect(await getOutboxMail('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getOutboxMail('not-an-id')).toBeNull();
  });
});

it('finds the links in a text part, each once', () => {
  expect(
    linksInText(
      '열기:\nhttp://localhost:3000/approve/apv_a-b_c\n다시 http://localhost:3000/approve/apv_a-b_c.',
    ),
  ).toEqual(['http://localhost:3000/approve/apv_a-b_c']);
  expect(linksInText('no links, javascript:alert(1)')).toEqual([]);
});
