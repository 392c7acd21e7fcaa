// The ecs.config line model and the extraction of settings from shell scripts / user data.
import * as assert from 'node:assert/strict';
import { parseAgentConfig, type AgentEntry } from '../../rules/agent/parse';
import { extractFromScript, looksLikeScript } from '../../rules/agent/shell';
import { detectKind } from '../../rules';

const keyText = (text: string, e: AgentEntry) => text.slice(e.keyOffset, e.keyOffset + e.keyLength);
const valueText = (text: string, e: AgentEntry) => text.slice(e.valueOffset, e.valueOffset + e.valueLength);

describe('agent config parser', () => {
  it('reads KEY=value lines with key and value offsets, skipping comments and blank lines', () => {
    const text = '# cluster\n\nECS_CLUSTER=prod\n  ECS_LOGLEVEL=debug  \nnot a setting\n';
    const es = parseAgentConfig(text);
    assert.deepEqual(es.map((e) => [e.key, e.value]), [['ECS_CLUSTER', 'prod'], ['ECS_LOGLEVEL', 'debug']]);
    assert.equal(keyText(text, es[1]), 'ECS_LOGLEVEL');
    assert.equal(valueText(text, es[1]), 'debug');
  });
  it('splits at the first "=" like ecs-init, so JSON values keep their own "="', () => {
    const [e] = parseAgentConfig('ECS_INSTANCE_ATTRIBUTES={"a=b":"c"}');
    assert.equal(e.key, 'ECS_INSTANCE_ATTRIBUTES');
    assert.equal(e.value, '{"a=b":"c"}');
  });
  it('keeps CRLF out of values and offsets', () => {
    const text = 'ECS_CLUSTER=prod\r\nECS_AWSVPC_BLOCK_IMDS=true\r\n';
    const es = parseAgentConfig(text);
    assert.deepEqual(es.map((e) => e.value), ['prod', 'true']);
    assert.equal(valueText(text, es[1]), 'true');
  });
  it('records quotes, export and spaces before "=" as ecs-init reads them', () => {
    const [q, x, s] = parseAgentConfig('ECS_LOGLEVEL="debug"\nexport ECS_CLUSTER=prod\nECS_CLUSTER =prod');
    assert.equal(q.quoted, true);
    assert.equal(q.value, '"debug"');
    assert.equal(q.unquoted, 'debug');
    assert.equal(x.exported, true);
    assert.equal(x.key, 'ECS_CLUSTER');
    assert.equal(x.rawKey, 'export ECS_CLUSTER');
    assert.equal(s.spaceBeforeEquals, true);
    assert.equal(s.rawKey, 'ECS_CLUSTER ');
  });
  it('never throws on odd input', () => {
    for (const t of ['', '=', '==', '=value', '\r', '\n\n', 'KEY', '"quoted"=x', 'a b=c', '\u0000=\u0000']) {
      assert.doesNotThrow(() => parseAgentConfig(t));
    }
    assert.equal(parseAgentConfig('=value\na b=c').length, 0);
  });
});

describe('agent config extraction from scripts', () => {
  it('reads heredoc bodies (>, >>, quoted delimiter, <<-) with offsets into the script', () => {
    const text = [
      '#!/bin/bash',
      'cat <<EOF > /etc/ecs/ecs.config',
      'ECS_CLUSTER=${CLUSTER}',
      'ECS_AWSVPC_BLOCK_IMDS=true',
      'EOF',
      "cat <<'END' >> /etc/ecs/ecs.config",
      'ECS_LOGLEVEL=$notexpanded',
      'END',
      'cat <<-EOF >>/etc/ecs/ecs.config',
      '\tECS_DISABLE_PRIVILEGED=true',
      '\tEOF',
    ].join('\n');
    const { entries } = extractFromScript(text);
    assert.deepEqual(entries.map((e) => e.key), ['ECS_CLUSTER', 'ECS_AWSVPC_BLOCK_IMDS', 'ECS_LOGLEVEL', 'ECS_DISABLE_PRIVILEGED']);
    assert.equal(entries[0].dynamic, true, 'unquoted heredoc expands ${CLUSTER}');
    assert.equal(entries[2].dynamic, false, "quoted 'END' does not expand");
    assert.equal(valueText(text, entries[1]), 'true');
    assert.equal(keyText(text, entries[3]), 'ECS_DISABLE_PRIVILEGED');
    assert.ok(entries.every((e) => e.source === 'heredoc'));
  });
  it('reads tee heredocs and ignores heredocs writing other files', () => {
    const text = 'sudo tee -a /etc/ecs/ecs.config <<EOF\nECS_CLUSTER=a\nEOF\ncat <<EOF > /etc/hosts\nECS_CLUSTER=b\nEOF\n';
    assert.deepEqual(extractFromScript(text).entries.map((e) => e.value), ['a']);
  });
  it('reads echo and printf forms, mapping offsets through shell quotes', () => {
    const text = [
      'echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config',
      'echo "ECS_LOGLEVEL=debug" >> /etc/ecs/ecs.config',
      "echo 'ECS_ENGINE_AUTH_TYPE=docker' | sudo tee -a /etc/ecs/ecs.config",
      'mkdir -p /etc/ecs && echo ECS_AWSVPC_BLOCK_IMDS="true" >> /etc/ecs/ecs.config',
      "printf 'ECS_DISABLE_PRIVILEGED=true\\nECS_RESERVED_MEMORY=32\\n' >> /etc/ecs/ecs.config",
      "printf '%s\\n' ECS_UPDATES_ENABLED=true 'ECS_POLL_METRICS=false' >> /etc/ecs/ecs.config",
      'echo -e "ECS_CHECKPOINT=true\\nECS_DATADIR=/data" >> /etc/ecs/ecs.config',
      'echo ECS_CLUSTER=elsewhere >> /tmp/notes.txt',
      '# echo ECS_CLUSTER=commented >> /etc/ecs/ecs.config',
    ].join('\n');
    const { entries } = extractFromScript(text);
    assert.deepEqual(entries.map((e) => `${e.key}=${e.value}`), [
      'ECS_CLUSTER=prod', 'ECS_LOGLEVEL=debug', 'ECS_ENGINE_AUTH_TYPE=docker', 'ECS_AWSVPC_BLOCK_IMDS=true',
      'ECS_DISABLE_PRIVILEGED=true', 'ECS_RESERVED_MEMORY=32', 'ECS_UPDATES_ENABLED=true', 'ECS_POLL_METRICS=false',
      'ECS_CHECKPOINT=true', 'ECS_DATADIR=/data',
    ]);
    for (const e of entries) {
      assert.equal(keyText(text, e), e.key);
      assert.equal(valueText(text, e), e.value);
    }
    assert.equal(entries[3].quoted, false, 'the shell removes the quotes before the file is written');
  });
  it('reads indented echo lines, cloud-config list items and several commands on one line', () => {
    const text = [
      '#cloud-config',
      'bootcmd:',
      '  - echo "ECS_CLUSTER=a" >> /etc/ecs/ecs.config',
      'if true; then',
      '    echo ECS_LOGLEVEL=info >> /etc/ecs/ecs.config',
      'fi',
      'echo ECS_UPDATES_ENABLED=true >> /etc/ecs/ecs.config;echo ECS_BACKEND_HOST= >> /etc/ecs/ecs.config; echo ECS_X=1 > /tmp/x',
    ].join('\n');
    assert.deepEqual(extractFromScript(text).entries.map((e) => e.key), ['ECS_CLUSTER', 'ECS_LOGLEVEL', 'ECS_UPDATES_ENABLED', 'ECS_BACKEND_HOST']);
  });
  it('keeps literal quotes that reach the file and marks expansions as dynamic', () => {
    const text = `echo 'ECS_LOGLEVEL="debug"' >> /etc/ecs/ecs.config\necho "ECS_CLUSTER=$NAME" >> /etc/ecs/ecs.config\necho 'ECS_CLUSTER=$NAME' >> /etc/ecs/ecs.config`;
    const [a, b, c] = extractFromScript(text).entries;
    assert.equal(a.quoted, true);
    assert.equal(b.dynamic, true);
    assert.equal(c.dynamic, false);
  });
  it('does not mistake a here-string for a heredoc', () => {
    const text = 'tee -a /etc/ecs/ecs.config <<< "ECS_X=1"\necho ECS_CLUSTER=a >> /etc/ecs/ecs.config\n';
    assert.deepEqual(extractFromScript(text).entries.map((e) => e.key), ['ECS_CLUSTER']);
  });
  it('handles CRLF scripts and an unterminated heredoc', () => {
    const text = '#!/bin/sh\r\ncat <<EOF > /etc/ecs/ecs.config\r\nECS_CLUSTER=a\r\nECS_LOGLEVEL=info';
    const { entries } = extractFromScript(text);
    assert.deepEqual(entries.map((e) => e.value), ['a', 'info']);
  });
  it('tells scripts from ecs.config files', () => {
    assert.equal(looksLikeScript('ECS_CLUSTER=a\n# copied to /etc/ecs/ecs.config by user data\n'), false);
    assert.equal(looksLikeScript('ECS_AGENT_CONFIG_FILE_PATH=/etc/ecs/ecs.config.json'), false);
    assert.equal(looksLikeScript('echo A=b >> /etc/ecs/ecs.config'), true);
    assert.equal(looksLikeScript('ECS_CLUSTER=a', 'bootstrap.sh'), true);
  });
  it('detects scripts and user data that write ecs.config as agent-config', () => {
    const script = '#!/bin/bash\necho ECS_CLUSTER=a >> /etc/ecs/ecs.config\n';
    assert.equal(detectKind({ text: script }), 'agent-config');
    assert.equal(detectKind({ text: 'echo ECS_CLUSTER=a >> /etc/ecs/ecs.config', fileName: '/x/user-data' }), 'agent-config');
    assert.equal(detectKind({ text: 'echo ECS_CLUSTER=a >> /etc/ecs/ecs.config', fileName: 'boot.sh' }), 'agent-config');
    assert.equal(detectKind({ text: '#!/bin/bash\necho hello\n', fileName: 'boot.sh' }), 'unknown');
  });
});
