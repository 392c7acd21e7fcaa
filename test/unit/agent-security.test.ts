// The security settings of ecs.config: block-imds, disable-privileged, host-network-task-roles,
// offhost-introspection, no-inline-registry-credentials, proxy-bypass.
import * as assert from 'node:assert/strict';
import { findings, flagged, lineOf, applyFix } from '../helpers';

const CFG = { fileName: '/etc/ecs/ecs.config' };
const SCRIPT = { fileName: 'user-data.sh' };
const HARDENED = 'ECS_AWSVPC_BLOCK_IMDS=true\nECS_DISABLE_PRIVILEGED=true\n';

describe('agent/block-imds', () => {
  const RULE = 'agent/block-imds';
  it('flags absence on the first key, with an unsafe, non-preferred append fix', () => {
    const text = '# settings\nECS_CLUSTER=prod\nECS_LOGLEVEL=info\n';
    const [f] = findings(RULE, text, CFG);
    assert.equal(flagged(text, f), 'ECS_CLUSTER');
    assert.match(f.message, /not set/);
    assert.equal(f.fixes![0].safe, false);
    assert.notEqual(f.fixes![0].preferred, true);
    const fixed = applyFix(text, f);
    assert.equal(fixed, text + 'ECS_AWSVPC_BLOCK_IMDS=true\n');
    assert.equal(findings(RULE, fixed, CFG).length, 0);
  });
  it('appends on a new line when the file has no final line break, keeping CRLF', () => {
    const text = 'ECS_CLUSTER=prod\r\nECS_LOGLEVEL=info';
    const fixed = applyFix(text, findings(RULE, text, CFG)[0]);
    assert.equal(fixed, 'ECS_CLUSTER=prod\r\nECS_LOGLEVEL=info\r\nECS_AWSVPC_BLOCK_IMDS=true\r\n');
  });
  it('flags false on the value and the fix sets true', () => {
    const text = 'ECS_CLUSTER=prod\nECS_AWSVPC_BLOCK_IMDS=false\n';
    const [f] = findings(RULE, text, CFG);
    assert.equal(flagged(text, f), 'false');
    assert.equal(lineOf(text, f), 1);
    assert.equal(findings(RULE, applyFix(text, f), CFG).length, 0);
  });
  it('uses the last value of a repeated key, as ecs-init does', () => {
    assert.equal(findings(RULE, 'ECS_AWSVPC_BLOCK_IMDS=false\nECS_AWSVPC_BLOCK_IMDS=true\n', CFG).length, 0);
    const text = 'ECS_AWSVPC_BLOCK_IMDS=true\nECS_AWSVPC_BLOCK_IMDS=false\n';
    assert.equal(lineOf(text, findings(RULE, text, CFG)[0]), 1);
  });
  it('accepts every spelling of true that strconv.ParseBool accepts', () => {
    for (const v of ['true', 'TRUE', 'True', '1', 't']) assert.equal(findings(RULE, `ECS_AWSVPC_BLOCK_IMDS=${v}`, CFG).length, 0, v);
  });
  it('flags values ecs-init passes so the agent does not see true: quotes, export, commented out, trailing comment', () => {
    for (const line of ['ECS_AWSVPC_BLOCK_IMDS="true"', 'export ECS_AWSVPC_BLOCK_IMDS=true', '# ECS_AWSVPC_BLOCK_IMDS=true', 'ECS_AWSVPC_BLOCK_IMDS=true # block', 'ECS_AWSVPC_BLOCK_IMDS=yes']) {
      const fs = findings(RULE, `ECS_CLUSTER=a\n${line}\n`, CFG);
      assert.equal(fs.length, 1, line);
    }
    const text = 'ECS_AWSVPC_BLOCK_IMDS="true"\n';
    const [f] = findings(RULE, text, CFG);
    assert.match(f.message, /does not remove quotes/);
    assert.equal(applyFix(text, f), 'ECS_AWSVPC_BLOCK_IMDS=true\n');
    const exported = 'export ECS_AWSVPC_BLOCK_IMDS=true\n';
    assert.equal(applyFix(exported, findings(RULE, exported, CFG)[0]), 'ECS_AWSVPC_BLOCK_IMDS=true\n');
  });
  it('in scripts: flags on the first extracted line and appends inside the heredoc', () => {
    const text = '#!/bin/bash\nyum update -y\ncat <<EOF >> /etc/ecs/ecs.config\nECS_CLUSTER=prod\nECS_LOGLEVEL=info\nEOF\nsystemctl restart ecs\n';
    const [f] = findings(RULE, text, SCRIPT);
    assert.equal(flagged(text, f), 'ECS_CLUSTER');
    assert.equal(lineOf(text, f), 3);
    const fixed = applyFix(text, f);
    assert.equal(fixed, text.replace('ECS_LOGLEVEL=info\n', 'ECS_LOGLEVEL=info\nECS_AWSVPC_BLOCK_IMDS=true\n'));
    assert.equal(findings(RULE, fixed, SCRIPT).length, 0);
  });
  it('in CRLF scripts: the appended heredoc line keeps CRLF', () => {
    const text = '#!/bin/bash\r\ncat <<EOF > /etc/ecs/ecs.config\r\nECS_CLUSTER=prod\r\nEOF\r\n';
    const fixed = applyFix(text, findings(RULE, text, SCRIPT)[0]);
    assert.equal(fixed, '#!/bin/bash\r\ncat <<EOF > /etc/ecs/ecs.config\r\nECS_CLUSTER=prod\r\nECS_AWSVPC_BLOCK_IMDS=true\r\nEOF\r\n');
  });
  it('in scripts: appends on a new line when an unterminated heredoc ends the file', () => {
    const text = '#!/bin/bash\ncat <<EOF > /etc/ecs/ecs.config\nECS_CLUSTER=prod';
    assert.equal(applyFix(text, findings(RULE, text, SCRIPT)[0]), text + '\nECS_AWSVPC_BLOCK_IMDS=true');
  });
  it('in scripts: appends an echo line after echo forms', () => {
    const text = '#!/bin/bash\necho "ECS_CLUSTER=prod" | sudo tee -a /etc/ecs/ecs.config\nreboot\n';
    const fixed = applyFix(text, findings(RULE, text, SCRIPT)[0]);
    assert.match(fixed, /\necho ECS_AWSVPC_BLOCK_IMDS=true \| sudo tee -a \/etc\/ecs\/ecs.config > \/dev\/null\nreboot/);
    assert.equal(findings(RULE, fixed, SCRIPT).length, 0);
  });
  it('in scripts: flags false written by echo, range inside the shell quotes', () => {
    const text = "#!/bin/bash\necho ECS_AWSVPC_BLOCK_IMDS='false' >> /etc/ecs/ecs.config\n";
    const [f] = findings(RULE, text, SCRIPT);
    assert.equal(flagged(text, f), 'false');
    assert.equal(applyFix(text, f), "#!/bin/bash\necho ECS_AWSVPC_BLOCK_IMDS='true' >> /etc/ecs/ecs.config\n");
  });
  it('skips scripts it cannot read and values resolved at boot', () => {
    assert.equal(findings(RULE, '#!/bin/bash\naws s3 cp s3://bucket/ecs.config /etc/ecs/ecs.config\n', SCRIPT).length, 0);
    assert.equal(findings(RULE, '#!/bin/bash\necho "ECS_AWSVPC_BLOCK_IMDS=$BLOCK" >> /etc/ecs/ecs.config\n', SCRIPT).length, 0);
  });
});

describe('agent/disable-privileged', () => {
  const RULE = 'agent/disable-privileged';
  it('flags absence (info) and false; accepts true', () => {
    const [f] = findings(RULE, 'ECS_CLUSTER=a\n', CFG);
    assert.equal(f.severity, 'info');
    assert.equal(f.fixes![0].safe, false);
    assert.equal(findings(RULE, 'ECS_DISABLE_PRIVILEGED=false', CFG).length, 1);
    assert.equal(findings(RULE, HARDENED, CFG).length, 0);
  });
  it('treats a key differing by case as absent', () => {
    const [f] = findings(RULE, 'ecs_disable_privileged=true\n', CFG);
    assert.match(f.message, /not set/);
  });
});

describe('agent/host-network-task-roles', () => {
  const RULE = 'agent/host-network-task-roles';
  it('flags true on key and value; not false or absent', () => {
    const text = 'ECS_CLUSTER=a\nECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true\n';
    const [f] = findings(RULE, text, CFG);
    assert.equal(flagged(text, f), 'ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true');
    assert.equal(f.severity, 'info');
    assert.equal(findings(RULE, 'ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=false', CFG).length, 0);
    assert.equal(findings(RULE, 'ECS_ENABLE_TASK_IAM_ROLE=true', CFG).length, 0);
  });
  it('fix sets false (unsafe) and the re-lint is clean', () => {
    const text = 'ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true\n';
    const [f] = findings(RULE, text, CFG);
    assert.equal(f.fixes![0].safe, false);
    assert.equal(findings(RULE, applyFix(text, f), CFG).length, 0);
  });
});

describe('agent/offhost-introspection', () => {
  const RULE = 'agent/offhost-introspection';
  it('flags true, also when quoted (systemd strips quotes for ecs-init)', () => {
    assert.equal(findings(RULE, 'ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS=true', CFG).length, 1);
    assert.equal(findings(RULE, 'ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS="true"', CFG).length, 1);
    assert.equal(findings(RULE, 'ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS=false', CFG).length, 0);
    assert.equal(findings(RULE, '# ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS=true', CFG).length, 0);
  });
  it('flags it in a heredoc and fixes in place', () => {
    const text = "#!/bin/bash\ncat <<'EOF' > /etc/ecs/ecs.config\nECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS=true\nEOF\n";
    const [f] = findings(RULE, text, SCRIPT);
    assert.equal(lineOf(text, f), 2);
    assert.equal(findings(RULE, applyFix(text, f), SCRIPT).length, 0);
  });
});

describe('agent/no-inline-registry-credentials', () => {
  const RULE = 'agent/no-inline-registry-credentials';
  const AUTH = 'ECS_ENGINE_AUTH_DATA={"https://index.docker.io/v1/":{"username":"me","password":"hunter2","email":"a@b.c"}}';
  it('flags the key (not the secret) as an error, with no fix', () => {
    const text = `ECS_ENGINE_AUTH_TYPE=docker\n${AUTH}\n`;
    const [f] = findings(RULE, text, CFG);
    assert.equal(flagged(text, f), 'ECS_ENGINE_AUTH_DATA');
    assert.equal(f.severity, 'error');
    assert.ok(!f.message.includes('hunter2'));
    assert.ok(!f.fixes || f.fixes.length === 0);
  });
  it('flags every copy, including values fetched at boot in scripts', () => {
    assert.equal(findings(RULE, `${AUTH}\n${AUTH}\n`, CFG).length, 2);
    const text = '#!/bin/bash\necho "ECS_ENGINE_AUTH_DATA=$(aws secretsmanager get-secret-value --secret-id x --query SecretString --output text)" >> /etc/ecs/ecs.config\n';
    const [f] = findings(RULE, text, SCRIPT);
    assert.match(f.message, /filled in by a template or at boot/);
  });
  it('does not flag an empty value, the auth type alone, or a commented-out line', () => {
    assert.equal(findings(RULE, 'ECS_ENGINE_AUTH_DATA=\nECS_ENGINE_AUTH_TYPE=docker\n# ECS_ENGINE_AUTH_DATA={}', CFG).length, 0);
  });
});

describe('agent/proxy-bypass', () => {
  const RULE = 'agent/proxy-bypass';
  it('flags HTTP_PROXY without NO_PROXY on the proxy key; fix adds NO_PROXY (unsafe: OS-specific socket)', () => {
    const text = 'HTTP_PROXY=10.0.0.131:3128\n';
    const [f] = findings(RULE, text, CFG);
    assert.equal(flagged(text, f), 'HTTP_PROXY');
    assert.equal(f.severity, 'error');
    assert.equal(f.fixes![0].safe, false);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\nNO_PROXY=169\.254\.169\.254,169\.254\.170\.2,\/var\/run\/docker\.sock\n$/);
    assert.equal(findings(RULE, fixed, CFG).length, 0);
  });
  it('flags a NO_PROXY missing an address on its value; the safe fix appends it', () => {
    const text = 'HTTP_PROXY=10.0.0.131:3128\nNO_PROXY=169.254.169.254,/var/run/docker.sock\n';
    const [f] = findings(RULE, text, CFG);
    assert.equal(flagged(text, f), '169.254.169.254,/var/run/docker.sock');
    assert.match(f.message, /169\.254\.170\.2/);
    assert.equal(f.fixes![0].safe, true);
    const fixed = applyFix(text, f);
    assert.match(fixed, /NO_PROXY=169\.254\.169\.254,\/var\/run\/docker\.sock,169\.254\.170\.2\n/);
    assert.equal(findings(RULE, fixed, CFG).length, 0);
  });
  it('accepts complete lists, CIDRs covering both addresses, and no proxy at all', () => {
    assert.equal(findings(RULE, 'HTTP_PROXY=p:3128\nNO_PROXY=169.254.169.254,169.254.170.2,/var/run/docker.sock', CFG).length, 0);
    assert.equal(findings(RULE, 'HTTP_PROXY=p:3128\nNO_PROXY=169.254.0.0/16', CFG).length, 0);
    assert.equal(findings(RULE, 'http_proxy=p:3128\nno_proxy=169.254.169.254,169.254.170.2', CFG).length, 0);
    assert.equal(findings(RULE, 'NO_PROXY=localhost\nHTTP_PROXY=', CFG).length, 0);
    assert.equal(findings(RULE, 'ECS_CLUSTER=a', CFG).length, 0);
  });
  it('does not accept a different /16 or a near-miss address', () => {
    assert.equal(findings(RULE, 'HTTP_PROXY=p:3128\nNO_PROXY=169.253.0.0/16', CFG).length, 1);
    assert.equal(findings(RULE, 'HTTP_PROXY=p:3128\nNO_PROXY=169.254.169.25,169.254.170.2', CFG).length, 1);
  });
  it('inserts before the closing quote of a quoted NO_PROXY', () => {
    const text = 'HTTPS_PROXY=p:3128\nNO_PROXY="169.254.169.254"\n';
    const fixed = applyFix(text, findings(RULE, text, CFG)[0]);
    assert.equal(fixed, 'HTTPS_PROXY=p:3128\nNO_PROXY="169.254.169.254,169.254.170.2"\n');
  });
});

describe('agent rules on a hardened file and on broken input', () => {
  it('a hardened config has no findings at all', async () => {
    const { lint } = await import('../helpers');
    const text = '# ECS agent\nECS_CLUSTER=prod\nECS_AWSVPC_BLOCK_IMDS=true\nECS_DISABLE_PRIVILEGED=true\nECS_ENABLE_TASK_IAM_ROLE=true\nECS_IMAGE_PULL_BEHAVIOR=prefer-cached\nECS_RESERVED_MEMORY=256\nECS_CONTAINER_STOP_TIMEOUT=2m\nECS_AVAILABLE_LOGGING_DRIVERS=["json-file","awslogs"]\nHTTP_PROXY=10.0.0.131:3128\nNO_PROXY=169.254.169.254,169.254.170.2,/var/run/docker.sock\n';
    assert.deepEqual(lint(text, CFG).findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });
  it('never fails a rule on odd text', async () => {
    const { lint } = await import('../helpers');
    for (const t of ['', '=', '\r\n\r\n', 'ECS_', 'ECS_AWSVPC_BLOCK_IMDS', 'ECS_ENGINE_AUTH_DATA={', '#!/bin/bash\ncat <<', '#!/bin/bash\necho \'unterminated >> /etc/ecs/ecs.config', 'echo "ECS_X=\\', 'printf >> /etc/ecs/ecs.config']) {
      const r = lint(t, { fileName: t.startsWith('#!') || t.includes('echo') || t.includes('printf') ? 'boot.sh' : 'ecs.config' });
      assert.ok(!r.findings.some((f) => f.ruleId === 'internal/rule-error'), JSON.stringify(t));
    }
  });
});
