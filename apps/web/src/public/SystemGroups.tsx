import type { PublicStatusSummary, PublicSystem, PublicUptime } from '@kuzet/contracts/public/public-api.dto';
import type { PublicText } from './public-i18n';
import { publicHref } from './public-routes';
import { StatusBadge } from './StatusBadge';
import { UptimeBar } from './UptimeBar';

interface Group {
  code: string;
  name: string;
  systems: PublicSystem[];
}

/** The summary's systems grouped by agency or by category (life situation), in catalog order. */
export function groupSystems(summary: PublicStatusSummary, by: 'agency' | 'category', text: PublicText): Group[] {
  const names = new Map((by === 'agency' ? summary.agencies : summary.categories).map((g) => [g.code, text.pick(g.name)]));
  const groups = new Map<string, Group>();
  for (const g of by === 'agency' ? summary.agencies : summary.categories) groups.set(g.code, { code: g.code, name: names.get(g.code)!, systems: [] });
  for (const s of summary.systems) {
    const key = (by === 'agency' ? s.agency : s.category) ?? '';
    if (!groups.has(key)) groups.set(key, { code: key, name: names.get(key) ?? (key ? key : text.t('otherCategory')), systems: [] });
    groups.get(key)!.systems.push(s);
  }
  return [...groups.values()].filter((g) => g.systems.length > 0);
}

export function SystemRow({ system, uptime, text }: { system: PublicSystem; uptime: PublicUptime | undefined; text: PublicText }) {
  const name = text.pick(system.name);
  return (
    <li className="system-row" data-testid="public-system" data-system={system.code} data-status={system.status ?? 'no_data'}>
      <div className="system-head">
        <a href={publicHref(text.lang, { kind: 'system', code: system.code })} className="system-name">
          {name}
        </a>
        <StatusBadge status={system.status} text={text} />
      </div>
      {uptime && <UptimeBar uptime={uptime} text={text} label={`${name} — ${text.t('uptime90')}`} />}
    </li>
  );
}

export function SystemGroups({
  summary,
  uptime,
  by,
  text,
}: {
  summary: PublicStatusSummary;
  uptime: Record<string, PublicUptime>;
  by: 'agency' | 'category';
  text: PublicText;
}) {
  return (
    <>
      {groupSystems(summary, by, text).map((g) => (
        <section key={g.code} className="system-group" aria-labelledby={`group-${by}-${g.code}`} data-testid="system-group">
          <h3 id={`group-${by}-${g.code}`}>
            {g.name} <span className="muted">({text.t('systemCount', { count: g.systems.length })})</span>
          </h3>
          <ul className="systems">
            {g.systems.map((s) => (
              <SystemRow key={s.code} system={s} uptime={uptime[s.code]} text={text} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
