export interface ConfigProblem {
  variable: string;
  message: string;
}

export class InvalidConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidConfigError';
  }
}
