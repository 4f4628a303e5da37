import type { ReactNode } from 'react';

type Props = {
  title: string;
  /** field id → label: message, for each refused filter */
  items: { id: string; label: string; message: string }[];
};

/** The filters a page had to drop, each linked to its field (role="alert": said as the page loads). */
export function FilterErrors({ title, items }: Props): ReactNode {
  if (items.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{title}</p>
      <ul>
        {items.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`}>
              {e.label}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
