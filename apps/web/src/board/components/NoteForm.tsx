import { FormEvent, useState } from 'react';
import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useAction } from '../use-action';

export function NoteForm({ id, onDone }: { id: number; onDone: () => void }) {
  const { lang } = usePrefs();
  const [text, setText] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.note(id, text))) {
      setText('');
      onDone();
    }
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="note-form">
      <label>
        {t(lang, 'note')}
        <textarea name="note" required maxLength={10000} value={text} onChange={(e) => setText(e.target.value)} rows={2} />
      </label>
      <button type="submit" disabled={action.busy || !text.trim()}>{t(lang, 'addNote')}</button>
      {action.error && <p role="alert" className="error">{t(lang, 'actionFailed')}: {action.error}</p>}
    </form>
  );
}
