'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { Action } from '@/components/forms/action-result';
import type { Fit, Room } from '@/lib/capacity/check-fit';
import type { Limits, Shortfall } from '@/lib/capacity/fit';
import type { DrTier } from '@/lib/catalog/estimate';
import { formatKrw, formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';

export type FitInput = {
  kind: 'vm' | 'platform_slot' | 'volume';
  spec: Record<string, unknown>;
  drTier: DrTier;
};
export type CheckFitAction = Action<FitInput, Fit>;

/** The value after it has held still for `ms` (the fit is asked once the user pauses typing). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * 자원 여유 — whether the request would fit the pool and the department's quota if it were
 * approved now, by the rule final approval applies (lib/capacity/check-fit.ts): the room left, or a
 * warning naming each shortfall. Asked of the server as the form changes; final approval decides.
 */
export function FitPreview({ input, action }: { input: FitInput; action: CheckFitAction }) {
  const t = useTranslations('lifecycle.fit');
  const locale = toLocale(useLocale());
  // the name does not change what a request takes
  const { name: _name, ...sizing } = input.spec;
  const key = JSON.stringify([input.kind, sizing, input.drTier]);
  const settled = useSettled(key, 400);
  const { data, isError, isFetching } = useQuery({
    queryKey: ['fit', settled],
    queryFn: async () => {
      const [kind, spec, drTier] = JSON.parse(settled) as [FitInput['kind'], Record<string, unknown>, DrTier];
      const result = await action({ kind, spec, drTier });
      if (!result.ok) throw new Error(result.message);
      return result;
    },
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: false,
  });

  const n = (value: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ko-KR').format(value);
  const amount = (dimension: Shortfall['dimension'], value: number) =>
    dimension === 'monthlyKrw' ? formatKrw(value, locale) : n(value);
  const roomText = (room: Room) => {
    const a: Limits = room.available;
    const amounts = [
      a.vcpu === null ? null : t('vcpu', { value: n(a.vcpu) }),
      a.ramGb === null ? null : t('ramGb', { value: n(a.ramGb) }),
      a.storageGb === null ? null : t('storageGb', { value: n(a.storageGb) }),
      a.monthlyKrw === null ? null : t('monthlyKrw', { value: formatKrwShort(a.monthlyKrw, locale) }),
    ]
      .filter(Boolean)
      .join(' · ');
    const name = locale === 'en' ? room.nameEn : room.name;
    return t(room.scope === 'pool' ? 'roomPool' : 'roomQuota', { name, amounts });
  };
  const shortfallText = (s: Shortfall, rooms: Room[]) => {
    const room = rooms.find((r) => r.scope === s.scope && r.of === s.of);
    return t(s.scope === 'pool' ? 'shortPool' : 'shortQuota', {
      name: room ? (locale === 'en' ? room.nameEn : room.name) : s.name,
      dimension: s.dimension,
      requested: amount(s.dimension, s.requested),
      available: amount(s.dimension, s.available),
    });
  };

  return (
    <section className="card" aria-labelledby="fit-title" aria-busy={isFetching}>
      <h2 id="fit-title">{t('title')}</h2>
      <div aria-live="polite" aria-atomic="true">
        {!data ? (
          <p className="muted small">{isError ? t('failed') : t('checking')}</p>
        ) : data.fits ? (
          <>
            <p className="small" style={{ fontWeight: 700, margin: 0 }}>
              {t('roomTitle')}
            </p>
            <ul className="plain-list small">
              {data.room.map((room) => (
                <li key={`${room.scope}-${room.of}`}>{roomText(room)}</li>
              ))}
            </ul>
          </>
        ) : (
          <div className="alert alert--warning small">
            <p className="alert__title">{t('shortTitle')}</p>
            <ul className="plain-list">
              {data.shortfalls.map((s) => (
                <li key={`${s.scope}-${s.of}-${s.dimension}`}>{shortfallText(s, data.room)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <p className="hint">{t(data && !data.fits ? 'shortNote' : 'note')}</p>
    </section>
  );
}
