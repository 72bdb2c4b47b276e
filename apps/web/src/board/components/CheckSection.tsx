import { lazy, Suspense } from 'react';
import type { CheckView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { api } from '../../api/api-client';
import { t, tk } from '../../i18n';
import { regionName } from '../model/region-name';
import { usePrefs } from '../prefs/prefs-store';
import { useAsync } from '../use-async';
import { RecentResults } from './RecentResults';
import { TlsPanel } from './TlsPanel';

// Recharts is most of the bundle: loaded only when a drill-down is opened.
const LatencyChart = lazy(() => import('./LatencyChart').then((m) => ({ default: m.LatencyChart })));

/** One check of a system: latency by region, recent results with conditions, TLS details. */
export function CheckSection({ check }: { check: CheckView }) {
  const { lang } = usePrefs();
  const id = check.id;
  const results = useAsync(() => api.results(id, 20), [id]);
  // The kind in words; the code names the check among several of one kind (the catalog has no check names).
  const label = `${tk(lang, `checkKind.${check.kind}`)} · ${check.code}`;
  const tlsRun = results.data?.results.find((r) => r.details?.tls);
  return (
    <section className="card check" data-testid="check-section" data-check={check.key}>
      <h3>{t(lang, 'check')}: {label}</h3>
      <Suspense fallback={<p className="empty">{t(lang, 'loading')}</p>}>
        <LatencyChart checkId={id} label={`${t(lang, 'latency')} — ${label}`} />
      </Suspense>
      <h4>{t(lang, 'recentResults')}</h4>
      {results.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {results.error}</p>}
      {results.data && <RecentResults results={results.data.results} />}
      {(check.kind === 'tls' || tlsRun) && <TlsPanel tls={tlsRun?.details?.tls} source={tlsRun ? regionName(lang, tlsRun.region) : null} />}
    </section>
  );
}
