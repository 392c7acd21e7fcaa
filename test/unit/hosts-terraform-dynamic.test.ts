// Terraform `dynamic` blocks are generated at plan time: their statements, conditions and volumes are unknown, never
// an empty list, while the static blocks beside them are still checked.
import * as assert from 'node:assert/strict';
import { flagged, lint } from '../helpers';

const of = (src: string, label: string) => lint(src, { fileName: 'iam.tf' }).findings.filter((f) => f.message.startsWith(`${label}: `));

const TRUST = (condition: string) => `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
${condition}  }
}
`;

describe('hosts: Terraform dynamic blocks', () => {
  it('a policy document of dynamic statements only gives no finding (not an empty policy)', () => {
    const src = `data "aws_iam_policy_document" "p" {
  dynamic "statement" {
    for_each = var.statements
    content {
      actions   = statement.value.actions
      resources = ["*"]
    }
  }
}
`;
    assert.deepEqual(of(src, 'data.aws_iam_policy_document.p').map((f) => f.ruleId), []);
  });

  it('static statements beside dynamic ones are still checked', () => {
    const src = `data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::b/*"]
  }
  dynamic "statement" {
    for_each = var.extra
    content {
      actions = ["*"]
    }
  }
}
`;
    const fs = of(src, 'data.aws_iam_policy_document.p');
    assert.deepEqual(fs.map((f) => [f.ruleId, flagged(src, f)]), [['iam/wildcard-action', '"s3:*"']]);
  });

  it('a dynamic condition may hold the confused-deputy keys; a statement without any condition is reported', () => {
    const dynamic = `    dynamic "condition" {
      for_each = var.conditions
      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
    }
`;
    assert.deepEqual(of(TRUST(dynamic), 'data.aws_iam_policy_document.trust').map((f) => f.ruleId), []);
    assert.deepEqual(of(TRUST(''), 'data.aws_iam_policy_document.trust').map((f) => f.ruleId), ['trust/confused-deputy']);
  });

  it('dynamic principals are unknown: no wildcard-principal guess', () => {
    const src = `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    dynamic "principals" {
      for_each = var.principals
      content {
        type        = "AWS"
        identifiers = ["*"]
      }
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["123456789012"]
    }
  }
}
`;
    assert.deepEqual(of(src, 'data.aws_iam_policy_document.trust').filter((f) => f.ruleId.startsWith('trust/')).map((f) => f.ruleId), []);
  });

  it('a dynamic volume is unknown; a static EFS volume without transit encryption beside it is reported', () => {
    const src = `resource "aws_ecs_task_definition" "t" {
  family                = "t"
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "a", image = "a:1" }])
  dynamic "volume" {
    for_each = var.volumes
    content {
      name = volume.key
      efs_volume_configuration {
        file_system_id = volume.value
      }
    }
  }
  volume {
    name = "static"
    efs_volume_configuration {
      file_system_id = "fs-1"
    }
  }
}
`;
    const fs = of(src, 'aws_ecs_task_definition.t').filter((f) => f.ruleId === 'task/efs-transit-encryption');
    assert.equal(fs.length, 1);
    assert.ok(fs[0].offset > src.indexOf('name = "static"'), 'on the static volume');
  });

  it('only dynamic placement constraints may be none: no Fargate finding; a static one is reported', () => {
    const task = (blocks: string) => `resource "aws_ecs_task_definition" "t" {
  family                   = "t"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "a", image = "a:1" }])
${blocks}}
`;
    const dynamic = `  dynamic "placement_constraints" {
    for_each = var.placement_constraints
    content {
      type       = placement_constraints.value.type
      expression = placement_constraints.value.expression
    }
  }
`;
    const fargate = (src: string) => of(src, 'aws_ecs_task_definition.t').filter((f) => f.ruleId === 'task/fargate-compat').map((f) => f.message);
    assert.deepEqual(fargate(task(dynamic)), []);
    assert.equal(fargate(task(`${dynamic}  placement_constraints {\n    type = "memberOf"\n    expression = "attribute:x == y"\n  }\n`)).length, 1);
  });
});
