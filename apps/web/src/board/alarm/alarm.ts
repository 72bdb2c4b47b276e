/** What the alarm's sound can do now: 'blocked' = the browser keeps the AudioContext suspended (no gesture yet). */
export type SoundState = 'unknown' | 'running' | 'blocked' | 'unavailable';

/** What the alarm exposes on window.__kuzetAlarm: data about the real audio graph, read by the browser test. */
export interface AlarmAudioProbe {
  contextState: string | null;
  oscillatorsStarted: number;
  sound: SoundState;
  active: boolean;
}

interface Raised {
  /** The incident was open when the alarm rose: acknowledging it ends the alarm. */
  wasOpen: boolean;
}

/** How long a resume() may stay pending before the sound counts as blocked (Chromium leaves it pending). */
const RESUME_GRACE_MS = 300;

/**
 * The new-critical-incident alarm: a generated beep (WebAudio, no asset) unless muted, and a
 * visual alarm (banner, flashing title) that stays until the incidents are acknowledged or the
 * duty officer acknowledges the alarm itself. A board opened on a saved session had no gesture,
 * so the browser may block the sound: `sound` says so, and enableSound() (from a click) starts it.
 */
export class Alarm {
  private audio: AudioContext | null = null;
  private flashTimer: ReturnType<typeof setInterval> | null = null;
  private baseTitle = '';
  private label = '';
  private soundState: SoundState = 'unknown';
  private oscillators = 0;
  private beepOwed = false;
  private readonly raised = new Map<number, Raised>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly isMuted: () => boolean) {
    this.publish();
  }

  get active(): boolean {
    return this.raised.size > 0;
  }

  get sound(): SoundState {
    return this.soundState;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tries to start audio (the sign-in click counts as a gesture; a restored session has none):
   * a context still suspended after a resume attempt means the sound is blocked.
   */
  unlock(): void {
    try {
      this.audio ??= new AudioContext();
    } catch {
      this.audio = null;
      this.setSound('unavailable');
      return;
    }
    const ctx = this.audio;
    ctx.onstatechange = () => this.setSound(ctx.state === 'running' ? 'running' : this.soundState);
    if (ctx.state === 'running') {
      this.setSound('running');
      return;
    }
    const resumed = ctx.resume().then(
      () => true,
      () => false,
    );
    const grace = new Promise<boolean>((r) => setTimeout(() => r(false), RESUME_GRACE_MS));
    void Promise.race([resumed, grace]).then(() => this.setSound(ctx.state === 'running' ? 'running' : 'blocked'));
  }

  /** From a click on "enable sound": the gesture lets the context run; an owed beep plays at once. */
  enableSound(): void {
    this.unlock();
  }

  /** A new (or newly critical) incident: beep unless muted, and the visual alarm until it is acknowledged. */
  raise(incident: { id: number; state: string }, label: string): void {
    this.raised.set(incident.id, { wasOpen: incident.state === 'open' });
    this.label = label;
    if (!this.isMuted()) this.beep();
    this.startFlash();
    this.notify();
  }

  /** The incidents' current states: an alarm whose incident was acknowledged (or resolved) since it rose ends. */
  follow(stateOf: (id: number) => string | undefined): void {
    let changed = false;
    for (const [id, r] of this.raised) {
      const state = stateOf(id);
      if (state === 'resolved' || state === undefined || (r.wasOpen && state !== 'open')) changed = this.raised.delete(id) || changed;
    }
    if (changed && !this.active) this.stopFlash();
    if (changed) this.notify();
  }

  /** The duty officer acknowledges the alarm itself (the banner's button). */
  silence(): void {
    if (!this.active) return;
    this.raised.clear();
    this.stopFlash();
    this.notify();
  }

  /** Ends everything (sign-out). */
  dispose(): void {
    this.silence();
    void this.audio?.close().catch(() => undefined);
    this.audio = null;
  }

  private startFlash(): void {
    if (this.flashTimer) return;
    this.baseTitle = document.title;
    let on = false;
    this.flashTimer = setInterval(() => {
      on = !on;
      document.title = on ? `⚠ ${this.label}` : this.baseTitle;
    }, 800);
  }

  private stopFlash(): void {
    if (!this.flashTimer) return;
    clearInterval(this.flashTimer);
    this.flashTimer = null;
    document.title = this.baseTitle;
  }

  private beep(): void {
    const ctx = this.audio;
    if (!ctx || ctx.state !== 'running') {
      // Scheduled on a suspended context the beep would play late, whenever a gesture comes:
      // it is owed, and plays once the context runs (setSound).
      this.beepOwed = true;
      this.unlock();
      return;
    }
    this.beepOwed = false;
    // Three short 880 Hz pulses: distinct from system sounds, audible across a room.
    for (let n = 0; n < 3; n++) {
      const start = ctx.currentTime + n * 0.3;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.22);
      this.oscillators++;
    }
    this.publish();
  }

  private setSound(state: SoundState): void {
    const changed = state !== this.soundState;
    this.soundState = state;
    if (state === 'running' && this.beepOwed && this.active && !this.isMuted()) this.beep();
    else if (state !== 'running' && state !== 'blocked') this.beepOwed = false;
    if (changed) this.notify();
    else this.publish();
  }

  private publish(): void {
    if (typeof window === 'undefined') return;
    const probe: AlarmAudioProbe = {
      contextState: this.audio?.state ?? null,
      oscillatorsStarted: this.oscillators,
      sound: this.soundState,
      active: this.active,
    };
    (window as unknown as { __kuzetAlarm?: AlarmAudioProbe }).__kuzetAlarm = probe;
  }

  private notify(): void {
    this.publish();
    for (const l of this.listeners) l();
  }
}
