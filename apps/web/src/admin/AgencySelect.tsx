import type { AgencyView } from '@kuzet/contracts/catalog/catalog-api.dto';
import type { Lang } from '../i18n';
import { ta } from './admin-i18n';

/** The catalog's agencies by name in the page language; the empty choice sends no agency. */
export function AgencySelect({ agencies, lang, value, onChange, id, ...aria }: {
  agencies: AgencyView[];
  lang: Lang;
  value: string;
  onChange: (code: string) => void;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <select id={id} name="agency" value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
      <option value="">{ta(lang, 'pickAgency')}</option>
      {agencies.map((a) => (
        <option key={a.code} value={a.code}>
          {a.name[lang] || a.code} ({a.code})
        </option>
      ))}
    </select>
  );
}
