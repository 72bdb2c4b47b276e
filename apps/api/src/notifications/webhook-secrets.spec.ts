import type { AgencyContact } from '@kuzet/contracts';
import { webhookSecretsFor } from './webhook-secrets';

describe('webhookSecretsFor', () => {
  const installation = ['whsec_installationinstallation00'];
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  const hook = (secrets?: string[]): AgencyContact =>
    ({ kind: 'webhook', url: 'https://h.kz/x', language: 'ru', ...(secrets && { secrets }) });

  it("uses the contact's own secrets, resolved from the environment, in their order", () => {
    expect(webhookSecretsFor(hook(['${env:NEW}', '${env:OLD}']), installation, env({ NEW: 'whsec_new', OLD: 'whsec_old' }))).toEqual({
      secrets: ['whsec_new', 'whsec_old'],
    });
  });

  it('falls back to the installation secrets for a contact without its own, or an unknown recipient', () => {
    expect(webhookSecretsFor(hook(), installation, env({}))).toEqual({ secrets: installation });
    expect(webhookSecretsFor(undefined, installation, env({}))).toEqual({ secrets: installation });
  });

  it('never falls back when its own variable is gone: an error naming the variable', () => {
    expect(webhookSecretsFor(hook(['${env:GONE}']), installation, env({}))).toEqual({
      error: 'webhook secret variable GONE is not set',
    });
  });
});
