// Deployment rules over multi-file Terraform modules: each file linted with the others as siblings; a finding sits
// where it is fixed, and in the other file at its own end, each pointing at the other. Variables, data sources and
// module outputs are unknown: never a finding.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../rules';
import { deploymentRules } from '../../rules/deployment/rules';
import { lint } from '../helpers';

const IDS = new Set(deploymentRules.map((r) => r.meta.id));
type Files = Record<string, string>;
interface Place { file: string; text: string }
interface Expect { rule: string; file: string; at: string; related: Place[]; message?: RegExp }
interface TfCase { name: string; files: Files; expect: Expect[]; silent?: string[] }

const NETWORK = `resource "aws_security_group" "lb" {
  name = "lb"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "tasks" {
  name = "tasks"
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16", "0.0.0.0/0"]
  }
}

resource "aws_lb" "public" {
  load_balancer_type = "application"
  security_groups    = [aws_security_group.lb.id]
  subnets            = var.public_subnets
  access_logs {
    bucket  = var.log_bucket
    enabled = true
  }
}

resource "aws_lb_target_group" "app" {
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
`;

const SERVICE = `resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.web.arn
  network_configuration {
    subnets         = var.private_subnets
    security_groups = [aws_security_group.tasks.id]
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 8080
  }
}
`;

const ROLES = `resource "aws_iam_role" "task" {
  name = "task"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.task.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_ecs_task_definition" "web" {
  family                = "web"
  network_mode          = "awsvpc"
  task_role_arn         = aws_iam_role.task.arn
  container_definitions = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.27", essential = true }])
}
`;

const CASES: TfCase[] = [
  {
    name: 'a security group in network.tf reaches the tasks of a service in service.tf',
    files: { 'network.tf': NETWORK, 'service.tf': SERVICE },
    expect: [
      {
        rule: 'network/task-world-ingress', file: 'network.tf', at: '"0.0.0.0/0"]\n  }\n}\n\nresource "aws_lb"',
        related: [{ file: 'service.tf', text: 'aws_security_group.tasks.id' }, { file: 'network.tf', text: '"lb"' }],
        message: /^aws_security_group\.tasks: this security group admits 0\.0\.0\.0\/0 on port 8080, and it reaches the tasks of aws_ecs_service\.web\. Behind the load balancer, admit only its security group \(aws_security_group\.lb\)/,
      },
      {
        rule: 'network/task-world-ingress', file: 'service.tf', at: 'aws_security_group.tasks.id',
        related: [{ file: 'network.tf', text: '"0.0.0.0/0"]\n  }\n}\n\nresource "aws_lb"' }, { file: 'network.tf', text: '"lb"' }],
        message: /^aws_security_group\.tasks: /,
      },
    ],
  },
  {
    name: 'world-open SSH and RDP through aws_security_group_rule and aws_vpc_security_group_ingress_rule',
    files: {
      'main.tf': `resource "aws_security_group" "hosts" {
  name = "hosts"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.hosts.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.hosts.id
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
  cidr_ipv6         = "::/0"
}
`,
    },
    expect: [
      { rule: 'network/admin-port-open', file: 'main.tf', at: '"0.0.0.0/0"', related: [{ file: 'main.tf', text: '"hosts"' }], message: /^aws_security_group_rule\.ssh: this rule of security group aws_security_group\.hosts admits 0\.0\.0\.0\/0 to SSH \(port 22\)/ },
      { rule: 'network/admin-port-open', file: 'main.tf', at: '"::/0"', related: [{ file: 'main.tf', text: '"hosts"' }], message: /RDP \(port 3389\)/ },
    ],
  },
  {
    name: 'unknown: a variable CIDR, a data source group, a module output, a dynamic ingress block',
    files: {
      'main.tf': `resource "aws_security_group" "a" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}

resource "aws_security_group" "b" {
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_ecs_service" "web" {
  name = "web"
  network_configuration {
    subnets         = var.subnets
    security_groups = [data.aws_security_group.shared.id, module.network.tasks_sg_id, aws_security_group.b.id]
  }
}
`,
    },
    expect: [],
    silent: ['network/task-world-ingress', 'network/admin-port-open'],
  },
  {
    name: 'a task role with AdministratorAccess attached by aws_iam_role_policy_attachment, trusted by EC2',
    files: { 'roles.tf': ROLES },
    expect: [
      { rule: 'role/admin-policy', file: 'roles.tf', at: '"arn:aws:iam::aws:policy/AdministratorAccess"', related: [{ file: 'roles.tf', text: 'aws_iam_role.task.arn' }], message: /^aws_iam_role_policy_attachment\.admin: AdministratorAccess is attached to role aws_iam_role\.task, which ECS tasks assume: aws_ecs_task_definition\.web \(task role\)/ },
      { rule: 'role/task-trust', file: 'roles.tf', at: 'assume_role_policy', related: [{ file: 'roles.tf', text: 'aws_iam_role.task.arn' }], message: /trusts ec2\.amazonaws\.com/ },
    ],
  },
  {
    name: 'unknown roles: a variable role ARN, a trust policy from a policy document data source',
    files: {
      'main.tf': `resource "aws_iam_role" "task" {
  assume_role_policy  = data.aws_iam_policy_document.trust.json
  managed_policy_arns = [var.policy_arn]
}

resource "aws_ecs_task_definition" "a" {
  family        = "a"
  task_role_arn = aws_iam_role.task.arn
}

resource "aws_ecs_task_definition" "b" {
  family        = "b"
  task_role_arn = var.task_role_arn
}
`,
    },
    expect: [],
    silent: ['role/admin-policy', 'role/task-trust'],
  },
  {
    name: 'an execution role granted s3:PutObject by aws_iam_role_policy; a pull-only inline policy is fine',
    files: {
      'iam.tf': `resource "aws_iam_role" "exec" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  inline_policy {
    name   = "pull"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["ecr:GetAuthorizationToken", "ecr:BatchGetImage"], Resource = "*" }] })
  }
}

resource "aws_iam_role_policy" "extra" {
  role   = aws_iam_role.exec.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["logs:PutLogEvents", "s3:PutObject"], Resource = "*" }] })
}
`,
      'task.tf': `resource "aws_ecs_task_definition" "web" {
  family             = "web"
  execution_role_arn = aws_iam_role.exec.arn
}
`,
    },
    expect: [
      { rule: 'role/execution-role-scope', file: 'iam.tf', at: '"s3:PutObject"', related: [{ file: 'task.tf', text: 'aws_iam_role.exec.arn' }], message: /^aws_iam_role_policy\.extra: "s3:PutObject" is granted to the execution role of aws_ecs_task_definition\.web/ },
      { rule: 'role/execution-role-scope', file: 'task.tf', at: 'aws_iam_role.exec.arn', related: [{ file: 'iam.tf', text: '"s3:PutObject"' }] },
    ],
  },
  {
    name: 'repositories, clusters and load balancers: the single-resource settings',
    files: {
      'main.tf': `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.public.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

resource "aws_lb" "public" {
  load_balancer_type = "application"
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.public.arn
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
}

resource "aws_lb_listener" "redirect" {
  load_balancer_arn = aws_lb.public.arn
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb" "private" {
  internal = true
}

resource "aws_lb_listener" "internal" {
  load_balancer_arn = aws_lb.private.arn
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository" "hardened" {
  name                 = "hardened"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecs_cluster" "main" {
  name = "main"
}

resource "aws_ecs_cluster" "observed" {
  name = "observed"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}
`,
    },
    expect: [
      { rule: 'lb/https-listener', file: 'main.tf', at: '"HTTP"', related: [{ file: 'main.tf', text: '"public"' }, { file: 'main.tf', text: '"tls"' }], message: /^aws_lb_listener\.http: .*Redirect HTTP to the HTTPS listener \(aws_lb_listener\.tls\)/ },
      { rule: 'lb/tls-policy', file: 'main.tf', at: '"ELBSecurityPolicy-2016-08"', related: [], message: /^aws_lb_listener\.tls: ssl_policy ELBSecurityPolicy-2016-08 accepts TLS 1\.0\/1\.1/ },
      { rule: 'lb/access-logs', file: 'main.tf', at: '"public"', related: [] },
      { rule: 'ecr/immutable-tags', file: 'main.tf', at: '"app"', related: [], message: /image_tag_mutability is not set/ },
      { rule: 'ecr/scan-on-push', file: 'main.tf', at: '"app"', related: [] },
      { rule: 'cluster/container-insights', file: 'main.tf', at: '"main"', related: [], message: /setting \{ name = "containerInsights"/ },
    ],
  },
  {
    name: 'count: a reference with an index resolves to the resource',
    files: {
      'main.tf': `resource "aws_security_group" "tasks" {
  count = 2
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_service" "web" {
  count = 2
  network_configuration {
    subnets         = var.subnets
    security_groups = [aws_security_group.tasks[count.index].id]
  }
}
`,
    },
    expect: [{ rule: 'network/task-world-ingress', file: 'main.tf', at: '"0.0.0.0/0"', related: [{ file: 'main.tf', text: 'aws_security_group.tasks[count.index].id' }] }],
  },
];

function place(files: Files, p: Place): { offset: number; length: number } {
  const text = files[p.file];
  const at = text.indexOf(p.text);
  assert.ok(at >= 0, `${p.text} not in ${p.file}`);
  // Needles that carry context to be unique: the range is their first token (a quoted string or a reference).
  const token = /^("[^"]*"|[\w.[\]-]+)/.exec(p.text)![0];
  return { offset: at, length: token.length };
}

describe('deployment rules: multi-file Terraform modules', () => {
  for (const c of CASES) {
    for (const file of Object.keys(c.files)) {
      it(`${c.name}: ${file}`, () => {
        const siblings = Object.entries(c.files).filter(([n]) => n !== file).map(([fileName, text]) => ({ fileName, text }));
        const res = lint(c.files[file], { fileName: file, siblings });
        assert.equal(res.kind, 'terraform');
        const mine = res.findings.filter((f: Finding) => IDS.has(f.ruleId));
        const want = c.expect.filter((e) => e.file === file);
        assert.deepEqual(mine.map((f) => `${f.ruleId}@${f.offset}+${f.length}`).sort(), want.map((e) => { const p = place(c.files, { file, text: e.at }); return `${e.rule}@${p.offset}+${p.length}`; }).sort());
        for (const e of want) {
          const p = place(c.files, { file, text: e.at });
          const f = mine.find((x) => x.ruleId === e.rule && x.offset === p.offset)!;
          if (e.message) assert.match(f.message, e.message);
          assert.deepEqual((f.related ?? []).map((r) => ({ file: r.fileName ?? file, offset: r.offset, length: r.length })),
            e.related.map((r) => ({ file: r.file, ...place(c.files, r) })));
        }
        for (const id of c.silent ?? []) assert.equal(res.findings.filter((f) => f.ruleId === id).length, 0, id);
      });
    }
  }

  it('a module edit in one file changes the other file\'s findings (the engine reads only what it is given)', () => {
    const siblings = [{ fileName: 'network.tf', text: NETWORK.replace('"10.0.0.0/16", "0.0.0.0/0"', '"10.0.0.0/16"') }];
    assert.equal(lint(SERVICE, { fileName: 'service.tf', siblings }).findings.filter((f) => f.ruleId === 'network/task-world-ingress').length, 0);
    assert.equal(lint(SERVICE, { fileName: 'service.tf' }).findings.filter((f) => IDS.has(f.ruleId)).length, 0, 'alone, the group is unknown');
  });
});
