import type { Observable, Subscription } from 'rxjs';

export interface LeaderRoleHooks {
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

interface RoleLog {
  log(message: object): void;
  error(message: object): void;
}

/**
 * A piece of work that runs only while this node leads: started on promotion, stopped on
 * step-down, the two never overlapping (each waits for the one before).
 */
export class LeaderRole {
  private chain: Promise<void> = Promise.resolve();
  private running = false;
  private readonly subscription: Subscription;

  constructor(
    private readonly name: string,
    leading$: Observable<boolean>,
    private readonly hooks: LeaderRoleHooks,
    private readonly log: RoleLog,
  ) {
    this.subscription = leading$.subscribe((leading) => this.switchTo(leading));
  }

  /** Waits for the start or stop in progress. */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Stops following leadership changes and stops the work if it runs. */
  async close(): Promise<void> {
    this.subscription.unsubscribe();
    this.switchTo(false);
    await this.chain;
  }

  private switchTo(leading: boolean): void {
    this.chain = this.chain.then(async () => {
      if (leading === this.running) return;
      this.running = leading;
      try {
        if (leading) await this.hooks.start();
        else await this.hooks.stop();
        this.log.log({
          event: leading ? 'leadership.role_started' : 'leadership.role_stopped',
          role: this.name,
        });
      } catch (err) {
        this.log.error({
          event: 'leadership.role_failed',
          role: this.name,
          leading,
          err: err instanceof Error ? err.message : String(err),
        });
      }
    });
  }
}
