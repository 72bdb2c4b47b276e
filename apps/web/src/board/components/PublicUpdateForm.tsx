import { FormEvent, useState } from 'react';
import type { BoardIncident } from '@kuzet/contracts/realtime/realtime-events';
import { api } from '../../api/api-client';
import { t, tk } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useAction } from '../use-action';

const PUBLIC_STATES: BoardIncident['public_state'][] = ['investigating', 'identified', 'monitoring', 'resolved'];

/** A public update: one text per language (all three required) and the public state. */
export function PublicUpdateForm({ incident, onDone }: { incident: BoardIncident; onDone: () => void }) {
  const { lang } = usePrefs();
  const [state, setState] = useState(incident.public_state);
  const [text, setText] = useState({ kk: '', ru: '', en: '' });
  const action = useAction();
  const ready = text.kk.trim() && text.ru.trim() && text.en.trim();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.publicUpdate(incident.id, { public_state: state, text }))) {
      setText({ kk: '', ru: '', en: '' });
      onDone();
    }
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="public-update-form">
      <fieldset>
        <legend>{t(lang, 'publicUpdate')}</legend>
        <label>
          {t(lang, 'publicState')}
          <select name="public_state" value={state} onChange={(e) => setState(e.target.value as BoardIncident['public_state'])}>
            {PUBLIC_STATES.map((s) => (
              <option key={s} value={s}>{tk(lang, `pub.${s}`)}</option>
            ))}
          </select>
        </label>
        {(['kk', 'ru', 'en'] as const).map((l) => (
          <label key={l}>
            {t(lang, l === 'kk' ? 'textKk' : l === 'ru' ? 'textRu' : 'textEn')}
            <textarea name={`text_${l}`} lang={l} required maxLength={4000} rows={2} value={text[l]} onChange={(e) => setText({ ...text, [l]: e.target.value })} />
          </label>
        ))}
        <button type="submit" disabled={action.busy || !ready}>{t(lang, 'publish')}</button>
        {action.error && <p role="alert" className="error">{t(lang, 'actionFailed')}: {action.error}</p>}
      </fieldset>
    </form>
  );
}
