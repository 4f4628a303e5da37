import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/not-found-content';

export async function generateMetadata() {
  const t = await getTranslations('notFound');
  return { title: t('title') };
}

export default function NotFound() {
  return (
    <main id="main">
      <div className="container">
        <NotFoundContent />
      </div>
    </main>
  );
}
