/* eslint-disable no-script-url -- hostile URLs are test input: they must be rejected, never rendered */
import { ConfigReader } from '@backstage/config';
import { formatDuration } from '../values/duration';
import {
  parsePlatformOpsConfig,
  PlatformOpsConfig,
  readPlatformOpsConfig,
} from './readConfig';

/** The config block of DESIGN.md section 4. */
const DESIGN_CONFIG = {
  parties: {
    platform: { title: 'Platform team', owner: 'group:default/platform-team' },
    'it-systems': {
      title: 'IT systems team',
      owner: 'group:default/it-systems',
    },
    infrastructure: {
      title: 'Infrastructure team',
      owner: 'group:default/infra-team',
    },
  },
  environments: [
    {
      name: 'production',
      alertmanager: {
        baseUrl: 'http://127.0.0.1:9093',
        heartbeat: { alertname: 'Watchdog' },
      },
      kubernetes: {
        url: 'https://k8s.example.com:6443',
        serviceAccountToken: 'token',
        caData: 'abc',
      },
      maintenanceWindow: 'prod-monthly',
    },
    {
      name: 'staging',
      alertmanager: { baseUrl: 'http://127.0.0.1:9094' },
      maintenanceWindow: 'staging-monthly',
    },
  ],
  alerting: {
    defaultLevels: { production: 'P2', staging: 'P3' },
    severityLevels: { critical: 'P1', warning: 'P2', info: 'P3' },
  },
  backups: {
    defaultPolicy: { rpo: '24h', retention: '7d', rto: '4h' },
    drillInterval: '180d',
  },
  audits: { application: '365d', provider: '365d' },
  maintenance: {
    windows: {
      'prod-monthly': {
        rrule: 'FREQ=MONTHLY;BYDAY=2TU',
        start: '02:00',
        duration: '4h',
        timezone: 'Europe/Stockholm',
      },
      'staging-monthly': {
        rrule: 'FREQ=MONTHLY;BYDAY=1TU',
        start: '09:00',
        duration: '4h',
        timezone: 'Europe/Stockholm',
      },
    },
    notice: { major: '30d', minor: '7d', 'security-patch': '0d' },
  },
  endOfLife: {
    warnWithin: '90d',
    products: { kubernetes: [{ cycle: '1.31', eol: '2025-10-28' }] },
  },
};

/** The config, with durations written short, for comparing with DEFAULTS. */
function readable(config: PlatformOpsConfig) {
  return {
    parties: Object.fromEntries(
      Object.entries(config.parties).map(([name, party]) => [
        name,
        party.title,
      ]),
    ),
    environments: config.environments,
    defaultLevels: config.alerting.defaultLevels,
    severityLevels: config.alerting.severityLevels,
    pollInterval: formatDuration(config.alerting.pollInterval),
    defaultPolicy: {
      rpo: formatDuration(config.backups.defaultPolicy.rpo),
      retention: formatDuration(config.backups.defaultPolicy.retention),
      rto: formatDuration(config.backups.defaultPolicy.rto),
    },
    drillInterval: formatDuration(config.backups.drillInterval),
    audits: Object.fromEntries(
      Object.entries(config.audits).map(([kind, every]) => [
        kind,
        formatDuration(every),
      ]),
    ),
    windows: config.maintenance.windows,
    notice: {
      major: formatDuration(config.maintenance.notice.major),
      minor: formatDuration(config.maintenance.notice.minor),
      securityPatchSeconds:
        config.maintenance.notice['security-patch'].as('seconds'),
    },
    warnWithin: formatDuration(config.endOfLife.warnWithin),
    products: config.endOfLife.products,
    annotationValidation: config.catalog.annotationValidation,
  };
}

/** The defaults of DESIGN.md section 4. */
const DEFAULTS = {
  parties: {
    platform: 'Platform team',
    application: 'Application team',
    'it-systems': 'IT systems team',
    infrastructure: 'Infrastructure team',
    identity: 'Identity team',
  },
  environments: [{ name: 'staging' }, { name: 'production' }],
  defaultLevels: { production: 'P2', staging: 'P3' },
  severityLevels: { critical: 'P1', warning: 'P2', info: 'P3' },
  pollInterval: '30s',
  defaultPolicy: { rpo: '24h', retention: '7d', rto: '4h' },
  drillInterval: '180d',
  audits: { application: '365d', provider: '365d' },
  windows: {},
  notice: { major: '30d', minor: '7d', securityPatchSeconds: 0 },
  warnWithin: '90d',
  products: {},
  annotationValidation: 'warn',
};

describe('parsePlatformOpsConfig', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['{}', {}],
  ])('applies every default for %s', (_name, raw) => {
    const { config, problems } = parsePlatformOpsConfig(raw);
    expect(problems).toEqual([]);
    expect(readable(config!)).toEqual(DEFAULTS);
  });

  it('reads the design example', () => {
    const { config, problems } = parsePlatformOpsConfig(DESIGN_CONFIG);
    expect(problems).toEqual([]);
    expect(config!.environments.map(environment => environment.name)).toEqual([
      'production',
      'staging',
    ]);
    expect(config!.environments[0].alertmanager).toEqual({
      baseUrl: 'http://127.0.0.1:9093',
      heartbeat: { alertname: 'Watchdog' },
      maxResponseBytes: 10 * 1024 * 1024,
    });
    expect(config!.environments[0].kubernetes?.skipTLSVerify).toBe(false);
    // the heartbeat defaults to Alertmanager's Watchdog alert
    expect(config!.environments[1].alertmanager?.heartbeat.alertname).toBe(
      'Watchdog',
    );
    const window = config!.maintenance.windows['prod-monthly'];
    expect(window.rrule).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(window.start).toBe('02:00');
    expect(formatDuration(window.duration)).toBe('4h');
    expect(window.timezone).toBe('Europe/Stockholm');
    expect(config!.endOfLife.products.kubernetes).toEqual([
      { cycle: '1.31', eol: '2025-10-28' },
    ]);
  });

  it('keeps the built-in parties next to configured ones', () => {
    const { config } = parsePlatformOpsConfig({
      parties: {
        platform: {
          title: 'Plattformsteamet',
          owner: 'group:default/platform-team',
        },
        'vendor-x': { title: 'Vendor X' },
      },
    });
    expect(config!.parties.platform).toEqual({
      title: 'Plattformsteamet',
      owner: 'group:default/platform-team',
    });
    expect(config!.parties['vendor-x']).toEqual({ title: 'Vendor X' });
    expect(config!.parties.application).toEqual({ title: 'Application team' });
    expect(config!.parties.identity).toEqual({ title: 'Identity team' });
  });

  it('fills in defaults key by key', () => {
    const { config, problems } = parsePlatformOpsConfig({
      backups: { defaultPolicy: { rpo: '1h' } },
      maintenance: { notice: { major: '60d' } },
      alerting: { pollInterval: '1m' },
    });
    expect(problems).toEqual([]);
    expect(formatDuration(config!.backups.defaultPolicy.rpo)).toBe('1h');
    expect(formatDuration(config!.backups.defaultPolicy.retention)).toBe('7d');
    expect(formatDuration(config!.backups.defaultPolicy.rto)).toBe('4h');
    expect(formatDuration(config!.backups.drillInterval)).toBe('180d');
    expect(formatDuration(config!.maintenance.notice.major)).toBe('60d');
    expect(formatDuration(config!.maintenance.notice.minor)).toBe('7d');
    expect(formatDuration(config!.alerting.pollInterval)).toBe('1m');
    expect(config!.alerting.defaultLevels).toEqual({
      production: 'P2',
      staging: 'P3',
    });
  });

  it('keeps a configured Alertmanager response limit', () => {
    const { config, problems } = parsePlatformOpsConfig({
      environments: [
        {
          name: 'production',
          alertmanager: { baseUrl: 'http://am:9093', maxResponseBytes: 1024 },
        },
      ],
    });
    expect(problems).toEqual([]);
    expect(config!.environments[0].alertmanager?.maxResponseBytes).toBe(1024);
  });

  it("reads the catalog module's annotation validation mode", () => {
    const { config, problems } = parsePlatformOpsConfig({
      catalog: { annotationValidation: 'error' },
    });
    expect(problems).toEqual([]);
    expect(config!.catalog.annotationValidation).toBe('error');
  });

  const window = {
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    start: '02:00',
    duration: '4h',
    timezone: 'Europe/Stockholm',
  };
  const environments = [{ name: 'production' }, { name: 'staging' }];

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'an alertmanager URL that is no URL',
      {
        environments: [
          {
            name: 'production',
            alertmanager: { baseUrl: 'alertmanager:9093' },
          },
          { name: 'staging' },
        ],
      },
      'platformOps.environments[0].alertmanager.baseUrl',
      'must',
    ],
    [
      'a non-http alertmanager URL',
      {
        environments: [
          {
            name: 'production',
            alertmanager: { baseUrl: 'ftp://alertmanager:9093' },
          },
          { name: 'staging' },
        ],
      },
      'platformOps.environments[0].alertmanager.baseUrl',
      'must use http or https',
    ],
    [
      'a non-http kubernetes URL',
      {
        environments: [
          { name: 'production' },
          { name: 'staging', kubernetes: { url: 'file:///etc/kubeconfig' } },
        ],
      },
      'platformOps.environments[1].kubernetes.url',
      'must use http or https',
    ],
    [
      'an empty heartbeat alert name',
      {
        environments: [
          {
            name: 'production',
            alertmanager: {
              baseUrl: 'http://am:9093',
              heartbeat: { alertname: '' },
            },
          },
          { name: 'staging' },
        ],
      },
      'platformOps.environments[0].alertmanager.heartbeat.alertname',
      '',
    ],
    [
      'a response limit that is no whole number',
      {
        environments: [
          {
            name: 'production',
            alertmanager: { baseUrl: 'http://am:9093', maxResponseBytes: 1.5 },
          },
          { name: 'staging' },
        ],
      },
      'platformOps.environments[0].alertmanager.maxResponseBytes',
      'must be a whole number of bytes',
    ],
    [
      'a response limit given as text',
      {
        environments: [
          {
            name: 'production',
            alertmanager: {
              baseUrl: 'http://am:9093',
              maxResponseBytes: '10MiB',
            },
          },
          { name: 'staging' },
        ],
      },
      'platformOps.environments[0].alertmanager.maxResponseBytes',
      'must be a whole number of bytes',
    ],
    [
      'a response limit of zero',
      {
        environments: [
          {
            name: 'production',
            alertmanager: { baseUrl: 'http://am:9093', maxResponseBytes: 0 },
          },
          { name: 'staging' },
        ],
      },
      'platformOps.environments[0].alertmanager.maxResponseBytes',
      'must be at least 1',
    ],
    [
      'a bad RPO',
      { backups: { defaultPolicy: { rpo: '1 day' } } },
      'platformOps.backups.defaultPolicy.rpo',
      'must be a duration such as 30s, 24h, 7d or 2w',
    ],
    [
      'a bad drill interval',
      { backups: { drillInterval: 'half-yearly' } },
      'platformOps.backups.drillInterval',
      'must be a duration',
    ],
    [
      'an unknown maintenanceWindow reference',
      {
        environments: [
          { name: 'production', maintenanceWindow: 'prod-weekly' },
          { name: 'staging' },
        ],
        maintenance: { windows: { 'prod-monthly': window } },
      },
      'platformOps.environments[0].maintenanceWindow',
      'names no window under platformOps.maintenance.windows ("prod-weekly")',
    ],
    [
      'duplicate environment names',
      {
        environments: [
          { name: 'production' },
          { name: 'staging' },
          { name: 'production' },
        ],
      },
      'platformOps.environments[2].name',
      '"production" is listed twice',
    ],
    [
      'a bad environment name',
      {
        environments: [
          { name: 'Production' },
          { name: 'production' },
          { name: 'staging' },
        ],
      },
      'platformOps.environments[0].name',
      'must be a lowercase name',
    ],
    ['no environments', { environments: [] }, 'platformOps.environments', ''],
    [
      'defaultLevels naming an unknown environment',
      {
        environments,
        alerting: { defaultLevels: { production: 'P2', qa: 'P3' } },
      },
      'platformOps.alerting.defaultLevels.qa',
      'names no environment under platformOps.environments ("qa")',
    ],
    [
      'a bad default level',
      { environments, alerting: { defaultLevels: { production: 'P4' } } },
      'platformOps.alerting.defaultLevels.production',
      'must be one of P1, P2, P3',
    ],
    [
      'a bad severity level',
      { alerting: { severityLevels: { critical: 'urgent' } } },
      'platformOps.alerting.severityLevels.critical',
      'must be one of P1, P2, P3',
    ],
    [
      'a bad timezone',
      {
        maintenance: {
          windows: {
            'prod-monthly': { ...window, timezone: 'Mars/Olympus_Mons' },
          },
        },
      },
      'platformOps.maintenance.windows.prod-monthly.timezone',
      'must be an IANA time zone',
    ],
    [
      'a bad window start',
      {
        maintenance: {
          windows: { 'prod-monthly': { ...window, start: '25:00' } },
        },
      },
      'platformOps.maintenance.windows.prod-monthly.start',
      'must be a local time HH:MM',
    ],
    [
      'a bad rrule',
      {
        maintenance: {
          windows: { 'prod-monthly': { ...window, rrule: 'MONTHLY' } },
        },
      },
      'platformOps.maintenance.windows.prod-monthly.rrule',
      'RRULE',
    ],
    [
      'a bad window duration',
      {
        maintenance: {
          windows: { 'prod-monthly': { ...window, duration: '4 hours' } },
        },
      },
      'platformOps.maintenance.windows.prod-monthly.duration',
      'must be a duration',
    ],
    [
      'a bad window name',
      { maintenance: { windows: { Prod_Monthly: window } } },
      'platformOps.maintenance.windows.Prod_Monthly',
      'must be a lowercase name',
    ],
    [
      'a bad notice',
      { maintenance: { notice: { major: '1 month' } } },
      'platformOps.maintenance.notice.major',
      'must be a duration',
    ],
    [
      'a party owner that is no group',
      {
        parties: {
          platform: { title: 'Platform team', owner: 'user:default/jane' },
        },
      },
      'platformOps.parties.platform.owner',
      'must be a group entity ref',
    ],
    [
      'a party without title',
      { parties: { 'vendor-x': {} } },
      'platformOps.parties.vendor-x.title',
      '',
    ],
    [
      'a bad party name',
      { parties: { 'Vendor X': { title: 'Vendor X' } } },
      'platformOps.parties.Vendor X',
      'must be a lowercase name',
    ],
    [
      'a bad audit interval',
      { audits: { provider: 'yearly' } },
      'platformOps.audits.provider',
      'must be a duration',
    ],
    [
      'a bad end-of-life date',
      {
        endOfLife: {
          products: { kubernetes: [{ cycle: '1.31', eol: '28.10.2025' }] },
        },
      },
      'platformOps.endOfLife.products.kubernetes[0].eol',
      'must be a date YYYY-MM-DD',
    ],
    [
      'an unknown annotation validation mode',
      { catalog: { annotationValidation: 'strict' } },
      'platformOps.catalog.annotationValidation',
      'must be one of warn, error',
    ],
    [
      'an annotation validation mode that is no text',
      { catalog: { annotationValidation: true } },
      'platformOps.catalog.annotationValidation',
      'must be one of warn, error',
    ],
    [
      'a bad warnWithin',
      { endOfLife: { warnWithin: 90 } },
      'platformOps.endOfLife.warnWithin',
      '',
    ],
  ])('reports %s at its path', (_description, raw, path, expected) => {
    expect(() => parsePlatformOpsConfig(raw)).not.toThrow();
    const { config, problems } = parsePlatformOpsConfig(raw);
    expect(config).toBeUndefined();
    const found = problems.find(p => p.key === path);
    expect(found).toBeDefined();
    expect(found!.expected).toContain(expected);
    expect(found!.message).toBe(`${path}: ${found!.expected}`);
  });

  it('reports every bad field at once', () => {
    const { problems } = parsePlatformOpsConfig({
      environments: [
        { name: 'production', alertmanager: { baseUrl: 'ftp://am:9093' } },
        { name: 'production' },
      ],
      backups: { defaultPolicy: { rpo: 'daily' } },
      alerting: { defaultLevels: { production: 'P2', qa: 'P3' } },
    });
    expect(problems.map(p => p.key).sort()).toEqual([
      'platformOps.alerting.defaultLevels.qa',
      'platformOps.backups.defaultPolicy.rpo',
      'platformOps.environments[0].alertmanager.baseUrl',
      'platformOps.environments[1].name',
    ]);
  });

  it.each([
    ['a string', 'yes'],
    ['a number', 42],
    ['a list', []],
  ])('reports %s instead of an object without throwing', (_name, raw) => {
    const { config, problems } = parsePlatformOpsConfig(raw);
    expect(config).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ key: 'platformOps' })]);
  });
});

describe('readPlatformOpsConfig', () => {
  it('applies the defaults when platformOps is absent', () => {
    expect(readable(readPlatformOpsConfig(new ConfigReader({})))).toEqual(
      DEFAULTS,
    );
  });

  it('applies the defaults for an empty platformOps block', () => {
    expect(
      readable(readPlatformOpsConfig(new ConfigReader({ platformOps: {} }))),
    ).toEqual(DEFAULTS);
  });

  it('reads the design example', () => {
    const config = readPlatformOpsConfig(
      new ConfigReader({ platformOps: DESIGN_CONFIG }),
    );
    expect(config.environments[0].maintenanceWindow).toBe('prod-monthly');
    expect(config.parties['it-systems'].owner).toBe('group:default/it-systems');
  });

  it('throws one error listing every bad field', () => {
    const read = () =>
      readPlatformOpsConfig(
        new ConfigReader({
          platformOps: {
            environments: [
              {
                name: 'production',
                alertmanager: { baseUrl: 'javascript:alert(1)' },
                maintenanceWindow: 'nightly',
              },
              { name: 'staging' },
              { name: 'staging' },
            ],
            backups: { defaultPolicy: { rpo: '24 hours' } },
            alerting: { defaultLevels: { production: 'P1', qa: 'P3' } },
            maintenance: {
              windows: {
                'prod-monthly': {
                  rrule: 'FREQ=MONTHLY',
                  start: '02:00',
                  duration: '4h',
                  timezone: 'Europe/Stockolm',
                },
              },
            },
          },
        }),
      );
    expect(read).toThrow(/^Invalid platformOps config:/);
    let message = '';
    try {
      read();
    } catch (error) {
      message = (error as Error).message;
    }
    for (const path of [
      'platformOps.environments[0].alertmanager.baseUrl',
      'platformOps.environments[0].maintenanceWindow',
      'platformOps.environments[2].name',
      'platformOps.backups.defaultPolicy.rpo',
      'platformOps.alerting.defaultLevels.qa',
      'platformOps.maintenance.windows.prod-monthly.timezone',
    ]) {
      expect(message).toContain(`  - ${path}: `);
    }
  });
});

describe('default levels', () => {
  it('apply only to the environments that exist when config sets none', () => {
    const { config, problems } = parsePlatformOpsConfig({
      environments: [{ name: 'prod' }, { name: 'staging' }],
    });
    expect(problems).toEqual([]);
    expect(config?.alerting.defaultLevels).toEqual({ staging: 'P3' });
  });
});
