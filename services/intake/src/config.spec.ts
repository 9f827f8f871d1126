import { loadConfig } from '@grievance/platform';
import { IntakeConfig } from './config';

describe('IntakeConfig', () => {
  it('begins tracking numbers with NC (Nanchang) unless the city says otherwise', () => {
    expect(loadConfig(IntakeConfig, {}).TRACKING_PREFIX).toBe('NC');
    expect(loadConfig(IntakeConfig, { TRACKING_PREFIX: 'GZ' }).TRACKING_PREFIX).toBe('GZ');
  });

  it.each(['nc', 'N', 'NC-', 'NANCHANG1', '赣州'])('refuses to start with TRACKING_PREFIX=%p, naming it', (value) => {
    expect(() => loadConfig(IntakeConfig, { TRACKING_PREFIX: value })).toThrow(/TRACKING_PREFIX/);
  });
});
