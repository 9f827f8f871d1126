import { readableLine } from './services';

describe('npm start shows the services log lines readably', () => {
  it('turns a JSON log line into time, level, message and fields, leaving out what the prefix says', () => {
    const line = JSON.stringify({ level: 'info', time: '2026-12-03T08:15:30.123Z', service: 'intake', pid: 42, hostname: 'vm', context: 'bootstrap', msg: 'intake listening on 0.0.0.0:3001' });
    const shown = readableLine(line);
    expect(shown).toContain('INFO');
    expect(shown).toContain('intake listening on 0.0.0.0:3001');
    expect(shown).toContain('"context":"bootstrap"');
    expect(shown).not.toContain('"pid"');
    expect(shown).not.toContain('{"level"');
    expect(shown).not.toContain('\n');
  });

  it('leaves lines that are not JSON as they are', () => {
    expect(readableLine('Debugger listening on ws://127.0.0.1:9229')).toBe('Debugger listening on ws://127.0.0.1:9229');
    expect(readableLine('{not json')).toBe('{not json');
  });
});
