// Inputs of well-known ECS modules (terraform-aws-modules/ecs, cloudposse) are checked like the API fields they become,
// with the modules' own defaults; findings land on the input, or on the module's name for a default.
import * as assert from 'node:assert/strict';
import { knownModule } from '../../rules/hosts/terraform-modules';
import { flagged, lint } from '../helpers';

const findings = (src: string) => lint(src, { fileName: 'main.tf' }).findings;
const rules = (src: string) => findings(src).map((f) => f.ruleId);
const at = (src: string, ruleId: string) => findings(src).filter((f) => f.ruleId === ruleId).map((f) => flagged(src, f));

const mod = (source: string, body: string, name = 'app') => `module "${name}" {\n  source = "${source}"\n${body}}\n`;

const TAM_CD = 'terraform-aws-modules/ecs/aws//modules/container-definition';
const TAM_SVC = 'terraform-aws-modules/ecs/aws//modules/service';
const CP_CD = 'cloudposse/ecs-container-definition/aws';
const CP_SVC = 'cloudposse/ecs-alb-service-task/aws';

describe('hosts: Terraform modules', () => {
  it('recognises registry, GitHub and git:: sources of the modules, at any ref; nothing else', () => {
    assert.equal(knownModule(TAM_CD), 'tam-container');
    assert.equal(knownModule('registry.terraform.io/terraform-aws-modules/ecs/aws//modules/service'), 'tam-service');
    assert.equal(knownModule('git::https://github.com/terraform-aws-modules/terraform-aws-ecs.git//modules/container-definition?ref=v5.7.4'), 'tam-container');
    assert.equal(knownModule('github.com/terraform-aws-modules/terraform-aws-ecs//modules/service'), 'tam-service');
    assert.equal(knownModule('git@github.com:cloudposse/terraform-aws-ecs-container-definition.git?ref=0.61.1'), 'cp-container');
    assert.equal(knownModule(CP_SVC), 'cp-service');
    for (const other of ['terraform-aws-modules/ecs/aws', 'terraform-aws-modules/ecs/aws//modules/cluster', '../../modules/service', 'cloudposse/ecs-web-app/aws', 'example.com/terraform-aws-modules/ecs/aws//modules/service']) {
      assert.equal(knownModule(other), undefined, other);
    }
  });

  describe('terraform-aws-modules container-definition', () => {
    it('reports root, a writable root filesystem, privileged, :latest and plaintext secrets at the inputs (v5 snake_case)', () => {
      const src = mod(TAM_CD, `  name                     = "app"
  image                    = "nginx:latest"
  user                     = "0"
  readonly_root_filesystem = false
  privileged               = true
  environment = [
    { name = "DB_PASSWORD", value = "hunter2-very-secret-value" },
    { name = "LOG_LEVEL", value = "info" },
  ]
`);
      assert.deepEqual(at(src, 'task/non-root-user'), ['"0"']);
      assert.deepEqual(at(src, 'task/readonly-root-filesystem'), ['readonly_root_filesystem = false']);
      assert.deepEqual(at(src, 'task/no-privileged'), ['privileged               = true']);
      assert.deepEqual(at(src, 'task/image-pinned'), ['"nginx:latest"']);
      assert.deepEqual(at(src, 'task/no-plaintext-secrets'), ['"DB_PASSWORD"']);
      assert.ok(findings(src).every((f) => f.message.startsWith('module.app: ')));
    });

    it('the same inputs in v6 camelCase', () => {
      const src = mod(TAM_CD, '  name = "app"\n  image = "nginx:1.27"\n  readonlyRootFilesystem = false\n  privileged = true\n  user = "root"\n');
      assert.deepEqual(at(src, 'task/readonly-root-filesystem'), ['readonlyRootFilesystem = false']);
      assert.deepEqual(at(src, 'task/no-privileged'), ['privileged = true']);
      assert.deepEqual(at(src, 'task/non-root-user'), ['"root"']);
    });

    it('honours the module defaults: read-only root filesystem, not privileged, awslogs logging', () => {
      const src = mod(TAM_CD, '  name = "app"\n  image = "nginx:1.27"\n  user = "1000"\n');
      const ids = rules(src);
      for (const id of ['task/readonly-root-filesystem', 'task/no-privileged', 'task/logging-configured', 'task/non-root-user', 'task/image-pinned']) assert.ok(!ids.includes(id), id);
    });

    it('reports missing logging only when the module is told not to log', () => {
      const off = mod(TAM_CD, '  name = "app"\n  image = "nginx:1.27"\n  enable_cloudwatch_logging = false\n');
      assert.ok(rules(off).includes('task/logging-configured'));
      const unknown = mod(TAM_CD, '  name = "app"\n  image = "nginx:1.27"\n  enable_cloudwatch_logging = var.logs\n');
      assert.ok(!rules(unknown).includes('task/logging-configured'));
    });

    it('inputs given as variables stay unknown', () => {
      const src = mod(TAM_CD, '  name = var.name\n  image = var.image\n  user = var.user\n  readonly_root_filesystem = var.ro\n  privileged = var.privileged\n  environment = var.environment\n  linux_parameters = var.linux\n');
      const ids = rules(src);
      for (const id of ['task/readonly-root-filesystem', 'task/no-privileged', 'task/non-root-user', 'task/image-pinned', 'task/no-plaintext-secrets', 'task/drop-all-capabilities']) assert.ok(!ids.includes(id), id);
    });

    it('a Windows container is not judged by the Linux-only defaults', () => {
      const src = mod(TAM_CD, '  name = "app"\n  image = "mcr.microsoft.com/windows/servercore:ltsc2022"\n  operating_system_family = "WINDOWS_SERVER_2022_CORE"\n  privileged = true\n');
      assert.ok(!rules(src).includes('task/no-privileged'));
      assert.ok(!rules(src).includes('task/readonly-root-filesystem'));
    });
  });

  describe('terraform-aws-modules service', () => {
    const svc = (body: string) => mod(TAM_SVC, body, 'svc');

    it('reports exec and a public IP at the inputs, and each container_definitions entry', () => {
      const src = svc(`  name                   = "svc"
  enable_execute_command = true
  assign_public_ip       = true
  container_definitions = {
    web = {
      image                  = "public.ecr.aws/x/web:latest"
      readonlyRootFilesystem = false
      user                   = "root"
    }
  }
`);
      assert.deepEqual(at(src, 'service/no-execute-command'), ['enable_execute_command = true']);
      assert.deepEqual(at(src, 'service/no-public-ip'), ['true']);
      assert.deepEqual(at(src, 'task/readonly-root-filesystem'), ['readonlyRootFilesystem = false']);
      assert.deepEqual(at(src, 'task/non-root-user'), ['"root"']);
      assert.deepEqual(at(src, 'task/image-pinned'), ['"public.ecr.aws/x/web:latest"']);
      assert.match(findings(src).find((f) => f.ruleId === 'task/image-pinned')!.message, /container "web"/, 'the entry key names the container');
    });

    it('honours the module defaults: exec and public IP off, awsvpc on Fargate with cpu and memory, read-only containers', () => {
      const src = svc('  name = "svc"\n  container_definitions = {\n    web = {\n      image = "nginx:1.27"\n      user = "1000"\n    }\n  }\n');
      assert.deepEqual(rules(src).filter((id) => /^service\/|readonly|fargate|awsvpc|logging/.test(id)), []);
    });

    it('an unknown container_definitions map gives no container findings; task-level inputs are still checked', () => {
      const src = svc('  name = "svc"\n  pid_mode = "host"\n  container_definitions = var.containers\n');
      assert.deepEqual(at(src, 'task/no-host-pid'), ['"host"']);
      assert.deepEqual(rules(src).filter((id) => id.startsWith('task/') && id !== 'task/no-host-pid' && id !== 'task/fargate-compat'), []);
    });

    it('an entry under a computed key (`(local.container_name) = {...}`) is still checked, its name unknown', () => {
      const src = svc('  container_definitions = {\n    (local.container_name) = {\n      image = "nginx:latest"\n      readonlyRootFilesystem = false\n      user = "1000"\n    }\n  }\n');
      assert.deepEqual(at(src, 'task/image-pinned'), ['"nginx:latest"']);
      assert.deepEqual(at(src, 'task/readonly-root-filesystem'), ['readonlyRootFilesystem = false']);
    });

    it('reads v5 snake_case entries and container_definition_defaults', () => {
      const src = svc('  container_definition_defaults = { readonly_root_filesystem = false }\n  container_definitions = {\n    a = { image = "a:1", user = "1000" }\n    b = { image = "b:1", user = "1000", readonly_root_filesystem = true }\n  }\n');
      const ro = findings(src).filter((f) => f.ruleId === 'task/readonly-root-filesystem');
      assert.equal(ro.length, 1);
      assert.match(ro[0].message, /container "a"/);
    });
  });

  describe('cloudposse ecs-container-definition', () => {
    it('its default is a writable root filesystem: reported at the module name unless set', () => {
      const src = mod(CP_CD, '  container_name = "cp"\n  container_image = "redis:7"\n', 'cp');
      assert.deepEqual(at(src, 'task/readonly-root-filesystem'), ['"cp"']);
      const set = mod(CP_CD, '  container_name = "cp"\n  container_image = "redis:7"\n  readonly_root_filesystem = true\n', 'cp');
      assert.deepEqual(at(set, 'task/readonly-root-filesystem'), []);
      const unknown = mod(CP_CD, '  container_name = "cp"\n  container_image = "redis:7"\n  readonly_root_filesystem = var.ro\n', 'cp');
      assert.deepEqual(at(unknown, 'task/readonly-root-filesystem'), []);
    });

    it('reads map_environment (over environment) and reports secrets in it', () => {
      const src = mod(CP_CD, `  container_name  = "cp"
  container_image = "redis:7"
  environment     = [{ name = "LIST_TOKEN", value = "ignored-because-map-wins-12345" }]
  map_environment = {
    API_KEY = "AKIAABCDEFGHIJKLMNOP"
    PLAIN   = "x"
  }
`, 'cp');
      assert.deepEqual(at(src, 'task/no-plaintext-secrets'), ['"AKIAABCDEFGHIJKLMNOP"']);
    });

    it('a FireLens configuration makes the module run the container as root', () => {
      const src = mod(CP_CD, '  container_name = "log_router"\n  container_image = "amazon/aws-for-fluent-bit:2.32.0"\n  user = "1000"\n  firelens_configuration = { type = "fluentbit" }\n', 'cp');
      assert.deepEqual(at(src, 'task/non-root-user'), ['firelens_configuration']);
      const unknown = mod(CP_CD, '  container_name = "app"\n  container_image = "a:1"\n  user = "1000"\n  firelens_configuration = var.firelens\n', 'cp');
      assert.deepEqual(at(unknown, 'task/non-root-user'), []);
    });

    it('container_definition overrides the inputs; an unknown one makes every field unknown', () => {
      const src = mod(CP_CD, '  container_name = "cp"\n  container_image = "redis:7"\n  user = "1000"\n  container_definition = { readonlyRootFilesystem = true, privileged = true }\n', 'cp');
      assert.deepEqual(at(src, 'task/readonly-root-filesystem'), []);
      assert.deepEqual(at(src, 'task/no-privileged'), ['privileged = true']);
      const unknown = mod(CP_CD, '  container_name = "cp"\n  container_image = "redis:latest"\n  container_definition = var.overrides\n', 'cp');
      assert.deepEqual(rules(unknown).filter((id) => id.startsWith('task/')), []);
    });

    it('an input built by a function call (merge) is unknown, not missing', () => {
      const src = mod(CP_CD, '  container_name = "cp"\n  container_image = "redis:7"\n  user = "1000"\n  readonly_root_filesystem = true\n  log_configuration = var.logs\n  linux_parameters = merge(var.linux, { initProcessEnabled = true })\n', 'cp');
      assert.deepEqual(rules(src).filter((id) => id.startsWith('task/')), []);
    });
  });

  describe('cloudposse ecs-alb-service-task', () => {
    it('reports exec_enabled and a public IP; defaults are off; containers come from container_definition_json', () => {
      const src = mod(CP_SVC, `  exec_enabled              = true
  assign_public_ip          = true
  container_definition_json = jsonencode([{ name = "a", image = "a:latest", user = "1000", readonlyRootFilesystem = true }])
`, 'svc');
      assert.deepEqual(at(src, 'service/no-execute-command'), ['exec_enabled              = true']);
      assert.deepEqual(at(src, 'service/no-public-ip'), ['true']);
      assert.deepEqual(at(src, 'task/image-pinned'), ['"a:latest"']);
      const defaults = mod(CP_SVC, '  container_definition_json = module.container.json_map_encoded_list\n', 'svc');
      assert.deepEqual(rules(defaults), []);
    });

    it('EFS volumes without transit encryption are reported', () => {
      const src = mod(CP_SVC, `  container_definition_json = module.c.json_map_encoded_list
  efs_volumes = [{
    name      = "data"
    host_path = null
    efs_volume_configuration = [{
      file_system_id     = "fs-1"
      root_directory     = "/"
      transit_encryption = "DISABLED"
    }]
  }]
`, 'svc');
      assert.deepEqual(at(src, 'task/efs-transit-encryption'), ['"DISABLED"']);
    });
  });

  it('unknown modules and local sources give nothing', () => {
    assert.deepEqual(rules(mod('../modules/container', '  user = "0"\n  privileged = true\n')), []);
    assert.deepEqual(rules(mod('terraform-aws-modules/vpc/aws', '  name = "v"\n')), []);
  });
});
