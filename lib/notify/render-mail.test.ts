import { describe, expect, it } from 'vitest';
import { renderMail } from './render-mail';
import type { MailTemplates, RequestSummary } from './templates';

const summary: RequestSummary = {
  requestId: '00000000-0000-4000-8000-000000000001',
  number: 'REQ-000042',
  itemName: '가상 서버',
  systemName: '버스정보시스템(BIS)',
  departmentName: '교통국',
  requesterName: '김민수',
  purpose: '버스 도착 정보 서비스\n부하 시험용 서버',
  environment: 'prod',
  estimateMonthlyKrw: 1_857_744,
  requestUrl: 'https://portal.example/requests/00000000-0000-4000-8000-000000000001',
};

const pending: MailTemplates['step-pending'] = {
  ...summary,
  stepKind: 'review',
  approveUrl: 'https://portal.example/approve/apv_abc-DEF_123',
  // 2026-11-28 05:07 UTC is 14:07 in Seoul
  expiresAt: '2026-11-28T05:07:00.000Z',
};

/** The HTML part with its tags removed, to read what a person sees. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the step-pending mail (결재 요청)', () => {
  const mail = renderMail('step-pending', pending);

  it('has a Korean subject with the request number and item', () => {
    expect(mail.subject).toBe('[결재 요청] REQ-000042 가상 서버');
  });

  it.each([
    ['text', mail.text],
    ['html', visibleText(mail.html)],
  ])('says everything in the %s part: summary, cost, drafter, purpose, step and link', (_, body) => {
    for (const expected of [
      'REQ-000042',
      '가상 서버',
      '버스정보시스템(BIS)',
      '교통국',
      '김민수',
      '버스 도착 정보 서비스',
      '운영',
      '월 185만 7,744원 (1,857,744원)',
      '‘검토’ 단계',
      'https://portal.example/approve/apv_abc-DEF_123',
    ]) {
      expect(body).toContain(expected);
    }
  });

  it('gives the expiry in Seoul time, and says the link works once', () => {
    expect(mail.text).toContain('2026. 11. 28. 14:07(한국 시간)까지, 한 번만');
    expect(mail.html).toContain('2026. 11. 28. 14:07');
  });

  it('offers the link as a button-like anchor, then written out for clients that cannot follow it', () => {
    const anchors = [...mail.html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)];
    expect(anchors.map((m) => m[1])).toEqual([pending.approveUrl, pending.approveUrl]);
    expect(anchors[0]?.[2]).toBe('결재 화면 열기 (승인·반려)');
    expect(anchors[0]?.[0]).toContain('style="display:inline-block;padding:14px 28px;');
  });

  it('is a Korean HTML document with inline styles only and a real table for the summary', () => {
    expect(mail.html).toMatch(/^<!doctype html>\s*<html lang="ko">/);
    expect(mail.html).toContain('<meta charset="utf-8">');
    expect(mail.html).not.toMatch(/<style|<link|<script|class="/i);
    expect(mail.html).toContain('<caption');
    expect(mail.html).toContain('<th scope="row"');
    // layout tables are marked as such for screen readers
    expect(mail.html.match(/<table role="presentation"/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the purpose’s line breaks', () => {
    expect(mail.html).toContain('버스 도착 정보 서비스<br>부하 시험용 서버');
  });

  it('tells a substitute whom they act for (대결), and nobody else', () => {
    const forSubstitute = renderMail('step-pending', { ...pending, actingForName: '이정희' });
    expect(forSubstitute.text).toContain('이정희 님의 대결자로 지정되어 받은 메일입니다');
    expect(forSubstitute.html).toContain('이정희 님을 대신한 결재(대결)');
    expect(mail.text).not.toContain('대결');
  });
});

describe('escaping', () => {
  const hostile = {
    ...pending,
    purpose: '<script>alert(1)</script> & "quotes" \'too\'',
    requesterName: '<img src=x onerror=alert(1)>',
    actingForName: '<b>boss</b>',
  };
  const mail = renderMail('step-pending', hostile);

  it('escapes every value in the HTML part', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>boss');
    expect(mail.html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;',
    );
  });

  it('keeps the text part as written', () => {
    expect(mail.text).toContain('<script>alert(1)</script> & "quotes"');
  });

  it('does not make a link of an address that is not http(s)', () => {
    const evil = renderMail('step-pending', { ...pending, approveUrl: 'javascript:alert(1)' });
    expect(evil.html).not.toContain('href="javascript:');
  });

  it('escapes an address inside its attribute', () => {
    const odd = renderMail('step-pending', { ...pending, approveUrl: 'https://portal.example/a?x="><b>' });
    expect(odd.html).not.toContain('"><b>');
  });
});

describe('the mails to the drafter', () => {
  it.each([
    {
      label: 'approved',
      mail: renderMail('request-approved', summary),
      subject: '[승인] REQ-000042 가상 서버',
      says: ['요청이 최종 승인되었습니다', summary.requestUrl],
    },
    {
      label: 'rejected, with who and why',
      mail: renderMail('request-rejected', { ...summary, reason: '예산 부족', rejectedBy: '이정희' }),
      subject: '[반려] REQ-000042 가상 서버',
      says: ['요청이 반려되었습니다', '예산 부족', '이정희', summary.requestUrl],
    },
    {
      label: 'provisioned, with the resource',
      mail: renderMail('resource-active', {
        ...summary,
        resourceName: 'bis-web-01',
        resourceUrl: 'https://portal.example/resources/r1',
      }),
      subject: '[생성 완료] REQ-000042 가상 서버',
      says: ['bis-web-01', 'https://portal.example/resources/r1'],
    },
    {
      label: 'provisioning failed, with the reason',
      mail: renderMail('resource-failed', { ...summary, reason: '가용 용량 부족' }),
      subject: '[생성 실패] REQ-000042 가상 서버',
      says: ['자원을 만들지 못했습니다', '가용 용량 부족', summary.requestUrl],
    },
  ])('$label', ({ mail, subject, says }) => {
    expect(mail.subject).toBe(subject);
    for (const expected of says) {
      expect(mail.text).toContain(expected);
      expect(visibleText(mail.html)).toContain(expected);
    }
  });
});

describe('reminders and escalations', () => {
  it('remind with the waiting time and the request page', () => {
    const mail = renderMail('step-reminder', {
      ...summary,
      stepKind: 'approve',
      waitingHours: 9,
      approveUrl: summary.requestUrl,
    });
    expect(mail.text).toContain('근무시간으로 9시간째');
    expect(mail.text).toContain(summary.requestUrl);
  });

  it('escalate naming the approvers', () => {
    const mail = renderMail('step-escalated', {
      ...summary,
      stepKind: 'approve',
      waitingHours: 24,
      approverNames: '이정희, 박서준',
    });
    expect(mail.subject).toBe('[결재 지연] REQ-000042 가상 서버');
    expect(mail.text).toContain('이정희, 박서준');
  });
});

it('renders in English when asked', () => {
  const mail = renderMail('step-pending', pending, 'en');
  expect(mail.subject).toBe('[Approval needed] REQ-000042 가상 서버');
  expect(mail.html).toMatch(/<html lang="en">/);
  expect(mail.text).toContain('28 Nov 2026, 14:07');
});
