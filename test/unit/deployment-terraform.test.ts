// Terraform-only checks of the deployment rules, beyond the shared table (deployment-table.ts): multi-file modules with
// the shapes real repositories use (dynamic blocks, for_each endpoints, module calls, mixed instances policies), each
// file linted with the others as siblings; the Terraform quick fixes; and parsing each file once.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../rules';
import { deploymentRules } from '../../rules/deployment/rules';
import { lint } from '../helpers';
import { applyEdits } from '../../rules';
import { terraformModel } from '../../rules/deployment/terraform';
import * as hclParser from '../../rules/hosts/hcl/parser';

const IDS = new Set(deploymentRules.map((r) => r.meta.id));
type Files = Record<string, string>;
/** `all`: the range is the whole needle (a call or heredoc), not its first token. */
interface Place { file: string; text: string; all?: boolean }
interface Expect { rule: string; file: string; at: string; related: Place[]; message?: RegExp; all?: boolean; severity?: string }
/** `only`: the rules compared (default: every deployment rule). */
interface TfCase { name: string; files: Files; expect: Expect[]; silent?: string[]; only?: string[] }

const CASES: TfCase[] = [
  {
    name: 'ECS Exec on a service in service.tf, its cluster in cluster.tf logs nothing (logging NONE)',
    only: ['cluster/exec-logging'],
    files: {
      'cluster.tf': `resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  configuration {
    execute_command_configuration {
      logging = "NONE"
    }
  }
}
`,
      'service.tf': `resource "aws_ecs_service" "web" {
  name                   = "web"
  cluster                = aws_ecs_cluster.main.id
  task_definition        = var.task_definition_arn
  enable_execute_command = true
}
`,
    },
    expect: [
      { rule: 'cluster/exec-logging', file: 'service.tf', at: 'true', related: [{ file: 'cluster.tf', text: '"NONE"' }], message: /^aws_ecs_service\.web: ECS Exec is on, and cluster aws_ecs_cluster\.main neither logs the sessions \(logging NONE\).*configuration \{ execute_command_configuration \{ logging = "OVERRIDE"/ },
      { rule: 'cluster/exec-logging', file: 'cluster.tf', at: '"NONE"', related: [{ file: 'service.tf', text: 'true' }] },
    ],
  },
  {
    name: 'ECS Exec with logging DEFAULT and a container that does not log with awslogs',
    only: ['cluster/exec-logging'],
    files: {
      'main.tf': `resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    { name = "app", image = "nginx:1.27", logConfiguration = { logDriver = "awslogs", options = {} } },
    { name = "sidecar", image = "busybox:1.36" },
  ])
}

resource "aws_ecs_service" "web" {
  cluster                = aws_ecs_cluster.main.arn
  task_definition        = aws_ecs_task_definition.web.arn
  enable_execute_command = true
}
`,
    },
    expect: [
      { rule: 'cluster/exec-logging', file: 'main.tf', at: 'true\n}', related: [{ file: 'main.tf', text: '"main"' }], message: /logging DEFAULT, but not every container logs with awslogs/ },
    ],
  },
  {
    name: 'exec-logging negatives: KMS key, OVERRIDE with a log group, awslogs everywhere, unknown cluster, logging or containers',
    only: ['cluster/exec-logging'],
    files: {
      'main.tf': `resource "aws_ecs_cluster" "kms" {
  configuration {
    execute_command_configuration {
      kms_key_id = aws_kms_key.exec.arn
      logging    = "NONE"
    }
  }
}

resource "aws_ecs_cluster" "override" {
  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"
      log_configuration {
        cloud_watch_log_group_name = aws_cloudwatch_log_group.exec.name
      }
    }
  }
}

resource "aws_ecs_cluster" "default" {}

resource "aws_ecs_cluster" "var_logging" {
  configuration {
    execute_command_configuration {
      logging = var.exec_logging
    }
  }
}

resource "aws_ecs_cluster" "dynamic" {
  dynamic "configuration" {
    for_each = var.exec ? [1] : []
    content {
      execute_command_configuration {
        logging = "NONE"
      }
    }
  }
}

resource "aws_ecs_task_definition" "logged" {
  family                = "logged"
  container_definitions = <<JSON
[{"name": "app", "image": "nginx:1.27", "logConfiguration": {"logDriver": "awslogs"}}]
JSON
}

resource "aws_ecs_task_definition" "templated" {
  family                = "templated"
  container_definitions = templatefile("\${path.module}/containers.json", {})
}

resource "aws_ecs_service" "a" {
  cluster                = aws_ecs_cluster.kms.id
  enable_execute_command = true
}

resource "aws_ecs_service" "b" {
  cluster                = aws_ecs_cluster.override.id
  enable_execute_command = true
}

resource "aws_ecs_service" "c" {
  cluster                = aws_ecs_cluster.default.id
  task_definition        = aws_ecs_task_definition.logged.arn
  enable_execute_command = true
}

resource "aws_ecs_service" "d" {
  cluster                = aws_ecs_cluster.default.id
  task_definition        = aws_ecs_task_definition.templated.arn
  enable_execute_command = true
}

resource "aws_ecs_service" "e" {
  cluster                = aws_ecs_cluster.var_logging.id
  enable_execute_command = true
}

resource "aws_ecs_service" "f" {
  cluster                = aws_ecs_cluster.dynamic.id
  enable_execute_command = true
}

resource "aws_ecs_service" "g" {
  cluster                = var.cluster_arn
  enable_execute_command = true
}

resource "aws_ecs_service" "h" {
  cluster                = data.aws_ecs_cluster.shared.arn
  enable_execute_command = true
}

resource "aws_ecs_service" "i" {
  cluster                = module.cluster.arn
  task_definition        = local.task_definition_arn
  enable_execute_command = true
}

resource "aws_ecs_service" "j" {
  cluster                = aws_ecs_cluster.default.id
  task_definition        = module.task.arn
  enable_execute_command = var.exec
}
`,
    },
    expect: [],
    silent: ['cluster/exec-logging'],
  },
  // ---- instance/imdsv2, instance/awsvpc-block-imds ----
  {
    name: 'a launch template in compute.tf without IMDSv2 and with two hops, run by a capacity provider in cluster.tf',
    only: ['instance/imdsv2', 'instance/awsvpc-block-imds'],
    files: {
      'compute.tf': `resource "aws_launch_template" "ecs" {
  name_prefix   = "ecs-"
  image_id      = data.aws_ssm_parameter.ami.value
  instance_type = "t3.medium"
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "optional"
    http_put_response_hop_limit = 2
  }
}

resource "aws_autoscaling_group" "ecs" {
  min_size = 1
  max_size = 3
  launch_template {
    id      = aws_launch_template.ecs.id
    version = "$Latest"
  }
}
`,
      'cluster.tf': `resource "aws_ecs_capacity_provider" "ec2" {
  name = "ec2"
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.ecs.arn
  }
}
`,
    },
    expect: [
      { rule: 'instance/imdsv2', file: 'compute.tf', at: '"optional"', related: [{ file: 'cluster.tf', text: '"ec2"' }], message: /^aws_launch_template\.ecs: http_tokens is optional: .*Set metadata_options \{ http_tokens = "required" \}/, severity: 'warning' },
      { rule: 'instance/imdsv2', file: 'compute.tf', at: '2\n', related: [{ file: 'cluster.tf', text: '"ec2"' }], message: /http_put_response_hop_limit is 2/ },
      { rule: 'instance/imdsv2', file: 'cluster.tf', at: '"ec2"', related: [{ file: 'compute.tf', text: '"optional"' }] },
      { rule: 'instance/imdsv2', file: 'cluster.tf', at: '"ec2"', related: [{ file: 'compute.tf', text: '2\n' }] },
    ],
  },
  {
    name: 'a launch configuration whose user data joins a cluster, no metadata options; awsvpc tasks on EC2 without ECS_AWSVPC_BLOCK_IMDS',
    only: ['instance/imdsv2', 'instance/awsvpc-block-imds'],
    files: {
      'instances.tf': `resource "aws_launch_configuration" "ecs" {
  image_id      = var.ami
  instance_type = "t3.medium"
  user_data     = "#!/bin/bash\\necho ECS_CLUSTER=prod >> /etc/ecs/ecs.config"
}

resource "aws_launch_template" "lt" {
  image_id = var.ami
  user_data = base64encode(<<EOF
#!/bin/bash
echo ECS_CLUSTER=\${aws_ecs_cluster.main.name} >> /etc/ecs/ecs.config
EOF
  )
  metadata_options {
    http_tokens = "required"
  }
}
`,
      'tasks.tf': `resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]
  container_definitions    = jsonencode([{ name = "api", image = "nginx:1.27" }])
}
`,
    },
    expect: [
      { rule: 'instance/imdsv2', file: 'instances.tf', at: '"ecs"', related: [{ file: 'instances.tf', text: '"#!/bin/bash\\necho ECS_CLUSTER=prod >> /etc/ecs/ecs.config"' }], message: /http_tokens is not set, so the AMI decides/, severity: 'info' },
      { rule: 'instance/awsvpc-block-imds', file: 'instances.tf', at: '"#!/bin/bash\\necho ECS_CLUSTER=prod >> /etc/ecs/ecs.config"', related: [{ file: 'tasks.tf', text: 'network_mode' }], message: /aws_ecs_task_definition\.api runs in awsvpc mode on EC2/ },
      { rule: 'instance/awsvpc-block-imds', file: 'instances.tf', at: 'base64encode(<<EOF\n#!/bin/bash\necho ECS_CLUSTER=${aws_ecs_cluster.main.name} >> /etc/ecs/ecs.config\nEOF\n  )', all: true, related: [{ file: 'tasks.tf', text: 'network_mode' }] },
      { rule: 'instance/awsvpc-block-imds', file: 'tasks.tf', at: 'network_mode', related: [{ file: 'instances.tf', text: '"#!/bin/bash\\necho ECS_CLUSTER=prod >> /etc/ecs/ecs.config"' }] },
      { rule: 'instance/awsvpc-block-imds', file: 'tasks.tf', at: 'network_mode', related: [{ file: 'instances.tf', all: true, text: 'base64encode(<<EOF\n#!/bin/bash\necho ECS_CLUSTER=${aws_ecs_cluster.main.name} >> /etc/ecs/ecs.config\nEOF\n  )' }] },
    ],
  },
  {
    name: 'IMDS negatives: unknown tokens, dynamic metadata options, endpoint disabled, templatefile user data, no cluster, the block already set',
    only: ['instance/imdsv2', 'instance/awsvpc-block-imds'],
    files: {
      'main.tf': `resource "aws_launch_template" "var_tokens" {
  metadata_options {
    http_tokens = var.http_tokens
  }
}

resource "aws_launch_template" "dynamic" {
  dynamic "metadata_options" {
    for_each = [1]
    content {
      http_tokens = "optional"
    }
  }
}

resource "aws_launch_template" "disabled" {
  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_launch_template" "templated" {
  user_data = base64encode(templatefile("\${path.module}/user-data.sh", { cluster = var.cluster }))
}

resource "aws_launch_template" "web" {
  user_data = base64encode("#!/bin/bash\\nyum install -y nginx")
}

resource "aws_launch_template" "hardened" {
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
  user_data = base64encode(<<EOF
#!/bin/bash
echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config
echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config
EOF
  )
}

resource "aws_autoscaling_group" "a" {
  launch_template {
    id = aws_launch_template.var_tokens.id
  }
  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.dynamic.id
      }
    }
  }
}

resource "aws_autoscaling_group" "b" {
  launch_template {
    name = aws_launch_template.disabled.name
  }
}

resource "aws_ecs_capacity_provider" "a" {
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.a.arn
  }
}

resource "aws_ecs_capacity_provider" "b" {
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.b.arn
  }
}

resource "aws_ecs_capacity_provider" "c" {
  auto_scaling_group_provider {
    auto_scaling_group_arn = module.asg.autoscaling_group_arn
  }
}

resource "aws_ecs_task_definition" "api" {
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]
}
`,
    },
    expect: [],
    silent: ['instance/imdsv2', 'instance/awsvpc-block-imds'],
  },
  // ---- vpc/flow-logs, vpc/private-endpoints ----
  {
    name: 'a VPC in vpc.tf hosts a service in service.tf without a flow log; an isolated VPC lacks the endpoints its tasks need',
    only: ['vpc/flow-logs', 'vpc/private-endpoints'],
    files: {
      'vpc.tf': `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

resource "aws_vpc_endpoint" "ecr_api" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.\${var.region}.ecr.api"
  vpc_endpoint_type = "Interface"
}

resource "aws_vpc_endpoint" "ecr_dkr" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.\${data.aws_region.current.name}.ecr.dkr"
  vpc_endpoint_type = "Interface"
}
`,
      'service.tf': `resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([{
    name             = "app"
    image            = "\${aws_ecr_repository.app.repository_url}:1.0"
    logConfiguration = { logDriver = "awslogs" }
  }])
}

resource "aws_ecs_service" "web" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration {
    subnets = aws_subnet.private[*].id
  }
}
`,
    },
    expect: [
      { rule: 'vpc/flow-logs', file: 'vpc.tf', at: '"main"', related: [{ file: 'service.tf', text: '"web" {\n  task_definition' }], message: /^aws_vpc\.main: no flow log .*aws_ecs_service\.web.*Add an aws_flow_log with vpc_id/ },
      { rule: 'vpc/flow-logs', file: 'service.tf', at: '"web" {\n  task_definition', related: [{ file: 'vpc.tf', text: '"main"' }] },
      { rule: 'vpc/private-endpoints', file: 'vpc.tf', at: '"main"', related: [{ file: 'service.tf', text: '"web" {\n  task_definition' }], message: /need VPC endpoints it lacks: s3 \(image layers \(a gateway endpoint\)\), logs \(awslogs\)\./ },
      { rule: 'vpc/private-endpoints', file: 'service.tf', at: '"web" {\n  task_definition', related: [{ file: 'vpc.tf', text: '"main"' }] },
    ],
  },
  {
    name: 'VPC negatives: flow logs, egress by gateway, NAT or route, endpoints by for_each, subnets from a module, data source, local or variable',
    only: ['vpc/flow-logs', 'vpc/private-endpoints'],
    files: {
      'main.tf': `resource "aws_vpc" "logged" {}
resource "aws_subnet" "logged" { vpc_id = aws_vpc.logged.id }
resource "aws_flow_log" "logged" {
  vpc_id          = aws_vpc.logged.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
}
resource "aws_vpc_endpoint" "logged" {
  for_each     = toset(["ecr.api", "ecr.dkr", "s3", "logs"])
  vpc_id       = aws_vpc.logged.id
  service_name = "com.amazonaws.\${var.region}.\${each.value}"
}

resource "aws_vpc" "igw" {}
resource "aws_subnet" "igw" { vpc_id = aws_vpc.igw.id }
resource "aws_internet_gateway" "igw" { vpc_id = aws_vpc.igw.id }
resource "aws_flow_log" "igw" { vpc_id = aws_vpc.igw.id }

resource "aws_vpc" "nat" {}
resource "aws_subnet" "nat" { vpc_id = aws_vpc.nat.id }
resource "aws_nat_gateway" "nat" { subnet_id = aws_subnet.nat.id }
resource "aws_flow_log" "nat" { subnet_id = aws_subnet.nat.id }

resource "aws_vpc" "routed" {}
resource "aws_subnet" "routed" { vpc_id = aws_vpc.routed.id }
resource "aws_route_table" "routed" {
  vpc_id = aws_vpc.routed.id
  route {
    cidr_block         = "0.0.0.0/0"
    transit_gateway_id = var.tgw_id
  }
}
resource "aws_flow_log" "routed" { vpc_id = aws_vpc.routed.id }

resource "aws_ecs_task_definition" "web" {
  container_definitions = jsonencode([{ name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", logConfiguration = { logDriver = "awslogs" } }])
}

resource "aws_ecs_service" "logged" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = [aws_subnet.logged.id] }
}
resource "aws_ecs_service" "igw" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = [aws_subnet.igw.id] }
}
resource "aws_ecs_service" "nat" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = [aws_subnet.nat.id] }
}
resource "aws_ecs_service" "routed" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = [aws_subnet.routed.id] }
}
resource "aws_ecs_service" "module" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = module.vpc.private_subnets }
}
resource "aws_ecs_service" "data" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = data.aws_subnets.private.ids }
}
resource "aws_ecs_service" "local" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = local.subnets }
}
resource "aws_ecs_service" "var" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = var.subnets }
}
`,
    },
    expect: [],
    silent: ['vpc/flow-logs', 'vpc/private-endpoints'],
  },
  {
    name: 'an aws_flow_log of an unknown VPC (a variable) may be this one: silent',
    only: ['vpc/flow-logs', 'vpc/private-endpoints'],
    files: {
      'main.tf': `resource "aws_vpc" "main" {}
resource "aws_subnet" "a" { vpc_id = aws_vpc.main.id }
resource "aws_internet_gateway" "gw" { vpc_id = aws_vpc.main.id }
resource "aws_flow_log" "shared" { vpc_id = var.vpc_id }
resource "aws_ecs_service" "web" {
  network_configuration { subnets = [aws_subnet.a.id] }
}
`,
    },
    expect: [],
    silent: ['vpc/flow-logs', 'vpc/private-endpoints'],
  },
  // ---- mesh/service-connect-tls, mesh/app-mesh-tls ----
  {
    name: 'Service Connect without tls; App Mesh nodes without listener TLS or backend enforcement',
    only: ['mesh/service-connect-tls', 'mesh/app-mesh-tls'],
    files: {
      'main.tf': `resource "aws_ecs_service" "api" {
  service_connect_configuration {
    enabled   = true
    namespace = aws_service_discovery_http_namespace.main.arn
    service {
      port_name      = "http"
      discovery_name = "api"
      client_alias {
        port = 8080
      }
    }
    service {
      port_name = "grpc"
      tls {
        issuer_cert_authority {
          aws_pca_authority_arn = var.pca_arn
        }
        role_arn = aws_iam_role.sc_tls.arn
      }
    }
  }
}

resource "aws_appmesh_virtual_node" "plain" {
  name      = "plain"
  mesh_name = aws_appmesh_mesh.main.id
  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
    }
    backend {
      virtual_service {
        virtual_service_name = "db.local"
      }
    }
  }
}

resource "aws_appmesh_virtual_node" "permissive" {
  name      = "permissive"
  mesh_name = aws_appmesh_mesh.main.id
  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      tls {
        mode = "PERMISSIVE"
        certificate {
          acm {
            certificate_arn = var.cert_arn
          }
        }
      }
    }
    backend {
      virtual_service {
        virtual_service_name = "db.local"
      }
    }
    backend_defaults {
      client_policy {
        tls {
          enforce = false
          validation {
            trust {
              acm {
                certificate_authority_arns = [var.ca_arn]
              }
            }
          }
        }
      }
    }
  }
}
`,
    },
    expect: [
      { rule: 'mesh/service-connect-tls', file: 'main.tf', at: 'port_name      = "http"', related: [], message: /^aws_ecs_service\.api: Service Connect publishes "http" without a tls block/ },
      { rule: 'mesh/app-mesh-tls', file: 'main.tf', at: 'port_mapping {\n        port     = 8080\n        protocol = "http"\n      }\n    }\n    backend {\n      virtual_service {\n        virtual_service_name = "db.local"\n      }\n    }\n  }', related: [], message: /^aws_appmesh_virtual_node\.plain: a listener has no tls block/ },
      { rule: 'mesh/app-mesh-tls', file: 'main.tf', at: 'backend {\n      virtual_service {\n        virtual_service_name = "db.local"\n      }\n    }\n  }\n}\n\nresource "aws_appmesh_virtual_node" "permissive"', related: [], message: /backend_defaults \{ client_policy \{ tls \{ enforce \} \} \}/ },
      { rule: 'mesh/app-mesh-tls', file: 'main.tf', at: '"PERMISSIVE"', related: [], message: /accepts plain text \(tls mode PERMISSIVE\)/ },
      { rule: 'mesh/app-mesh-tls', file: 'main.tf', at: 'false', related: [] },
    ],
  },
  {
    name: 'mesh negatives: STRICT with enforcement by default, a backend\'s own policy, unknown mode, dynamic service blocks, Service Connect off',
    only: ['mesh/service-connect-tls', 'mesh/app-mesh-tls'],
    files: {
      'main.tf': `resource "aws_ecs_service" "off" {
  service_connect_configuration {
    enabled = false
    service {
      port_name = "http"
    }
  }
}

resource "aws_ecs_service" "var" {
  service_connect_configuration {
    enabled = var.service_connect
    service {
      port_name = "http"
    }
  }
}

resource "aws_ecs_service" "dynamic" {
  service_connect_configuration {
    enabled = true
    dynamic "service" {
      for_each = var.ports
      content {
        port_name = service.value
      }
    }
  }
}

resource "aws_appmesh_virtual_node" "strict" {
  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      tls {
        mode = "STRICT"
      }
    }
    backend {
      virtual_service {
        virtual_service_name = "db.local"
      }
    }
    backend_defaults {
      client_policy {
        tls {
          validation {
            trust {
              file {
                certificate_chain = "/certs/ca.pem"
              }
            }
          }
        }
      }
    }
  }
}

resource "aws_appmesh_virtual_node" "own_policy" {
  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      tls {
        mode = var.tls_mode
      }
    }
    backend {
      virtual_service {
        virtual_service_name = "db.local"
        client_policy {
          tls {
            enforce = true
          }
        }
      }
    }
  }
}

resource "aws_appmesh_virtual_node" "dynamic_spec" {
  dynamic "spec" {
    for_each = [1]
    content {}
  }
}
`,
    },
    expect: [],
    silent: ['mesh/service-connect-tls', 'mesh/app-mesh-tls'],
  },
  // ---- from real modules (ericdahl/hello-ecs-app-mesh, cloudposse/terraform-aws-ecs-cluster, terraform-aws-modules/vpc) ----
  {
    name: 'real: an Auto Scaling group\'s mixed instances policy runs a launch template whose user data joins the cluster (info: the AMI decides)',
    files: {
      'ec2_ecs_cluster.tf': `resource "aws_autoscaling_group" "default" {
  min_size = 5
  max_size = 5
  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.default.id
        version            = aws_launch_template.default.latest_version
      }
    }
  }
}

resource "aws_launch_template" "default" {
  name          = local.name
  image_id      = data.aws_ssm_parameter.ecs_amazon_linux_2.value
  instance_type = "t3a.medium"

  user_data = base64encode(<<EOF
#!/bin/bash
echo "ECS_CLUSTER=\${local.name}" >> /etc/ecs/ecs.config
EOF
  )

}
`,
    },
    only: ['instance/imdsv2', 'instance/awsvpc-block-imds'],
    expect: [
      { rule: 'instance/imdsv2', file: 'ec2_ecs_cluster.tf', at: '"default" {\n  name', related: [{ file: 'ec2_ecs_cluster.tf', all: true, text: 'base64encode(<<EOF\n#!/bin/bash\necho "ECS_CLUSTER=${local.name}" >> /etc/ecs/ecs.config\nEOF\n  )' }], severity: 'info' },
    ],
  },
  {
    name: 'real: exec logging from variables and a dynamic log_configuration is unknown; kms_key_id = null is no key',
    files: {
      'main.tf': `resource "aws_ecs_cluster" "default" {
  count = local.enabled ? 1 : 0
  name  = module.this.id
  configuration {
    execute_command_configuration {
      kms_key_id = var.kms_key_id
      logging    = "OVERRIDE"
      dynamic "log_configuration" {
        for_each = var.logging == "OVERRIDE" ? [var.log_configuration] : []
        content {
          cloud_watch_log_group_name = log_configuration.value["cloud_watch_log_group_name"]
        }
      }
    }
  }
}

resource "aws_ecs_cluster" "null_key" {
  configuration {
    execute_command_configuration {
      kms_key_id = null
      logging    = "NONE"
    }
  }
}

resource "aws_ecs_service" "b" {
  cluster                = aws_ecs_cluster.null_key.id
  enable_execute_command = true
}

resource "aws_ecs_service" "a" {
  cluster                = aws_ecs_cluster.default[0].id
  enable_execute_command = true
}
`,
    },
    only: ['cluster/exec-logging'],
    expect: [
      { rule: 'cluster/exec-logging', file: 'main.tf', at: 'true\n}\n\nresource "aws_ecs_service" "a"', related: [{ file: 'main.tf', text: '"NONE"' }] },
    ],
  },
  {
    name: 'real: interface endpoints created with for_each from a map (service_name = each.value) are unknown',
    files: {
      'main.tf': `locals {
  interface_services = {
    ecr_api = "com.amazonaws.\${var.region}.ecr.api"
    ecr_dkr = "com.amazonaws.\${var.region}.ecr.dkr"
  }
}

resource "aws_vpc" "this" {}
resource "aws_subnet" "private" { vpc_id = aws_vpc.this.id }
resource "aws_flow_log" "this" { vpc_id = aws_vpc.this.id }

resource "aws_vpc_endpoint" "interface" {
  for_each     = local.interface_services
  vpc_id       = aws_vpc.this.id
  service_name = each.value
}

resource "aws_ecs_task_definition" "web" {
  container_definitions = jsonencode([{ name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1" }])
}

resource "aws_ecs_service" "web" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = [aws_subnet.private.id] }
}
`,
    },
    only: ['vpc/flow-logs', 'vpc/private-endpoints'],
    expect: [],
  },
  {
    name: 'real: a VPC passed to a flow-log or endpoints module (terraform-aws-modules/vpc submodules) may get them there; any other module does not log it',
    files: {
      'main.tf': `resource "aws_vpc" "main" {}
resource "aws_subnet" "a" { vpc_id = aws_vpc.main.id }

module "vpc_endpoints" {
  source  = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  vpc_id  = aws_vpc.main.id
  subnets = [aws_subnet.a.id]
}

module "flow_log" {
  source = "terraform-aws-modules/vpc/aws//modules/flow-log"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc" "other" {}
resource "aws_subnet" "b" { vpc_id = aws_vpc.other.id }

module "alb" {
  source = "terraform-aws-modules/alb/aws"
  vpc_id = aws_vpc.other.id
}

resource "aws_ecs_task_definition" "web" {
  container_definitions = jsonencode([{ name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1" }])
}

resource "aws_ecs_service" "a" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = [aws_subnet.a.id] }
}

resource "aws_ecs_service" "b" {
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration { subnets = [aws_subnet.b.id] }
}
`,
    },
    only: ['vpc/flow-logs', 'vpc/private-endpoints'],
    expect: [
      { rule: 'vpc/flow-logs', file: 'main.tf', at: '"other"', related: [{ file: 'main.tf', text: '"b" {\n  task_definition' }] },
    ],
  },
];

function place(files: Files, p: Place): { offset: number; length: number } {
  const text = files[p.file];
  const at = text.indexOf(p.text);
  assert.ok(at >= 0, `${p.text} not in ${p.file}`);
  // Needles that carry context to be unique: the range is their first token (a quoted string or a reference).
  const token = p.all ? p.text : /^("[^"]*"|[\w.[\]-]+)/.exec(p.text)![0];
  return { offset: at, length: token.length };
}

describe('deployment rules: multi-file Terraform modules', () => {
  for (const c of CASES) {
    for (const file of Object.keys(c.files)) {
      it(`${c.name}: ${file}`, () => {
        const siblings = Object.entries(c.files).filter(([n]) => n !== file).map(([fileName, text]) => ({ fileName, text }));
        const res = lint(c.files[file], { fileName: file, siblings });
        assert.equal(res.kind, 'terraform');
        const mine = res.findings.filter((f: Finding) => (c.only ? c.only.includes(f.ruleId) : IDS.has(f.ruleId)));
        const want = c.expect.filter((e) => e.file === file);
        assert.deepEqual(mine.map((f) => `${f.ruleId}@${f.offset}+${f.length}`).sort(), want.map((e) => { const p = place(c.files, { file, text: e.at, all: e.all }); return `${e.rule}@${p.offset}+${p.length}`; }).sort());
        for (const e of want) {
          const p = place(c.files, { file, text: e.at, all: e.all });
          // Two findings at one place (one per other end) are told apart by their related locations.
          const related = (f: Finding) => (f.related ?? []).map((r) => ({ file: r.fileName ?? file, offset: r.offset, length: r.length }));
          const wantRelated = e.related.map((r) => ({ file: r.file, ...place(c.files, r) }));
          const at = mine.filter((x) => x.ruleId === e.rule && x.offset === p.offset);
          const f = at.find((x) => JSON.stringify(related(x)) === JSON.stringify(wantRelated)) ?? at[0];
          if (e.message) assert.match(f.message, e.message);
          if (e.severity) assert.equal(f.severity, e.severity);
          assert.deepEqual(related(f), wantRelated);
        }
        for (const id of c.silent ?? []) assert.equal(res.findings.filter((f) => f.ruleId === id).length, 0, id);
      });
    }
  }
});

describe('deployment rules: Terraform quick fixes', () => {
  /** The fixes of one rule's findings, applied one by one, and the file linted again. */
  const fixOf = (text: string, ruleId: string, opts: { siblings?: { fileName: string; text: string }[]; n?: number } = {}) => {
    const f = lint(text, { fileName: 'main.tf', siblings: opts.siblings }).findings.filter((x) => x.ruleId === ruleId)[opts.n ?? 0];
    assert.ok(f, `a ${ruleId} finding`);
    return f;
  };
  const apply = (text: string, ruleId: string, n = 0) => {
    const f = fixOf(text, ruleId, { n });
    assert.equal(f.fixes?.length, 1, `one fix for ${ruleId}`);
    return { out: applyEdits(text, f.fixes![0].edits), fix: f.fixes![0] };
  };
  const clean = (text: string, ruleId: string) => assert.deepEqual(lint(text, { fileName: 'main.tf' }).findings.filter((x) => x.ruleId === ruleId || x.ruleId === 'json/syntax-error'), []);

  it('ecr/immutable-tags adds image_tag_mutability (offered, not preferred) or replaces MUTABLE', () => {
    const src = 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n';
    const { out, fix } = apply(src, 'ecr/immutable-tags');
    assert.equal(out, 'resource "aws_ecr_repository" "app" {\n  name = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n');
    assert.equal(fix.safe, false);
    assert.equal(fix.preferred, undefined);
    clean(out, 'ecr/immutable-tags');
    const mutable = 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "MUTABLE"\n}\n';
    assert.equal(apply(mutable, 'ecr/immutable-tags').out, mutable.replace('"MUTABLE"', '"IMMUTABLE"'));
  });

  it('ecr/scan-on-push adds the image_scanning_configuration block (preferred) or sets scan_on_push', () => {
    const src = 'resource "aws_ecr_repository" "app" {\n    name = "app"\n}\n';
    const { out, fix } = apply(src, 'ecr/scan-on-push');
    assert.equal(out, 'resource "aws_ecr_repository" "app" {\n    name = "app"\n    image_scanning_configuration {\n        scan_on_push = true\n    }\n}\n');
    assert.equal(fix.safe, true);
    assert.equal(fix.preferred, true);
    clean(out, 'ecr/scan-on-push');
    const off = 'resource "aws_ecr_repository" "app" {\n  image_scanning_configuration {\n    scan_on_push = false\n  }\n}\n';
    assert.equal(apply(off, 'ecr/scan-on-push').out, off.replace('false', 'true'));
    const empty = 'resource "aws_ecr_repository" "app" {\n  image_scanning_configuration {\n  }\n}\n';
    assert.equal(apply(empty, 'ecr/scan-on-push').out, 'resource "aws_ecr_repository" "app" {\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n');
  });

  it('cluster/container-insights adds the setting block, opens an empty {} and enables a disabled setting', () => {
    const src = 'resource "aws_ecs_cluster" "main" {\n  name = "main"\n}\n';
    const { out, fix } = apply(src, 'cluster/container-insights');
    assert.equal(out, 'resource "aws_ecs_cluster" "main" {\n  name = "main"\n  setting {\n    name  = "containerInsights"\n    value = "enabled"\n  }\n}\n');
    assert.equal(fix.safe, false, 'adds cost');
    clean(out, 'cluster/container-insights');
    const empty = 'resource "aws_ecs_cluster" "main" {}\n';
    const opened = apply(empty, 'cluster/container-insights').out;
    assert.equal(opened, 'resource "aws_ecs_cluster" "main" {\n  setting {\n    name  = "containerInsights"\n    value = "enabled"\n  }\n}\n');
    clean(opened, 'cluster/container-insights');
    const disabled = 'resource "aws_ecs_cluster" "main" {\n\tsetting {\n\t\tname  = "containerInsights"\n\t\tvalue = "disabled"\n\t}\n}\n';
    assert.equal(apply(disabled, 'cluster/container-insights').out, disabled.replace('"disabled"', '"enabled"'));
    const tabs = 'resource "aws_ecs_cluster" "main" {\n\tname = "main"\n}\n';
    assert.equal(apply(tabs, 'cluster/container-insights').out, 'resource "aws_ecs_cluster" "main" {\n\tname = "main"\n\tsetting {\n\t\tname  = "containerInsights"\n\t\tvalue = "enabled"\n\t}\n}\n');
  });

  const CP = 'resource "aws_autoscaling_group" "ecs" {\n  launch_template {\n    id = aws_launch_template.ecs.id\n  }\n}\n\nresource "aws_ecs_capacity_provider" "ec2" {\n  auto_scaling_group_provider {\n    auto_scaling_group_arn = aws_autoscaling_group.ecs.arn\n  }\n}\n';

  it('instance/imdsv2 requires IMDSv2: replaces optional, adds http_tokens aligned in metadata_options, or adds the block; one hop', () => {
    const optional = `resource "aws_launch_template" "ecs" {\n  metadata_options {\n    http_tokens                 = "optional"\n    http_put_response_hop_limit = 2\n  }\n}\n\n${CP}`;
    const { out, fix } = apply(optional, 'instance/imdsv2');
    assert.equal(out, optional.replace('"optional"', '"required"'));
    assert.equal(fix.safe, false);
    const hop = apply(out, 'instance/imdsv2').out;
    assert.match(hop, /http_put_response_hop_limit = 1\n/);
    clean(hop, 'instance/imdsv2');

    const partial = `resource "aws_launch_template" "ecs" {\n  metadata_options {\n    http_endpoint               = "enabled"\n    http_put_response_hop_limit = 1\n  }\n}\n\n${CP}`;
    const added = apply(partial, 'instance/imdsv2').out;
    assert.match(added, /http_put_response_hop_limit = 1\n    http_tokens                 = "required"\n  \}/);
    clean(added, 'instance/imdsv2');

    const none = `resource "aws_launch_template" "ecs" {\n  name_prefix = "ecs-"\n}\n\n${CP}`;
    const block = apply(none, 'instance/imdsv2').out;
    assert.equal(block.slice(0, block.indexOf('\n\n')), 'resource "aws_launch_template" "ecs" {\n  name_prefix = "ecs-"\n  metadata_options {\n    http_tokens = "required"\n  }\n}');
    clean(block, 'instance/imdsv2');
  });

  it('no fix in a sibling file, none on a file with a syntax error, CRLF kept', () => {
    const lt = 'resource "aws_launch_template" "ecs" {\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n';
    const inCluster = lint(CP, { fileName: 'cluster.tf', siblings: [{ fileName: 'compute.tf', text: lt }] }).findings.filter((f) => f.ruleId === 'instance/imdsv2');
    assert.equal(inCluster.length, 1);
    assert.equal(inCluster[0].fixes, undefined, 'the edit would be in compute.tf');
    const inCompute = lint(lt, { fileName: 'compute.tf', siblings: [{ fileName: 'cluster.tf', text: CP }] }).findings.filter((f) => f.ruleId === 'instance/imdsv2');
    assert.equal(inCompute[0].fixes?.length, 1);

    const broken = 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n\nresource "aws_ecs_cluster" "x" {\n  name = \n';
    const findings = lint(broken, { fileName: 'main.tf' }).findings;
    assert.ok(findings.some((f) => f.ruleId === 'json/syntax-error'));
    assert.ok(findings.some((f) => f.ruleId === 'ecr/immutable-tags'));
    assert.ok(findings.filter((f) => f.ruleId.startsWith('ecr/')).every((f) => !f.fixes));

    const crlf = 'resource "aws_ecr_repository" "app" {\r\n  name = "app"\r\n}\r\n';
    assert.equal(apply(crlf, 'ecr/scan-on-push').out, 'resource "aws_ecr_repository" "app" {\r\n  name = "app"\r\n  image_scanning_configuration {\r\n    scan_on_push = true\r\n  }\r\n}\r\n');
  });

  it('a one-line block with content gets no fix rather than a wrong edit', () => {
    const f = fixOf('resource "aws_ecr_repository" "app" { name = "app" }\n', 'ecr/scan-on-push');
    assert.equal(f.fixes, undefined);
  });

  it('a module of n files linted file by file parses each file once per text, not n times', () => {
    const files = Array.from({ length: 6 }, (_, i) => ({ fileName: `f${i}.tf`, text: `resource "aws_ecr_repository" "r${i}" {\n  name = "r${i}-${Date.now()}"\n}\n` }));
    const parser = hclParser as { parseHcl: typeof hclParser.parseHcl };
    const original = parser.parseHcl;
    let calls = 0;
    parser.parseHcl = (t) => { calls++; return original(t); };
    try {
      for (const f of files) lint(f.text, { fileName: f.fileName, siblings: files.filter((x) => x !== f) });
      // Each file's own (host) parse, plus each sibling once; before, every lint parsed all its siblings again.
      assert.equal(calls, files.length + (files.length - 1));
      calls = 0;
      const edited = { ...files[0], text: files[0].text.replace('name', 'name ') };
      lint(files[1].text, { fileName: files[1].fileName, siblings: [edited, ...files.slice(2)] });
      assert.equal(calls, 2, 'the linted file and the edited sibling');
    } finally {
      parser.parseHcl = original;
    }
  });

  it('the model of the linted file is built from the host parse (parsed once)', () => {
    const text = 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n';
    assert.equal(terraformModel([{ fileName: 'main.tf', text }]).resources.length, 1);
    // Given a body, the model reads it and does not parse the text again.
    assert.equal(terraformModel([{ fileName: 'main.tf', text, body: { items: [] } }]).resources.length, 0);
  });
});
