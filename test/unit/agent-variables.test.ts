// agent/unknown-variable, agent/invalid-value, the generated variable table and the hover/completion helpers.
import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix } from '../helpers';
import { AGENT_VARIABLES } from '../../rules/agent/variables';
import { describeAgentVariable, agentVariableNames } from '../../rules/agent';
import { isGoDuration, parseGoBool } from '../../rules/agent/values';

const CFG = { fileName: 'ecs.config' };
const SCRIPT = { fileName: 'user-data' };

describe('agent/unknown-variable', () => {
  const RULE = 'agent/unknown-variable';
  it('flags a misspelt key on the key, suggesting the nearest name with a preferred, unsafe rename', () => {
    const text = 'ECS_CLUSTR=prod\n';
    const [f] = findings(RULE, text, CFG);
    assert.equal(flagged(text, f), 'ECS_CLUSTR');
    assert.match(f.message, /Did you mean ECS_CLUSTER/);
    assert.equal(f.fixes![0].title, 'Rename to ECS_CLUSTER');
    assert.equal(f.fixes![0].safe, false);
    assert.equal(f.fixes![0].preferred, true);
    const fixed = applyFix(text, f);
    assert.equal(fixed, 'ECS_CLUSTER=prod\n');
    assert.equal(findings(RULE, fixed, CFG).length, 0);
  });
  it('says when a key differs only by case', () => {
    const [f] = findings(RULE, 'ecs_awsvpc_block_imds=true', CFG);
    assert.match(f.message, /case-sensitive.*ECS_AWSVPC_BLOCK_IMDS/);
    assert.equal(f.fixes!.length, 1);
    assert.equal(f.fixes![0].preferred, true);
  });
  it('offers no preferred fix when the best guess is far or ambiguous, and no fix without a guess', () => {
    const [far] = findings(RULE, 'ECS_ENABLE_TASK_IAM=true', CFG);
    assert.ok(far.fixes!.every((x) => x.preferred !== true));
    const [none] = findings(RULE, 'MY_APP_SETTING=1', CFG);
    assert.equal(none.fixes!.length, 0);
    assert.doesNotMatch(none.message, /Did you mean/);
  });
  it('flags `export` and spaces before "=" on a known key, with a fix to the plain form', () => {
    const text = 'export ECS_CLUSTER=prod\nECS_LOGLEVEL =info\n';
    const [a, b] = findings(RULE, text, CFG);
    assert.equal(flagged(text, a), 'export ECS_CLUSTER');
    assert.match(a.message, /export ECS_CLUSTER/);
    assert.equal(flagged(text, b), 'ECS_LOGLEVEL');
    const fixed = applyFix(applyFix(text, a), findings(RULE, applyFix(text, a), CFG)[0]);
    assert.equal(fixed, 'ECS_CLUSTER=prod\nECS_LOGLEVEL=info\n');
    assert.equal(findings(RULE, fixed, CFG).length, 0);
  });
  it('knows every variable of the catalogue and the Go proxy names; ignores comments', () => {
    const text = AGENT_VARIABLES.map((v) => `${v.name}=`).join('\n') + '\nHTTPS_PROXY=\nno_proxy=\n# NOT_A_KEY=1\n';
    assert.deepEqual(findings(RULE, text, CFG), []);
  });
  it('renames inside a heredoc and in an echo argument', () => {
    const text = '#!/bin/bash\ncat <<EOF >> /etc/ecs/ecs.config\nECS_CLUSTR=a\nEOF\necho "ECS_LOGLEVL=info" >> /etc/ecs/ecs.config\n';
    const fs = findings(RULE, text, SCRIPT);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['ECS_CLUSTR', 'ECS_LOGLEVL']);
    let fixed = applyFix(text, fs[1]);
    fixed = applyFix(fixed, fs[0]);
    assert.equal(findings(RULE, fixed, SCRIPT).length, 0);
    assert.match(fixed, /echo "ECS_LOGLEVEL=info"/);
  });
});

describe('agent/invalid-value', () => {
  const RULE = 'agent/invalid-value';
  const bad = (line: string) => findings(RULE, line, CFG);
  it('checks booleans, durations, integers, enums, JSON and patterns, on the value', () => {
    for (const line of [
      'ECS_DISABLE_PRIVILEGED=yes',
      'ECS_IMAGE_PULL_TIMEOUT=30',
      'ECS_CONTAINER_STOP_TIMEOUT=1 hour',
      'ECS_RESERVED_MEMORY=32MB',
      'ECS_IMAGE_PULL_BEHAVIOR=sometimes',
      'ECS_LOGLEVEL=verbose',
      'ECS_INSTANCE_ATTRIBUTES={stack: prod}',
      'ECS_INSTANCE_ATTRIBUTES=["a"]',
      'ECS_AVAILABLE_LOGGING_DRIVERS=json-file,awslogs',
      'ECS_RESERVED_PORTS=[22, 80',
      'ECS_TASK_METADATA_RPS_LIMIT=40',
      'ECS_ENGINE_AUTH_TYPE=basic',
    ]) {
      const fs = bad(line);
      assert.equal(fs.length, 1, line);
      assert.equal(flagged(line, fs[0]), line.slice(line.indexOf('=') + 1), line);
    }
  });
  it('accepts valid values, empty values and values resolved at boot', () => {
    for (const line of [
      'ECS_DISABLE_PRIVILEGED=true', 'ECS_DISABLE_PRIVILEGED=False', 'ECS_IMAGE_PULL_TIMEOUT=1h30m', 'ECS_CGROUP_CPU_PERIOD=10ms',
      'ECS_CONTAINER_STOP_TIMEOUT=0', 'ECS_RESERVED_MEMORY=256', 'ECS_IMAGE_PULL_BEHAVIOR=prefer-cached',
      'ECS_INSTANCE_ATTRIBUTES={"stack": "prod"}', 'ECS_RESERVED_PORTS=[22, 2375]', 'ECS_TASK_METADATA_RPS_LIMIT=100,150',
      'ECS_DYNAMIC_HOST_PORT_RANGE=100-200', 'ECS_AGENT_LABELS=', 'ECS_CLUSTER=any text at all', 'ECS_LOG_MAX_FILE_SIZE_MB=2.5',
      'ECS_INIT_DOCKER_LOG_FILE_SIZE=16m',
    ]) assert.equal(bad(line).length, 0, line);
    assert.equal(findings(RULE, '#!/bin/bash\necho "ECS_RESERVED_MEMORY=$MEM" >> /etc/ecs/ecs.config', SCRIPT).length, 0);
  });
  it('leaves unknown keys and `export` lines to agent/unknown-variable', () => {
    assert.equal(bad('ECS_CLUSTR=[').length, 0);
    assert.equal(bad('export ECS_RESERVED_MEMORY=lots').length, 0);
  });
  it('flags quotes that ecs-init passes to the agent, with a fix that removes them', () => {
    const text = 'ECS_LOGLEVEL="debug"\nECS_CLUSTER=\'prod\'\n';
    const [a, b] = findings(RULE, text, CFG);
    assert.equal(flagged(text, a), '"debug"');
    assert.match(a.message, /does not remove quotes/);
    assert.equal(a.fixes![0].safe, false);
    let fixed = applyFix(text, a);
    fixed = applyFix(fixed, findings(RULE, fixed, CFG)[0]);
    assert.equal(fixed, 'ECS_LOGLEVEL=debug\nECS_CLUSTER=prod\n');
    assert.equal(findings(RULE, fixed, CFG).length, 0);
    assert.equal(flagged(text, b), "'prod'");
  });
  it('flags a space after "=" and a trailing comment, which ecs-init keeps in the value', () => {
    assert.equal(bad('ECS_DISABLE_PRIVILEGED= true').length, 1);
    assert.match(bad('ECS_DISABLE_PRIVILEGED=true # harden')[0].message, /boolean/);
  });
  it('never repeats the registry credentials in a message', () => {
    const text = 'ECS_ENGINE_AUTH_DATA={"r":{"username":"u","password":"s3cr3t"\nECS_ENGINE_AUTH_DATA=\'{"r":{"password":"s3cr3t"}}\'\n';
    const fs = findings(RULE, text, CFG);
    assert.equal(fs.length, 2);
    for (const f of fs) assert.doesNotMatch(f.message, /s3cr3t/);
  });
  it('skips template placeholders (Terraform, Jinja) even where the shell would not expand them', () => {
    assert.equal(bad('ECS_RESERVED_MEMORY=${reserved_memory}').length, 0);
    assert.equal(bad('ECS_DISABLE_PRIVILEGED={{ disable_privileged }}').length, 0);
    assert.equal(findings(RULE, "#!/bin/bash\necho 'ECS_RESERVED_MEMORY=${var.mem}' >> /etc/ecs/ecs.config", SCRIPT).length, 0);
  });
  it('does not flag shell quotes in echo forms (the shell removes them)', () => {
    assert.equal(findings(RULE, '#!/bin/bash\necho ECS_LOGLEVEL="debug" >> /etc/ecs/ecs.config', SCRIPT).length, 0);
    assert.equal(findings(RULE, '#!/bin/bash\necho \'ECS_LOGLEVEL="debug"\' >> /etc/ecs/ecs.config', SCRIPT).length, 1);
  });
});

describe('agent value parsing', () => {
  it('parses booleans like strconv.ParseBool', () => {
    assert.equal(parseGoBool('T'), true);
    assert.equal(parseGoBool('0'), false);
    assert.equal(parseGoBool('yes'), undefined);
    assert.equal(parseGoBool('tRUE'), undefined);
  });
  it('parses durations like time.ParseDuration', () => {
    for (const d of ['0', '10s', '1h30m', '1.5h', '300ms', '2h45m30s']) assert.ok(isGoDuration(d), d);
    for (const d of ['', '10', '1d', 'h', '1 h', '10S']) assert.ok(!isGoDuration(d), d);
  });
});

describe('agent variable catalogue, hover and completion', () => {
  it('describes a variable in markdown with type and both defaults', () => {
    const md = describeAgentVariable('ECS_AWSVPC_BLOCK_IMDS')!;
    assert.match(md, /\*\*ECS_AWSVPC_BLOCK_IMDS\*\*/);
    assert.match(md, /Type: boolean/);
    assert.match(md, /Linux default: `false`/);
    assert.match(md, /Windows default: `n\/a`/);
    assert.match(describeAgentVariable('ECS_IMAGE_PULL_BEHAVIOR')!, /`prefer-cached`/);
    assert.equal(describeAgentVariable('ecs_awsvpc_block_imds'), undefined);
    assert.equal(describeAgentVariable('NOPE'), undefined);
  });
  it('never shows the example credentials of ECS_ENGINE_AUTH_DATA', () => {
    assert.doesNotMatch(describeAgentVariable('ECS_ENGINE_AUTH_DATA')!, /myPassword/);
  });
  it('lists all upper-case names for completion', () => {
    const names = agentVariableNames();
    assert.equal(names.length, AGENT_VARIABLES.length + 1); // + HTTPS_PROXY
    assert.ok(names.includes('ECS_CLUSTER') && names.includes('HTTPS_PROXY'));
    assert.ok(!names.includes('no_proxy'));
  });
});
