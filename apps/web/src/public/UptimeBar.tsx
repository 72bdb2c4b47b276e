import { useRef, useState, type KeyboardEvent } from 'react';
import type { PublicUptime, PublicUptimeDay } from '@kuzet/contracts/public/public-api.dto';
import type { PublicText } from './public-i18n';

/** A day's colour by the uptime rule's inputs: the worst state seen that day. */
export function dayStatus(day: PublicUptimeDay): string {
  if (day.uptime === null) return 'no_data';
  if (day.major_s > 0) return 'major_outage';
  if (day.partial_s > 0) return 'partial_outage';
  if (day.degraded_s > 0) return 'degraded_performance';
  return 'operational';
}

export function dayLabel(day: PublicUptimeDay, text: PublicText): string {
  const date = text.date(day.date);
  if (day.uptime === null) return text.t('uptimeDayNone', { date });
  const min = (s: number) => Math.round(s / 60);
  return text.t('uptimeDay', {
    date,
    uptime: text.percent(day.uptime),
    major: min(day.major_s),
    partial: min(day.partial_s),
    degraded: min(day.degraded_s),
  });
}

/**
 * 90 days, one cell each. Hover shows the day's figures (title, and the tooltip below); the bar is
 * one tab stop and the arrow keys move through the days (roving tabindex), each announcing its figures.
 */
export function UptimeBar({ uptime, text, label }: { uptime: PublicUptime; text: PublicText; label: string }) {
  const [active, setActive] = useState(uptime.days.length - 1);
  const [shown, setShown] = useState<number | null>(null);
  const cells = useRef<(HTMLSpanElement | null)[]>([]);
  const tipId = `uptime-tip-${uptime.system}`;
  const move = (e: KeyboardEvent) => {
    const next = e.key === 'ArrowLeft' ? active - 1 : e.key === 'ArrowRight' ? active + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? uptime.days.length - 1 : null;
    if (next === null || next < 0 || next >= uptime.days.length) return;
    e.preventDefault();
    setActive(next);
    setShown(next);
    cells.current[next]?.focus();
  };
  const tip = shown === null ? null : uptime.days[shown];
  return (
    <figure className="uptime" data-testid="uptime-bar" data-system={uptime.system}>
      <figcaption>
        {label}:{' '}
        {uptime.uptime === null ? text.t('uptimeUnknown') : text.t('uptimeTotal', { uptime: text.percent(uptime.uptime) })}
      </figcaption>
      <div className="uptime-days" role="group" aria-label={label} aria-describedby={`${tipId}-help`} onKeyDown={move} onMouseLeave={() => setShown(null)}>
        {uptime.days.map((day, i) => {
          const words = dayLabel(day, text);
          return (
            <span
              key={day.date}
              ref={(el) => {
                cells.current[i] = el;
              }}
              className="uptime-day"
              data-status={dayStatus(day)}
              data-testid="uptime-day"
              role="img"
              aria-label={words}
              title={words}
              tabIndex={i === active ? 0 : -1}
              onFocus={() => setShown(i)}
              onBlur={() => setShown(null)}
              onMouseEnter={() => setShown(i)}
            />
          );
        })}
      </div>
      <p id={`${tipId}-help`} className="visually-hidden">
        {text.t('uptimeHelp')}
      </p>
      <p className="uptime-tip" role="status" id={tipId} data-testid="uptime-tip" hidden={!tip}>
        {tip ? dayLabel(tip, text) : ''}
      </p>
    </figure>
  );
}
