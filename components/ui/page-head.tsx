import type { ReactNode } from 'react';

/** The page's h1 with an optional lead paragraph, badge and actions. */
export function PageHead({
  title,
  lead,
  badge,
  actions,
}: {
  title: ReactNode;
  lead?: ReactNode;
  badge?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-head">
      <div>
        <div className="page-head__title">
          <h1>{title}</h1>
          {badge}
        </div>
        {lead ? <p>{lead}</p> : null}
      </div>
      {actions ? <div className="button-row">{actions}</div> : null}
    </div>
  );
}
