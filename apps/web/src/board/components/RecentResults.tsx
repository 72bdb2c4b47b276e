import type { ResultView } from '../../api/api-types';
import { t, tk } from '../../i18n';
import { regionName } from '../model/region-name';
import { usePrefs } from '../prefs/prefs-store';
import { formatTime } from './format';

const OUTCOME_ICON = ['✓', '◐', '✕', '?'];

/** A check's latest runs with each condition's outcome ("[STATUS] (503) == 200" fails). */
export function RecentResults({ results }: { results: readonly ResultView[] }) {
  const { lang } = usePrefs();
  if (results.length === 0) return <p className="empty">{t(lang, 'noData')}</p>;
  return (
    <table className="results" data-testid="recent-results">
      <thead>
        <tr>
          <th>{t(lang, 'time')}</th>
          <th>{t(lang, 'region')}</th>
          <th>{t(lang, 'outcome')}</th>
          <th>ms</th>
          <th>{t(lang, 'conditions')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={`${r.region}-${r.time}`} data-outcome={r.outcome}>
            <td><time dateTime={r.time}>{formatTime(r.time, lang)}</time></td>
            <td>{regionName(lang, r.region)}</td>
            <td className="outcome" data-outcome={r.outcome}>
              <span aria-hidden="true">{OUTCOME_ICON[r.outcome] ?? '?'}</span> {tk(lang, `out.${r.outcome}`)}
              {r.status_code !== null && ` · ${r.status_code}`}
              {r.error_class && ` · ${r.error_class}`}
            </td>
            <td>{r.latency_ms ?? '—'}</td>
            <td>
              {r.conditions?.length ? (
                <ul className="conditions">
                  {r.conditions.map((c, n) => (
                    <li key={n} data-success={c.success}>
                      <span aria-label={c.success ? t(lang, 'yes') : t(lang, 'no')}>{c.success ? '✓' : '✕'}</span>{' '}
                      <code>{c.condition}</code>
                      {c.actual !== undefined && <> → <code>{c.actual}</code></>}
                      {c.error && <em> ({c.error})</em>}
                    </li>
                  ))}
                </ul>
              ) : (
                r.error_message ?? ''
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
