// ecs.config hover and completion (rules/agent/assist.ts): plain files, heredocs and echo lines in user data.
import * as assert from 'node:assert/strict';
import { agentCompletionsAt, agentHoverAt, agentHoverTarget } from '../../rules/agent';
import { applyEdits } from '../../rules';

/** Text with `|` marking the cursor. */
function at(marked: string): [string, number] {
  const i = marked.indexOf('|');
  assert.ok(i >= 0, 'cursor marker');
  return [marked.slice(0, i) + marked.slice(i + 1), i];
}

function complete(marked: string, fileName = 'ecs.config') {
  const [text, offset] = at(marked);
  return agentCompletionsAt(text, fileName, offset);
}
const labels = (marked: string, fileName?: string) => complete(marked, fileName).map((c) => c.label);

/** Accept the first item with `label` and return the new text. */
function accept(marked: string, label: string, fileName = 'ecs.config'): string {
  const [text] = at(marked);
  const item = complete(marked, fileName).find((c) => c.label === label);
  assert.ok(item, `item ${label}`);
  return applyEdits(text, [{ offset: item.replace.offset, length: item.replace.length, content: item.insertText }]);
}

describe('agent assist: hover', () => {
  const text = 'ECS_CLUSTER=prod\nECS_AWSVPC_BLOCK_IMDS=false\nECS_AWSVPC_BLOK_IMDS=true\n# ECS_DISABLE_PRIVILEGED=true\n';

  it('on a key shows the meaning, type and both defaults', () => {
    const md = agentHoverAt(text, 'ecs.config', text.indexOf('BLOCK'))!;
    assert.match(md, /^\*\*ECS_AWSVPC_BLOCK_IMDS\*\*/);
    assert.match(md, /Type: boolean/);
    assert.match(md, /Linux default: `false`/);
    assert.match(md, /Windows default: /);
  });

  it('covers the key (also from the value) with the key range', () => {
    const key = text.indexOf('ECS_CLUSTER');
    assert.deepEqual(
      { offset: agentHoverTarget(text, 'ecs.config', text.indexOf('prod') + 2)!.offset, length: agentHoverTarget(text, 'ecs.config', key)!.length },
      { offset: key, length: 'ECS_CLUSTER'.length },
    );
    assert.match(agentHoverAt(text, 'ecs.config', text.indexOf('prod'))!, /ECS_CLUSTER/);
  });

  it('on an unknown key names the nearest variables', () => {
    const md = agentHoverAt(text, 'ecs.config', text.indexOf('BLOK'))!;
    assert.match(md, /not a variable the ECS agent reads/);
    assert.match(md, /Did you mean `ECS_AWSVPC_BLOCK_IMDS`/);
  });

  it('nothing on comments, blank lines or outside the text', () => {
    assert.equal(agentHoverAt(text, 'ecs.config', text.indexOf('DISABLE')), undefined);
    assert.equal(agentHoverAt(text, 'ecs.config', text.length), undefined);
    assert.equal(agentHoverAt(text, 'ecs.config', -5), undefined);
    assert.equal(agentHoverAt('', 'ecs.config', 0), undefined);
  });

  it('works in a user-data heredoc and echo line, not on the shell commands', () => {
    const script = '#!/bin/bash\ncat <<EOF >> /etc/ecs/ecs.config\nECS_DISABLE_PRIVILEGED=true\nEOF\necho "ECS_CLUSTER=web" >> /etc/ecs/ecs.config\nexport ECS_AWSVPC_BLOCK_IMDS=true\n';
    assert.match(agentHoverAt(script, 'user-data.sh', script.indexOf('DISABLE'))!, /\*\*ECS_DISABLE_PRIVILEGED\*\*/);
    assert.match(agentHoverAt(script, 'user-data.sh', script.indexOf('CLUSTER'))!, /\*\*ECS_CLUSTER\*\*/);
    // A shell variable export is not written to ecs.config.
    assert.equal(agentHoverAt(script, 'user-data.sh', script.indexOf('AWSVPC')), undefined);
    assert.equal(agentHoverAt(script, 'user-data.sh', script.indexOf('cat')), undefined);
  });
});

describe('agent assist: completion', () => {
  it('at the start of a line offers every variable with its type and docs, inserting NAME=', () => {
    const items = complete('ECS_CLUSTER=a\n|');
    const cluster = items.find((c) => c.label === 'ECS_CLUSTER')!;
    assert.ok(items.length > 50);
    assert.deepEqual([cluster.kind, cluster.detail, cluster.insertText], ['variable', 'string', 'ECS_CLUSTER=']);
    assert.match(cluster.documentation, /cluster name/i);
    const imds = items.find((c) => c.label === 'ECS_AWSVPC_BLOCK_IMDS')!;
    assert.equal(imds.detail, 'boolean');
    assert.ok(items.every((c) => c.label === c.label.toUpperCase()), 'no lower-case proxy aliases');
  });

  it('replaces the typed prefix (and export stays)', () => {
    assert.equal(accept('ECS_CLU|', 'ECS_CLUSTER'), 'ECS_CLUSTER=');
    assert.equal(accept('export ECS_CLU|\n', 'ECS_CLUSTER'), 'export ECS_CLUSTER=\n');
    assert.equal(accept('\tECS_|', 'ECS_CLUSTER'), '\tECS_CLUSTER=');
  });

  it('renaming a key keeps its value and does not add a second =', () => {
    assert.equal(accept('ECS_CL|STER=prod', 'ECS_CLUSTER'), 'ECS_CLUSTER=prod');
  });

  it('after KEY= offers booleans with the secure value first', () => {
    const items = complete('ECS_AWSVPC_BLOCK_IMDS=|');
    assert.deepEqual(items.map((c) => c.label), ['true', 'false']);
    assert.equal(items[0].kind, 'value');
    assert.match(items[0].detail, /recommended/);
    assert.match(items[1].detail, /default/);
    assert.deepEqual(labels('ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS=|'), ['false', 'true']);
    assert.deepEqual(labels('ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=|'), ['false', 'true']);
    assert.deepEqual(labels('ECS_DISABLE_PRIVILEGED=|'), ['true', 'false']);
  });

  it('replaces the current value', () => {
    assert.equal(accept('ECS_AWSVPC_BLOCK_IMDS=fa|lse\n', 'true'), 'ECS_AWSVPC_BLOCK_IMDS=true\n');
  });

  it('offers enum values', () => {
    assert.deepEqual(labels('ECS_ENGINE_AUTH_TYPE=|'), ['docker', 'dockercfg']);
  });

  it('nothing for free-form values, unknown keys, comments, or a second word', () => {
    assert.deepEqual(labels('ECS_CLUSTER=|'), []);
    assert.deepEqual(labels('NOT_A_VAR=|'), []);
    assert.deepEqual(labels('# ECS_|'), []);
    assert.deepEqual(labels('ECS_CLUSTER foo|'), []);
  });

  it('inside a heredoc writing ecs.config, but not in other heredocs or shell commands', () => {
    const script = '#!/bin/bash\ncat <<-EOF > /etc/ecs/ecs.config\n\tECS_CLUSTER=web\n\t|\nEOF\n';
    assert.ok(labels(script, 'user-data.sh').includes('ECS_CLUSTER'));
    const values = '#!/bin/bash\ncat <<EOF > /etc/ecs/ecs.config\nECS_AWSVPC_BLOCK_IMDS=|\nEOF\n';
    assert.deepEqual(labels(values, 'user-data.sh'), ['true', 'false']);
    assert.deepEqual(labels('#!/bin/bash\ncat <<EOF > /etc/motd\n|\nEOF\necho A=1 >> /etc/ecs/ecs.config\n', 'user-data.sh'), []);
    assert.deepEqual(labels('#!/bin/bash\nyum install -y x\n|\necho A=1 >> /etc/ecs/ecs.config\n', 'user-data.sh'), []);
  });

  it('in echo/printf words that write ecs.config', () => {
    assert.deepEqual(labels('#!/bin/sh\necho "ECS_AWSVPC_BLOCK_IMDS=|" >> /etc/ecs/ecs.config\n', 'user-data.sh'), ['true', 'false']);
    assert.equal(accept('#!/bin/sh\necho ECS_CLU| >> /etc/ecs/ecs.config\n', 'ECS_CLUSTER', 'user-data.sh'), '#!/bin/sh\necho ECS_CLUSTER= >> /etc/ecs/ecs.config\n');
    // After the redirect, or the echo of another file: no.
    assert.deepEqual(labels('#!/bin/sh\necho A=1 >> /etc/ecs/ecs.config |\n', 'user-data.sh'), []);
    assert.deepEqual(labels('#!/bin/sh\necho ECS_| >> /tmp/x\necho A=1 >> /etc/ecs/ecs.config\n', 'user-data.sh'), []);
  });

  it('never throws on odd input', () => {
    for (const [t, o] of [['', 0], ['x', 99], ['x', -1], ['=', 1], ['\r\n\r\n', 2], ['A=\rB=|', 3]] as [string, number][]) {
      assert.doesNotThrow(() => agentCompletionsAt(t, 'ecs.config', o));
      assert.doesNotThrow(() => agentHoverAt(t, undefined, o));
    }
    assert.deepEqual(agentCompletionsAt(null as unknown as string, 'ecs.config', 0), []);
  });

  it('at every offset of a script: no throw, replace ranges inside the text, hovers on a key', () => {
    const script = '#!/bin/bash\r\ncat <<\'EOF\' | sudo tee -a /etc/ecs/ecs.config\r\nECS_CLUSTER=web\r\nexport ECS_AWSVPC_BLOCK_IMDS="true"\r\nEOF\r\n'
      + "printf '%s\\n' ECS_DISABLE_PRIVILEGED=true >> /etc/ecs/ecs.config; echo 'ECS_ENGINE_AUTH_TYPE=' >> /etc/ecs/ecs.config\n";
    for (const name of ['user-data.sh', 'ecs.config']) {
      for (let o = 0; o <= script.length; o++) {
        for (const c of agentCompletionsAt(script, name, o)) {
          assert.ok(c.replace.offset >= 0 && c.replace.offset + c.replace.length <= script.length && c.replace.offset <= o, `${name}@${o}`);
        }
        const hv = agentHoverTarget(script, name, o);
        if (hv) assert.match(script.slice(hv.offset, hv.offset + hv.length), /^[A-Za-z_][A-Za-z0-9_]*$/);
      }
    }
    assert.deepEqual(agentCompletionsAt(script, 'user-data.sh', script.indexOf("TYPE='") + 5).map((c) => c.label), ['docker', 'dockercfg']);
  });
});
