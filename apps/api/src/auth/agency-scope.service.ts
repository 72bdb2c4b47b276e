import { Injectable } from '@nestjs/common';
import type { CheckView, SessionUser, SystemDetail } from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import { dataSourceExecutor, SqlExecutor } from '../database/sql-executor';
import { OtherAgencyError } from './auth.errors';

/**
 * The one place that scopes data to an agency operator's agency. Every other role sees
 * everything. Lists are filtered (asking for another agency is 403); a resource of another
 * agency is 403; an unknown one passes, so the handler answers 404 as for anyone.
 */
@Injectable()
export class AgencyScope {
  private readonly db: SqlExecutor;

  constructor(dataSource: DataSource) {
    this.db = dataSourceExecutor(dataSource);
  }

  /** The agency the user is bound to, or null when it sees every agency. */
  boundAgency(user: SessionUser): string | null {
    return user.role === 'agency_operator' ? user.agency : null;
  }

  /** The agency filter of a list: the operator's own (another one asked for is 403), else as asked. */
  agencyFilter(user: SessionUser, requested: string | undefined): string | undefined {
    const bound = this.boundAgency(user);
    if (bound === null) return requested;
    if (requested !== undefined && requested !== bound) throw new OtherAgencyError(`agency ${requested}`);
    return bound;
  }

  /** Keeps the items of the user's agency. */
  filter<T>(user: SessionUser, items: readonly T[], agencyOf: (item: T) => string | null | undefined): T[] {
    const bound = this.boundAgency(user);
    return bound === null ? [...items] : items.filter((item) => agencyOf(item) === bound);
  }

  assertAgency(user: SessionUser, agencyCode: string): void {
    const bound = this.boundAgency(user);
    if (bound !== null && agencyCode !== bound) throw new OtherAgencyError(`agency ${agencyCode}`);
  }

  async assertSystem(user: SessionUser, systemCode: string): Promise<void> {
    if (this.boundAgency(user) === null) return;
    const owner = await this.ownerOf('SELECT a.code FROM systems s JOIN agencies a ON a.id = s.agency_id WHERE s.code = $1', systemCode);
    if (owner !== undefined && owner !== user.agency) throw new OtherAgencyError(`system ${systemCode}`);
  }

  async assertCheck(user: SessionUser, checkId: number): Promise<void> {
    if (this.boundAgency(user) === null || !Number.isSafeInteger(checkId)) return;
    const owner = await this.ownerOf(
      'SELECT a.code FROM checks c JOIN systems s ON s.id = c.system_id JOIN agencies a ON a.id = s.agency_id WHERE c.id = $1',
      checkId,
    );
    if (owner !== undefined && owner !== user.agency) throw new OtherAgencyError(`check ${checkId}`);
  }

  async assertIncident(user: SessionUser, incidentId: number): Promise<void> {
    if (this.boundAgency(user) === null || !Number.isSafeInteger(incidentId)) return;
    const owner = await this.ownerOf('SELECT a.code FROM incidents i JOIN agencies a ON a.id = i.agency_id WHERE i.id = $1', incidentId);
    if (owner !== undefined && owner !== user.agency) throw new OtherAgencyError(`incident ${incidentId}`);
  }

  /** Codes of the systems the user may see; null when it sees all of them. */
  async visibleSystems(user: SessionUser): Promise<Set<string> | null> {
    const bound = this.boundAgency(user);
    if (bound === null) return null;
    const rows = await this.db.query<{ code: string }>(
      'SELECT s.code FROM systems s JOIN agencies a ON a.id = s.agency_id WHERE a.code = $1',
      [bound],
    );
    return new Set(rows.map((r) => r.code));
  }

  /** A heartbeat's push token is a credential (anyone holding it reports beats): viewers do not get it. */
  redactCheck<T extends Pick<CheckView, 'push_token'>>(user: SessionUser, check: T): T {
    return user.role === 'viewer' && check.push_token ? { ...check, push_token: null } : check;
  }

  redactSystemDetail(user: SessionUser, detail: SystemDetail): SystemDetail {
    return user.role === 'viewer' ? { ...detail, checks: detail.checks.map((c) => this.redactCheck(user, c)) } : detail;
  }

  private async ownerOf(sql: string, key: unknown): Promise<string | undefined> {
    return (await this.db.query<{ code: string }>(sql, [key]))[0]?.code;
  }
}
