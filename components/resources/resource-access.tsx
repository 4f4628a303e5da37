'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { narrowFacts } from './narrow-facts';

type AccessProps = {
  kind: string;
  status: string;
  access: Record<string, string> | null;
  /** the department's code: a platform slot's RoleBinding names the group `dcloud:dept:<code>` */
  departmentCode: string;
};

/** The kubectl example shown for a platform slot. */
export function kubectlExample(apiServer: string, namespace: string): string {
  return `kubectl --server ${apiServer} --namespace ${namespace} get pods`;
}

/** 접속 정보 — how to reach the resource, as its cloud reported it once it was up. */
export function ResourceAccess({ kind, status, access, departmentCode }: AccessProps) {
  const t = useTranslations('lifecycle.access');
  const gone = status === 'decommissioning' || status === 'decommissioned' || status === 'failed';
  if (gone) return null;
  const platform = kind === 'platform_slot' && !!access?.apiServer && !!access.namespace;
  return (
    // a platform slot's API server, namespace and command need the whole row
    <section
      className="card"
      aria-labelledby="access-title"
      style={platform ? { gridColumn: '1 / -1' } : undefined}
    >
      <h2 id="access-title">{t('title')}</h2>
      {!access || Object.keys(access).length === 0 ? (
        <p className="muted">{status === 'provisioning' ? t('pending') : t('none')}</p>
      ) : platform ? (
        <PlatformAccess
          apiServer={access.apiServer!}
          namespace={access.namespace!}
          group={access.group || `dcloud:dept:${departmentCode}`}
        />
      ) : (
        <dl className="facts" style={narrowFacts}>
          {access.address ? (
            <>
              <dt>{t('address')}</dt>
              <dd className="mono">{access.address}</dd>
            </>
          ) : null}
          {access.device ? (
            <>
              <dt>{t('device')}</dt>
              <dd className="mono">{access.device}</dd>
            </>
          ) : null}
        </dl>
      )}
      {access?.address ? <p className="hint">{t('vmHint', { address: access.address })}</p> : null}
      {access?.device ? <p className="hint">{t('volumeHint')}</p> : null}
    </section>
  );
}

function PlatformAccess({
  apiServer,
  namespace,
  group,
}: {
  apiServer: string;
  namespace: string;
  group: string;
}) {
  const t = useTranslations('lifecycle.access');
  const example = kubectlExample(apiServer, namespace);
  const [copied, setCopied] = useState<string | null>(null);
  const commandRef = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(example);
      setCopied(t('copied'));
    } catch {
      // no clipboard (an insecure origin, a refused permission): select it for a manual copy
      commandRef.current?.select();
      setCopied(t('copyFailed'));
    }
  }
  return (
    <>
      <dl className="facts" style={narrowFacts}>
        <dt>{t('apiServer')}</dt>
        <dd className="mono">{apiServer}</dd>
        <dt>{t('namespace')}</dt>
        <dd className="mono">{namespace}</dd>
        <dt>{t('group')}</dt>
        <dd className="mono">{group}</dd>
      </dl>
      <div className="field" style={{ marginTop: 'var(--space-4)' }}>
        <label htmlFor="kubectl-example">{t('example')}</label>
        <div className="token-value">
          <input
            id="kubectl-example"
            ref={commandRef}
            type="text"
            readOnly
            value={example}
            aria-describedby="kubectl-deploy"
          />
          <button type="button" className="button button--secondary" onClick={copy}>
            {t('copy')}
          </button>
        </div>
        {copied ? (
          <p className="small" role="status">
            {copied}
          </p>
        ) : null}
      </div>
      <p className="hint" id="kubectl-deploy">
        {t('deploy', { group, namespace })}
      </p>
    </>
  );
}
