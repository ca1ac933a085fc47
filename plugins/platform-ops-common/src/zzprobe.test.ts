import { ConfigReader } from '@backstage/config';
import { parseAlertMatchers, matcherAccepts, compileMatcherRegex } from './alerting/matchers';
import { parsePlatformOpsConfig, readPlatformOpsConfig } from './config/readConfig';
import { parseEntityAnnotations } from './entity/parseEntityAnnotations';
import { parseEscalationAnnotation } from './scope/annotations';
it('probe', () => {
  const out: any = {};
  out.m1 = parseAlertMatchers('app=~"x)|(.*nginx"');
  out.m2 = parseAlertMatchers('""="x"');
  out.m3 = parseAlertMatchers('{a="b",}');
  out.esc = parseEscalationAnnotation('Group:Default/Platform-Oncall, user:jane, group:default/');
  out.c1 = parsePlatformOpsConfig({ environments: [{ name: 'prod' }] }).problems;
  out.c2 = parsePlatformOpsConfig({ environments: [{ name: 'production', alertmanager: { baseUrl: 'ftp://x' } }, { name: 'production' }], backups: { defaultPolicy: { rpo: '1 day' } } }).problems;
  out.c3 = parsePlatformOpsConfig({ environments: [{ name: 'production', maintenanceWindow: 'nope' }, {name:'staging'}], maintenance: { windows: { w: { rrule: 'FREQ=MONTHLY', start: '02:00', duration: '4h', timezone: 'Mars/Base' } } } }).problems;
  try { parseEntityAnnotations({ apiVersion: 'x', kind: 'Component', metadata: { name: 'a', annotations: { 'platform-ops/runbok': null as any } } }); out.nullOk = true; } catch (e) { out.nullErr = String(e); }
  try { readPlatformOpsConfig(new ConfigReader({ platformOps: { environments: [{ name: 'Prod' }] } })); } catch (e: any) { out.readErr = e.message; }
  out.defaultsUndef = readPlatformOpsConfig(new ConfigReader({}));
  out.big = compileMatcherRegex('ingress').test('ingress-nginx');
  out.acc = matcherAccepts({ name: 'a', operator: '!=', value: 'x' }, undefined);
  console.log(JSON.stringify(out, null, 1));
});
