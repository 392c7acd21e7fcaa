import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json } from '../helpers';

const RULE = 'service/fargate-platform-version';
const svc = (extra: object) => ({ serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', ...extra });

describe(RULE, () => {
  it('flags an old version on a FARGATE launch type, on the value', () => {
    const text = json(svc({ launchType: 'FARGATE', platformVersion: '1.3.0' }));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"1.3.0"');
    assert.equal(fs[0].severity, 'warning');
  });
  it('detects Fargate through a capacity provider strategy (FARGATE or FARGATE_SPOT)', () => {
    for (const cp of ['FARGATE', 'FARGATE_SPOT']) {
      assert.equal(findings(RULE, json(svc({ capacityProviderStrategy: [{ capacityProvider: cp, weight: 1 }], platformVersion: '1.2.0' }))).length, 1);
    }
  });
  it('accepts LATEST, absent, the current Linux and Windows versions, and non-Fargate services', () => {
    for (const extra of [
      { launchType: 'FARGATE', platformVersion: 'LATEST' },
      { launchType: 'FARGATE' },
      { launchType: 'FARGATE', platformVersion: '1.4.0' },
      { launchType: 'FARGATE', platformVersion: '1.0.0' },
      { launchType: 'EC2', platformVersion: '1.3.0' },
      { capacityProviderStrategy: [{ capacityProvider: 'my-asg-cp' }], platformVersion: '1.3.0' },
      { launchType: 'FARGATE', platformVersion: '${PLATFORM_VERSION}' },
      { launchType: 'FARGATE', platformVersion: 14 },
    ]) assert.equal(findings(RULE, json(svc(extra))).length, 0, JSON.stringify(extra));
  });
  it('uses platformFamily when present: 1.0.0 is old for Linux', () => {
    assert.equal(findings(RULE, json(svc({ launchType: 'FARGATE', platformFamily: 'Linux', platformVersion: '1.0.0' }))).length, 1);
    assert.equal(findings(RULE, json(svc({ launchType: 'FARGATE', platformFamily: 'WINDOWS_SERVER_2019_FULL', platformVersion: '1.0.0' }))).length, 0);
  });
  it('fix sets LATEST (not safe) and the re-lint is clean', () => {
    const text = json(svc({ launchType: 'FARGATE', platformVersion: '1.3.0' }));
    const f = findings(RULE, text)[0];
    assert.equal(f.fixes![0].safe, false);
    const fixed = applyFix(text, f);
    assert.equal(findings(RULE, fixed).length, 0);
    assert.equal(JSON.parse(fixed).platformVersion, 'LATEST');
  });
});
