import { actorName, publishedUpdates, timelineText } from './incident-timeline';

const entry = (id: number, kind: string, data: Record<string, unknown>, actor = 'detector', at = `2026-12-03T10:0${id}:00Z`) => ({ id, kind, at, actor, data });

describe('incident timeline in words', () => {
  it('names each kind and its details in the language, never the raw codes', () => {
    expect(timelineText(entry(1, 'state_changed', { to: 'open', status: 'major_outage' }), 'ru')).toEqual({ kind: 'Инцидент открыт', detail: 'Полный сбой' });
    expect(timelineText(entry(2, 'status_changed', { from: 'partial_outage', to: 'major_outage' }), 'en')).toEqual({
      kind: 'Status changed',
      detail: 'Partial outage → Major outage',
    });
    expect(timelineText(entry(3, 'acknowledged', {}), 'kk')).toEqual({ kind: 'Қабылданды', detail: null });
    const update = entry(4, 'public_update', { public_state: 'identified', text: { kk: 'қаз', ru: 'рус', en: 'eng' } });
    expect(timelineText(update, 'ru')).toEqual({ kind: 'Публичное сообщение', detail: 'Причина найдена: рус' });
    expect(timelineText(entry(5, 'linked_to_root', { root_incident_id: 12 }), 'en').detail).toBe('root incident #12');
  });

  it('says who acted: the detector in words, a person by e-mail', () => {
    expect(actorName('ru', 'detector')).toBe('детектор');
    expect(actorName('ru', 'duty@kuzet.test')).toBe('duty@kuzet.test');
  });

  it('lists the published public updates newest first, with every language', () => {
    const timeline = [
      entry(1, 'public_update', { public_state: 'investigating', text: { kk: 'a', ru: 'b', en: 'c' } }, 'x@y'),
      entry(2, 'note', { text: 'internal' }, 'x@y'),
      entry(3, 'public_update', { public_state: 'identified', text: { kk: 'd', ru: 'e', en: 'f' } }, 'x@y'),
    ];
    expect(publishedUpdates(timeline).map((u) => [u.id, u.publicState, u.text.en])).toEqual([
      [3, 'identified', 'f'],
      [1, 'investigating', 'c'],
    ]);
  });
});
