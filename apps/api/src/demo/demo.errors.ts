export class DemoStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoStartError';
  }
}
