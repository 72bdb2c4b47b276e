import { CliUsageError, DEFAULT_CONTROL_PORT, parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('has defaults', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      catalogOut: undefined,
      controlPort: DEFAULT_CONTROL_PORT,
      intervalS: undefined,
      dayInTheLife: false,
      dayInTheLifeSpeed: undefined,
      fleet: undefined,
      seed: undefined,
      basePort: undefined,
      systems: undefined,
      logLevel: 'info',
    });
  });

  it('reads every flag', () => {
    const o = parseCliArgs(
      [
        '--catalog-out',
        '/tmp/c',
        '--control-port',
        '0',
        '--interval',
        '2.5',
        '--day-in-the-life',
        '--day-in-the-life-speed',
        '60',
        '--fleet',
        'f.yaml',
        '--seed',
        's',
        '--base-port',
        '42000',
        '--systems',
        'esf, damumed',
        '--log-level',
        'warn',
      ],
      {},
    );
    expect(o).toMatchObject({
      catalogOut: '/tmp/c',
      controlPort: 0,
      intervalS: 2.5,
      dayInTheLife: true,
      dayInTheLifeSpeed: 60,
      fleet: 'f.yaml',
      seed: 's',
      basePort: 42000,
      systems: ['esf', 'damumed'],
      logLevel: 'warn',
    });
  });

  it('takes the fleet file from KUZET_FLEET_FILE when the flag is absent', () => {
    expect(parseCliArgs([], { KUZET_FLEET_FILE: '/x.yaml' }).fleet).toBe('/x.yaml');
    expect(parseCliArgs(['--fleet', '/y.yaml'], { KUZET_FLEET_FILE: '/x.yaml' }).fleet).toBe('/y.yaml');
  });

  it.each([
    [['--control-port', '70000']],
    [['--control-port', 'abc']],
    [['--interval', '0']],
    [['--interval', '']],
    [['--base-port', '0']],
    [['--log-level', 'loud']],
    [['--unknown']],
    [['positional']],
  ])('rejects %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
  });
});
