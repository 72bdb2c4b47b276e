import type { BoardIncident } from '@kuzet/contracts/realtime/realtime-events';
import { keys, type BoardStore } from '../store/board-store';
import type { Alarm } from './alarm';

/**
 * Wires the alarm to the store: a new critical incident raises it (with `label`), and each raised
 * incident is watched until its acknowledgement (or resolution) ends its part of the alarm.
 */
export function followAlarm(store: BoardStore, alarm: Alarm, label: (incident: BoardIncident) => string): () => void {
  const watching = new Map<number, () => void>();
  const unwatchAll = () => {
    for (const stop of watching.values()) stop();
    watching.clear();
  };
  const check = () => {
    alarm.follow((id) => store.incident(id)?.state);
    if (!alarm.active) unwatchAll();
  };
  const stopRaise = store.onNewCritical((incident) => {
    alarm.raise(incident, label(incident));
    if (!watching.has(incident.id)) watching.set(incident.id, store.subscribe(keys.incident(incident.id), check));
  });
  const stopSilence = alarm.subscribe(() => !alarm.active && unwatchAll());
  return () => {
    stopRaise();
    stopSilence();
    unwatchAll();
  };
}
