import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json, describeShape } from '../helpers';
import { Engine, allRules } from '../../rules';

const RULE = 'task/logging-configured';
const AWSLOGS = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' } };
const task = (containers: object[]) => ({ family: 'web', networkMode: 'awsvpc', containerDefinitions: containers });

describe(RULE, () => {
  it('flags a later container without logConfiguration, on its name', () => {
    const text = json(task([{ name: 'a', image: 'x:1', logConfiguration: AWSLOGS }, { name: 'b', image: 'y:1' }]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"name": "b"');
    assert.match(fs[0].message, /container "b"/);
    assert.equal(fs[0].severity, 'warning');
  });
  it('flags a logConfiguration without logDriver (or a null one) on the logConfiguration/logDriver key', () => {
    const text = json(task([{ name: 'a', image: 'x', logConfiguration: { options: {} } }, { name: 'b', image: 'x', logConfiguration: { logDriver: null } }]));
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"logConfiguration"', '"logDriver"']);
    assert.equal(fs[0].fixes, undefined);
  });
  it('works in the describe shape and in a bare container array; unnamed containers are anchored on the image', () => {
    assert.equal(findings(RULE, describeShape(task([{ name: 'a', image: 'x' }]))).length, 1);
    const text = json([{ image: 'x:1' }]);
    const f = findings(RULE, text)[0];
    assert.equal(flagged(text, f), '"image": "x:1"');
    assert.match(f.message, /container #1/);
  });
  it('does not flag containers with any log driver (awsfirelens, splunk, json-file)', () => {
    const cs = ['awsfirelens', 'splunk', 'json-file'].map((d, i) => ({ name: `c${i}`, image: 'x', logConfiguration: { logDriver: d } }));
    assert.equal(findings(RULE, json(task(cs))).length, 0);
  });
  it('fix adds an awslogs skeleton with placeholders (not safe); re-lint is clean', () => {
    for (const text of [json(task([{ name: 'web', image: 'x:1', essential: true }])), describeShape(task([{ name: 'a', image: 'x', logConfiguration: AWSLOGS }, { name: 'web', image: 'x' }])), json([{ name: 'web', image: 'x' }])]) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, false);
      const fixed = applyFix(text, f);
      assert.equal(findings(RULE, fixed).length, 0);
      assert.match(fixed, /"awslogs-stream-prefix": "web"/);
      assert.match(fixed, /"awslogs-group": "<log-group>"/);
    }
  });
});

describe(`${RULE} fix formatting`, () => {
  it('follows the document layout: 4-space, tabs, CRLF and compact one-line containers', () => {
    const def = { family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', image: 'x:1' }] };
    const cases: [string, string | number | undefined, boolean][] = [[JSON.stringify(def, null, 4), 4, false], [JSON.stringify(def, null, '\t'), '\t', false], [JSON.stringify(def, null, 2).replace(/\n/g, '\r\n'), 2, true], [JSON.stringify(def), undefined, false]];
    for (const [text, indent, crlf] of cases) {
      const fixed = applyFix(text, findings(RULE, text)[0]);
      assert.equal(findings(RULE, fixed).length, 0);
      assert.equal(JSON.parse(fixed).containerDefinitions[0].logConfiguration.logDriver, 'awslogs');
      if (indent === undefined) continue;
      const expected = JSON.stringify(JSON.parse(fixed), null, indent);
      assert.equal(fixed, crlf ? expected.replace(/\n/g, '\r\n') : expected);
    }
  });
  it('is fast on a 20,000-container file (no whole-document re-parse per fix)', () => {
    const text = json({ family: 'big', networkMode: 'awsvpc', containerDefinitions: Array.from({ length: 20000 }, (_, i) => ({ name: `c${i}`, image: 'nginx:1' })) });
    // This rule alone, so other rules' cost does not count; the parse is timed separately as a baseline.
    const engine = new Engine(allRules.filter((r) => r.meta.id === RULE));
    let t0 = Date.now();
    new Engine([]).lint(text, { kind: 'task-definition' });
    const parse = Date.now() - t0;
    t0 = Date.now();
    assert.equal(engine.lint(text, { kind: 'task-definition' }).findings.length, 20000);
    assert.ok(Date.now() - t0 < parse * 3 + 2000, `took ${Date.now() - t0} ms`);
  });
});
