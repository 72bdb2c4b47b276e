/**
 * The new-critical-incident alarm: a generated beep (WebAudio, no asset) unless muted, and a
 * flashing document title until the duty officer looks (focus, click or key) or silences it.
 */
export class Alarm {
  private audio: AudioContext | null = null;
  private flashTimer: ReturnType<typeof setInterval> | null = null;
  private baseTitle = '';
  private readonly stop = () => this.silence();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly isMuted: () => boolean) {}

  get active(): boolean {
    return this.flashTimer !== null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Browsers start audio only after a gesture; call from one (sign-in, a click) to unlock it. */
  unlock(): void {
    try {
      this.audio ??= new AudioContext();
      if (this.audio.state === 'suspended') void this.audio.resume();
    } catch {
      this.audio = null;
    }
  }

  raise(label: string): void {
    if (!this.isMuted()) this.beep();
    if (this.flashTimer) return;
    this.baseTitle = document.title;
    let on = false;
    this.flashTimer = setInterval(() => {
      on = !on;
      document.title = on ? `⚠ ${label}` : this.baseTitle;
    }, 800);
    window.addEventListener('keydown', this.stop, { once: true });
    window.addEventListener('pointerdown', this.stop, { once: true });
    this.notify();
  }

  silence(): void {
    if (!this.flashTimer) return;
    clearInterval(this.flashTimer);
    this.flashTimer = null;
    document.title = this.baseTitle;
    window.removeEventListener('keydown', this.stop);
    window.removeEventListener('pointerdown', this.stop);
    this.notify();
  }

  private beep(): void {
    this.unlock();
    const ctx = this.audio;
    if (!ctx) return;
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
    }
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
