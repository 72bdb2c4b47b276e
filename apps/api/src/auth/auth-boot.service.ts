import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Role } from '@kuzet/contracts';
import { randomBytes } from 'node:crypto';
import { Subscription } from 'rxjs';
import { SYSTEM_ACTOR } from '../audit/audit-entry';
import { CatalogEvents } from '../catalog/catalog-events.service';
import { AppConfig } from '../config/app-config';
import { StorageModeService } from '../database/storage-mode.service';
import { UsersService } from '../users/users.service';
import { CredentialsPrinter } from './credentials-printer';

/** The demo operator works for the agency that owns this system of the demo fleet (nit). */
export const DEMO_OPERATOR_SYSTEM = 'egov-portal';

interface DemoUser {
  email: string;
  role: Role;
  name: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@demo.kuzet', role: 'admin', name: 'Demo admin' },
  { email: 'duty@demo.kuzet', role: 'duty_officer', name: 'Demo duty officer' },
  { email: 'operator@demo.kuzet', role: 'agency_operator', name: 'Demo agency operator' },
  { email: 'viewer@demo.kuzet', role: 'viewer', name: 'Demo viewer' },
];

export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * At start, after migrations (StorageModeService exists only then): the first admin from
 * KUZET_ADMIN_EMAIL/KUZET_ADMIN_PASSWORD is created, or its password updated; in demo mode the
 * demo users are created when absent, their generated passwords printed once. The demo operator
 * needs its agency, which the demo catalog brings: when it is not loaded yet, seeding waits for it.
 */
@Injectable()
export class AuthBootService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuthBootService.name);
  private waiting?: Subscription;

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly printer: CredentialsPrinter,
    private readonly moduleRef: ModuleRef,
    @Optional() readonly migratedStorage?: StorageModeService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
    if (this.config.demo) await this.seedDemoUsers();
  }

  onModuleDestroy(): void {
    this.waiting?.unsubscribe();
  }

  async ensureAdmin(): Promise<void> {
    const { adminEmail, adminPassword } = this.config.auth;
    if (!adminEmail || !adminPassword) return;
    const existing = await this.users.findByEmail(adminEmail);
    if (!existing) {
      await this.users.create({ email: adminEmail, role: 'admin', name: 'Administrator', password: adminPassword }, SYSTEM_ACTOR);
      this.logger.log({ msg: 'admin created', email: adminEmail.toLowerCase() });
    } else {
      if (!(await this.users.passwordMatches(existing, adminPassword))) {
        await this.users.setPassword(adminEmail, adminPassword, SYSTEM_ACTOR);
        this.logger.log({ msg: 'admin password updated from KUZET_ADMIN_PASSWORD', email: existing.email });
      }
      // Role and state are managed in the app; the start-up only says when they look wrong.
      if (existing.role !== 'admin' || existing.disabled)
        this.logger.warn({ msg: 'KUZET_ADMIN_EMAIL names a user that is not an enabled admin', email: existing.email, role: existing.role, disabled: existing.disabled });
    }
  }

  /** Creates the absent demo users; returns the ones created now with their passwords. */
  async seedDemoUsers(): Promise<{ email: string; role: Role; password: string }[]> {
    const created: { email: string; role: Role; password: string }[] = [];
    const absent: DemoUser[] = [];
    for (const user of DEMO_USERS) if (!(await this.users.findByEmail(user.email))) absent.push(user);
    if (absent.length === 0) return created;
    const agency = (await this.users.agencyOfSystem(DEMO_OPERATOR_SYSTEM))?.code;
    // All in one go once the operator's agency is known, so the passwords print as one block.
    if (!agency && absent.some((u) => u.role === 'agency_operator')) {
      this.seedWhenCatalogLoads();
      return created;
    }
    for (const user of absent) {
      const password = generatePassword();
      await this.users.create({ ...user, agency: user.role === 'agency_operator' ? agency : undefined, password }, SYSTEM_ACTOR);
      created.push({ email: user.email, role: user.role, password });
    }
    this.announce(created);
    return created;
  }

  private seedWhenCatalogLoads(): void {
    if (this.waiting) return;
    let events: CatalogEvents;
    try {
      events = this.moduleRef.get(CatalogEvents, { strict: false });
    } catch {
      this.logger.warn({ msg: 'demo operator not created: its agency is not in the catalog', system: DEMO_OPERATOR_SYSTEM });
      return;
    }
    this.waiting = events.changes$.subscribe(() => {
      this.waiting?.unsubscribe();
      this.waiting = undefined;
      this.seedDemoUsers().catch((error: unknown) =>
        this.logger.error({ msg: 'demo users not created', err: String(error) }),
      );
    });
  }

  private announce(created: { email: string; role: Role; password: string }[]): void {
    // Passwords go to the terminal only, never into the JSON log (which may be shipped elsewhere).
    this.logger.log({
      msg: 'demo users created; their passwords are printed once on stdout',
      users: created.map(({ email, role }) => ({ email, role })),
    });
    const width = Math.max(...created.map((u) => u.email.length));
    const lines = created.map((u) => `  ${u.email.padEnd(width)}  ${u.password}  (${u.role})`);
    this.printer.print(
      ['', 'Kuzet demo users (passwords are shown only this once):', ...lines, ''].join('\n'),
    );
  }
}
