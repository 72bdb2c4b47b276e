import type { SystemScoreView } from '@kuzet/contracts/scoring/score-views';
import { SCORE_COMPONENT_KEYS } from '@kuzet/contracts/scoring/score-views';
import { api } from '../../api/api-client';
import { t, tk } from '../../i18n';
import { formatScore } from '../model/score-display';
import { agencyPath, systemPath } from '../model/board-route';
import { usePrefs } from '../prefs/prefs-store';
import { useScoreVersion } from '../store/board-context';
import { useAsync } from '../use-async';
import { linkClick } from '../use-location';
import { formatTime } from './format';
import { FindingItem } from './FindingItem';
import { GradeBadge } from './GradeBadge';
import { ScoreSparkline } from './ScoreSparkline';

function SystemScoreSection({ s }: { s: SystemScoreView }) {
  const { lang } = usePrefs();
  return (
    <article className="card system-score" data-testid="system-score" data-system={s.system}>
      <header className="page-head">
        <h3><a href={systemPath(s.system)} onClick={linkClick(systemPath(s.system))}>{s.name[lang]}</a></h3>
        <GradeBadge grade={s.grade} score={s.score} />
        <span className="muted">{tk(lang, `tier.${s.tier}`)} · <code>{s.system}</code></span>
      </header>
      <table className="score-components">
        <caption>{t(lang, 'components')}</caption>
        <tbody>
          {SCORE_COMPONENT_KEYS.map((k) => (
            <tr key={k}>
              <th scope="row">{tk(lang, `comp.${k}`)}</th>
              <td>{formatScore(s.components[k].points)} / {s.components[k].max}</td>
            </tr>
          ))}
          <tr><th scope="row">{t(lang, 'sslLabs')}</th><td>{s.tls_grade ?? '—'}</td></tr>
          <tr><th scope="row">{t(lang, 'observatory')}</th><td>{s.http_observatory ? `${s.http_observatory.grade} (${s.http_observatory.score})` : '—'}</td></tr>
        </tbody>
      </table>
      {s.caps.length > 0 && (
        <div className="caps">
          <h4>{t(lang, 'caps')}</h4>
          <ul>{s.caps.map((c) => <li key={c.rule} data-testid="cap">≤ {c.limit}: {c.reason} <code>{c.rule}</code></li>)}</ul>
        </div>
      )}
      <h4>{t(lang, 'findings')}</h4>
      {s.findings.length === 0 ? (
        <p className="muted">{t(lang, 'noFindings')}</p>
      ) : (
        <ul className="findings">{s.findings.map((f, i) => <FindingItem key={`${f.rule}:${i}`} finding={f} detailed />)}</ul>
      )}
    </article>
  );
}

/** /board/agencies/:code/report: the printable report card of one agency (print CSS hides the board chrome). */
export function ReportCardPage({ code }: { code: string }) {
  const { lang } = usePrefs();
  const version = useScoreVersion(code);
  const card = useAsync(() => api.reportCard(code), [code, version]);
  if (card.error) return <p role="alert" className="error">{t(lang, 'loadFailed')}: {card.error}</p>;
  if (!card.data) return <p className="empty">{t(lang, 'loading')}</p>;
  const c = card.data;
  return (
    <div className="report-card" data-testid="report-card" data-agency={code}>
      <header className="page-head">
        <h2>{t(lang, 'reportCard')}: <a href={agencyPath(code)} onClick={linkClick(agencyPath(code))}>{c.name[lang]}</a></h2>
        <GradeBadge grade={c.grade} score={c.score} />
        <button className="no-print" data-testid="print" onClick={() => window.print()}>⎙ {t(lang, 'print')}</button>
      </header>
      <dl className="facts small">
        <div><dt>{t(lang, 'weightedMean')}</dt><dd>{formatScore(c.weighted_mean)}</dd></div>
        <div><dt>{t(lang, 'worstSystem')}</dt><dd>{c.worst ? `${c.worst.system} · ${formatScore(c.worst.score)}` : '—'}</dd></div>
        <div><dt>{t(lang, 'trend')}</dt><dd><ScoreSparkline trend={c.trend} /></dd></div>
        <div><dt>{t(lang, 'scoredAt')}</dt><dd className="small-text">{formatTime(c.computed_at, lang)}</dd></div>
      </dl>
      {c.systems.map((s) => <SystemScoreSection key={s.system} s={s} />)}
    </div>
  );
}
