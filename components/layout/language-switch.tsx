import { useTranslations } from 'next-intl';

/** A one-button form that switches ko ↔ en through a server action. */
export function LanguageSwitch({ action }: { action: (formData: FormData) => Promise<void> }) {
  const t = useTranslations('nav');
  const target = t('switchLanguageLang');
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={target} />
      <button
        type="submit"
        className="button button--ghost button--small"
        lang={target}
        title={t('language')}
      >
        {t('switchLanguage')}
      </button>
    </form>
  );
}
