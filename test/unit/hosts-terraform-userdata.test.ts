// ecs.config lines written by Terraform user data (aws_instance, aws_launch_template, aws_launch_configuration) are
// linted by the agent-config rules, with findings on the .tf text; interpolations and templatefile() are unknown.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../rules';
import { flagged, lint } from '../helpers';

const findings = (src: string) => lint(src, { fileName: 'ecs.tf' }).findings;
const at = (src: string, ruleId: string) => findings(src).filter((f) => f.ruleId === ruleId).map((f) => flagged(src, f));

const launchTemplate = (userData: string) => `resource "aws_launch_template" "ecs" {
  name_prefix = "ecs-"
  user_data   = ${userData}
}
`;

describe('hosts: Terraform user data writing ecs.config', () => {
  it('reads a heredoc inside base64encode(), with findings on its lines', () => {
    const src = launchTemplate(`base64encode(<<EOF
#!/bin/bash
cat <<CFG >> /etc/ecs/ecs.config
ECS_CLUSTER=prod
ECS_DISABLE_PRIVILEGED=false
ECS_ENGINE_AUTH_DATA={"https://index.docker.io/v1/":{"username":"u","password":"hunter2hunter2","email":"e@x"}}
CFG
EOF
  )`);
    assert.deepEqual(at(src, 'agent/disable-privileged'), ['false']);
    assert.equal(at(src, 'agent/no-inline-registry-credentials').length, 1);
    // The agent rules' findings are in the script; instance/imdsv2 (a launch template joining a cluster) is on the resource.
    assert.ok(findings(src).filter((f) => f.ruleId.startsWith('agent/')).every((f) => f.message.startsWith('aws_launch_template.ecs user_data: ')));
    assert.deepEqual(at(src, 'instance/imdsv2'), ['"ecs"']);
  });

  it('reads quoted strings with escapes and <<- heredocs, mapping findings through the escapes and indentation', () => {
    const quoted = `resource "aws_instance" "i" {
  ami       = "ami-1"
  user_data = "#!/bin/bash\\necho \\"ECS_DISABLE_PRIVILEGED=false\\" >> /etc/ecs/ecs.config\\n"
}
`;
    assert.deepEqual(at(quoted, 'agent/disable-privileged'), ['false']);
    const indented = `resource "aws_launch_configuration" "lc" {
  user_data = <<-EOT
    #!/bin/bash
    echo ECS_DISABLE_PRIVILEGED=false >> /etc/ecs/ecs.config
  EOT
}
`;
    assert.deepEqual(at(indented, 'agent/disable-privileged'), ['false']);
  });

  it('a setting the script leaves out is reported, and its fix writes the line into the heredoc', () => {
    const src = launchTemplate(`<<EOF
#!/bin/bash
cat <<CFG > /etc/ecs/ecs.config
ECS_CLUSTER=prod
CFG
EOF`);
    const [f] = findings(src).filter((x) => x.ruleId === 'agent/block-imds');
    assert.ok(f?.fixes?.length, 'a fix');
    const out = applyEdits(src, f.fixes[0].edits);
    assert.match(out, /ECS_CLUSTER=prod\nECS_AWSVPC_BLOCK_IMDS=true\nCFG\n/);
    assert.deepEqual(findings(out).filter((x) => x.ruleId === 'agent/block-imds'), []);
  });

  it('Terraform interpolations and shell expansions are unknown values', () => {
    const src = launchTemplate(`<<EOF
#!/bin/bash
cat <<CFG >> /etc/ecs/ecs.config
ECS_CLUSTER=\${aws_ecs_cluster.main.name}
ECS_DISABLE_PRIVILEGED=\${var.disable_privileged}
ECS_ENABLE_TASK_IAM_ROLE=%{ if var.roles }true%{ else }false%{ endif }
CFG
echo "ECS_AWSVPC_BLOCK_IMDS=$\${BLOCK}" >> /etc/ecs/ecs.config
EOF`);
    const ids = findings(src).map((f) => f.ruleId);
    for (const id of ['agent/disable-privileged', 'agent/invalid-value', 'agent/block-imds']) assert.ok(!ids.includes(id), `${id}: ${ids.join()}`);
  });

  it('templatefile(), file(), references and scripts that do not write ecs.config give nothing', () => {
    for (const v of ['templatefile("${path.module}/user_data.sh", { cluster = "x" })', 'filebase64("${path.module}/ud.sh")', 'data.template_file.ud.rendered', 'var.user_data',
      '"#!/bin/bash\\necho hello > /tmp/x\\n"']) {
      assert.deepEqual(findings(launchTemplate(v)), [], v);
    }
  });

  it('a script in a local or a module input (user data built once, used by an autoscaling module) is read too', () => {
    const src = `locals {
  user_data = <<-EOT
    #!/bin/bash
    cat <<'EOF' >> /etc/ecs/ecs.config
    ECS_CLUSTER=\${local.name}
    ECS_DISABLE_PRIVILEGED=false
    EOF
  EOT
}

module "asg" {
  source = "terraform-aws-modules/autoscaling/aws"
  instances = {
    spot = {
      user_data = "#!/bin/bash\necho ECS_ENABLE_TASK_IAM_ROLE=maybe >> /etc/ecs/ecs.config\n"
    }
  }
}
`;
    const fs = findings(src);
    assert.deepEqual(fs.filter((f) => f.ruleId === 'agent/disable-privileged' && flagged(src, f) === 'false').map((f) => f.message.split(':')[0]), ['local user_data']);
    assert.deepEqual(fs.filter((f) => f.ruleId === 'agent/invalid-value').map((f) => [flagged(src, f), f.message.split(':')[0]]), [['maybe', 'module.asg instances.spot.user_data']]);
  });

  it('a string that only mentions the path writes nothing: not a script', () => {
    const src = `variable "note" {\n  default = "the agent reads /etc/ecs/ecs.config at start"\n}\n`;
    assert.deepEqual(findings(src), []);
  });
});
