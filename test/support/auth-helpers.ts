import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSRF_HEADER, Role, SESSION_COOKIE, SessionUser, SessionView } from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { dataSourceExecutor } from '../../apps/api/src/database/sql-executor';
import { PasswordHasher } from '../../apps/api/src/users/password-hasher';
import { UsersRepository } from '../../apps/api/src/users/users.repository';

export interface TestUser {
  email: string;
  password: string;
  role: Role;
  /** The agency code; required for an agency_operator. */
  agency?: string;
  name?: string;
}

/** A signed-in session: the Cookie header to send, the CSRF token for writes, the user. */
export interface SignedIn {
  cookie: string;
  csrfToken: string;
  user: SessionUser;
  /** Headers for app.inject / fetch: cookie, plus x-csrf-token (harmless on reads). */
  headers: Record<string, string>;
}

// Cheap scrypt parameters keep tests fast; verification reads them from the stored hash.
const testHasher = new PasswordHasher({ N: 1024, r: 8, p: 1 });

/** Inserts a user straight into the database (a DataSource, or a database URL opened briefly). Returns its id. */
export async function createUser(db: DataSource | string, user: TestUser): Promise<number> {
  const dataSource = typeof db === 'string' ? await new DataSource(createDataSourceOptions(db)).initialize() : db;
  try {
    const users = new UsersRepository(dataSourceExecutor(dataSource));
    const agencyId = user.agency ? await users.agencyId(user.agency) : null;
    if (user.agency && agencyId === undefined) throw new Error(`createUser: unknown agency ${user.agency}`);
    const id = await users.insert({
      email: user.email.toLowerCase(),
      name: user.name ?? user.email,
      role: user.role,
      agencyId: agencyId ?? null,
      passwordHash: await testHasher.hash(user.password),
    });
    if (id === undefined) throw new Error(`createUser: ${user.email} exists`);
    return id;
  } finally {
    if (typeof db === 'string') await dataSource.destroy();
  }
}

function signedIn(setCookie: string | string[] | undefined, view: SessionView): SignedIn {
  const header = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!header) throw new Error('sign-in answered without the session cookie');
  const cookie = header.split(';')[0];
  return { cookie, csrfToken: view.csrf_token, user: view.user, headers: { cookie, [CSRF_HEADER]: view.csrf_token } };
}

/** Signs in over HTTP (a running server, e.g. startKuzet's baseUrl). Throws unless 200. */
export async function login(baseUrl: string, email: string, password: string): Promise<SignedIn> {
  const res = await fetch(new URL('/api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return signedIn(res.headers.getSetCookie(), (await res.json()) as SessionView);
}

/** Signs in through app.inject (an in-process Nest app). Throws unless 200. */
export async function injectLogin(app: NestFastifyApplication, email: string, password: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} answered ${res.statusCode}: ${res.body}`);
  return signedIn(res.headers['set-cookie'] as string | string[] | undefined, JSON.parse(res.body) as SessionView);
}

let adminCounter = 0;

/** Creates a fresh admin and signs it in through app.inject: the usual first line of a REST test. */
export async function signedInAdmin(app: NestFastifyApplication, db: DataSource | string): Promise<SignedIn> {
  return signedInAs(app, db, { role: 'admin' });
}

/** Creates a user of the role (agency for operators) with a unique e-mail and signs it in. */
export async function signedInAs(
  app: NestFastifyApplication,
  db: DataSource | string,
  user: { role: Role; agency?: string; email?: string },
): Promise<SignedIn> {
  adminCounter += 1;
  const email = user.email ?? `${user.role.replace('_', '-')}-${process.pid}-${adminCounter}@test.kuzet`;
  const password = 'test-password-1';
  await createUser(db, { email, password, role: user.role, agency: user.agency });
  return injectLogin(app, email, password);
}
