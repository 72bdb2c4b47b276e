import type { Lang } from '../i18n';

// The /admin page's labels, in the shape of ../i18n.ts; the shared labels (roles, sign-in, theme,
// language) come from there, so a word is translated once.
type Messages = Record<string, Record<Lang, string>>;

const admin = {
  title: { kk: 'Әкімшілік', ru: 'Администрирование', en: 'Administration' },
  board: { kk: 'Кезекші тақтасы', ru: 'Панель дежурного', en: 'Duty board' },
  users: { kk: 'Пайдаланушылар', ru: 'Пользователи', en: 'Users' },
  audit: { kk: 'Аудит журналы', ru: 'Журнал аудита', en: 'Audit log' },
  adminsOnly: {
    kk: 'Бұл бет тек әкімшілерге арналған.',
    ru: 'Эта страница доступна только администраторам.',
    en: 'This page is for admins only.',
  },
  adminsOnlyHint: {
    kk: 'Рөліңізді өзгерту үшін әкімшіге хабарласыңыз.',
    ru: 'Чтобы изменить роль, обратитесь к администратору.',
    en: 'Ask an admin if you need another role.',
  },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'Email' },
  name: { kk: 'Аты', ru: 'Имя', en: 'Name' },
  role: { kk: 'Рөлі', ru: 'Роль', en: 'Role' },
  agency: { kk: 'Мекеме', ru: 'Ведомство', en: 'Agency' },
  noAgency: { kk: '— мекеме жоқ —', ru: '— без ведомства —', en: '— no agency —' },
  pickAgency: { kk: '— мекемені таңдаңыз —', ru: '— выберите ведомство —', en: '— pick an agency —' },
  password: { kk: 'Құпиясөз', ru: 'Пароль', en: 'Password' },
  status: { kk: 'Күйі', ru: 'Состояние', en: 'Status' },
  created: { kk: 'Құрылды', ru: 'Создан', en: 'Created' },
  actions: { kk: 'Әрекеттер', ru: 'Действия', en: 'Actions' },
  enabled: { kk: 'Белсенді', ru: 'Активен', en: 'Enabled' },
  disabled: { kk: 'Өшірілген', ru: 'Отключён', en: 'Disabled' },
  disable: { kk: 'Өшіру', ru: 'Отключить', en: 'Disable' },
  enable: { kk: 'Қосу', ru: 'Включить', en: 'Enable' },
  save: { kk: 'Сақтау', ru: 'Сохранить', en: 'Save' },
  cancel: { kk: 'Болдырмау', ru: 'Отмена', en: 'Cancel' },
  edit: { kk: 'Рөл / мекеме', ru: 'Роль / ведомство', en: 'Role / agency' },
  resetPassword: { kk: 'Құпиясөзді қалпына келтіру', ru: 'Сбросить пароль', en: 'Reset password' },
  newPassword: { kk: 'Жаңа құпиясөз', ru: 'Новый пароль', en: 'New password' },
  passwordReset: { kk: 'Құпиясөз өзгертілді', ru: 'Пароль изменён', en: 'Password changed' },
  createUser: { kk: 'Жаңа пайдаланушы', ru: 'Новый пользователь', en: 'New user' },
  create: { kk: 'Құру', ru: 'Создать', en: 'Create' },
  created_ok: { kk: 'Пайдаланушы құрылды', ru: 'Пользователь создан', en: 'User created' },
  saved: { kk: 'Сақталды', ru: 'Сохранено', en: 'Saved' },
  noUsers: { kk: 'Пайдаланушылар жоқ', ru: 'Пользователей нет', en: 'No users' },
  emailTaken: { kk: 'Бұл пошта бос емес', ru: 'Эта почта уже занята', en: 'This e-mail is taken' },
  lastAdmin: {
    kk: 'Соңғы белсенді әкімшінің рөлін өзгертуге немесе оны өшіруге болмайды',
    ru: 'Последнего активного администратора нельзя понизить или отключить',
    en: 'The last enabled admin cannot be demoted or disabled',
  },
  failed: { kk: 'Әрекет орындалмады', ru: 'Действие не выполнено', en: 'The action failed' },
  loadFailed: { kk: 'Жүктеу сәтсіз аяқталды', ru: 'Не удалось загрузить', en: 'Could not load' },
  loading: { kk: 'Жүктелуде…', ru: 'Загрузка…', en: 'Loading…' },
  when: { kk: 'Уақыты', ru: 'Когда', en: 'When' },
  who: { kk: 'Кім', ru: 'Кто', en: 'Who' },
  action: { kk: 'Әрекет', ru: 'Действие', en: 'Action' },
  target: { kk: 'Нысан', ru: 'Объект', en: 'Target' },
  changes: { kk: 'Өзгерістер', ru: 'Изменения', en: 'Changes' },
  address: { kk: 'Мекенжай', ru: 'Адрес', en: 'Address' },
  actor: { kk: 'Орындаушы (пошта)', ru: 'Исполнитель (почта)', en: 'Actor (e-mail)' },
  actionFilter: { kk: 'Әрекет немесе оның басы', ru: 'Действие или его начало', en: 'Action or its prefix' },
  from: { kk: 'Бастап', ru: 'С', en: 'From' },
  to: { kk: 'Дейін', ru: 'По', en: 'To' },
  filter: { kk: 'Сүзу', ru: 'Найти', en: 'Filter' },
  clear: { kk: 'Тазалау', ru: 'Сбросить', en: 'Clear' },
  more: { kk: 'Тағы жүктеу', ru: 'Показать ещё', en: 'Load more' },
  noEntries: { kk: 'Жазба жоқ', ru: 'Записей нет', en: 'No entries' },
  almatyTime: { kk: 'Алматы уақыты бойынша', ru: 'время по Алматы', en: 'Almaty time' },
  newestFirst: { kk: 'Ең жаңасы жоғарыда', ru: 'Сначала новые', en: 'Newest first' },
  system: { kk: 'жүйе', ru: 'система', en: 'system' },
  'field.required': { kk: 'Міндетті өріс', ru: 'Обязательное поле', en: 'Required' },
} satisfies Messages;

export type AdminKey = keyof typeof admin;
export const ta = (lang: Lang, key: AdminKey): string => admin[key][lang];

/** Every admin label, for the completeness test. */
export const allAdminMessages = (): Messages => admin;
