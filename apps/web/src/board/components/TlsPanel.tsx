import type { TlsDetails } from '../../api/api-types';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { formatTime } from './format';

/** The certificate and protocol facts a TLS (or HTTPS) run recorded; only what the probe saw. */
export function TlsPanel({ tls, source }: { tls: TlsDetails | undefined; source: string | null }) {
  const { lang } = usePrefs();
  return (
    <section className="card" data-testid="tls-details">
      <h3>{t(lang, 'tls')}{source ? ` · ${source}` : ''}</h3>
      {!tls ? (
        <p className="empty">{t(lang, 'tlsNone')}</p>
      ) : (
        <dl className="kv">
          <div><dt>{t(lang, 'tlsSubject')}</dt><dd>{tls.subject}</dd></div>
          <div><dt>{t(lang, 'tlsIssuer')}</dt><dd>{tls.issuer}</dd></div>
          <div><dt>{t(lang, 'tlsValidTo')}</dt><dd>{formatTime(tls.validTo, lang)}</dd></div>
          <div><dt>{t(lang, 'tlsDaysLeft')}</dt><dd data-warn={tls.daysToExpiry < 14}>{tls.daysToExpiry}</dd></div>
          <div><dt>{t(lang, 'tlsProtocol')}</dt><dd>{tls.protocol ?? '—'}{tls.cipher ? ` · ${tls.cipher}` : ''}</dd></div>
          <div>
            <dt>{t(lang, 'tlsChain')}</dt>
            <dd>{tls.chainValid ? `✓ ${t(lang, 'yes')}` : `✕ ${t(lang, 'no')}${tls.authorizationError ? ` (${tls.authorizationError})` : ''}`}</dd>
          </div>
          {tls.acceptedVersions && <div><dt>{t(lang, 'tlsVersions')}</dt><dd>{tls.acceptedVersions.join(', ')}</dd></div>}
          {tls.keyBits !== undefined && <div><dt>{t(lang, 'tlsKeyBits')}</dt><dd>{tls.keyBits}</dd></div>}
        </dl>
      )}
    </section>
  );
}
