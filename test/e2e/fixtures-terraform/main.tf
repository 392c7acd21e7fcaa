# The only file of its folder: linted as soon as it is opened, with no Terraform extension installed (Plain Text)
# and no JSON or YAML file opened first.
resource "aws_ecs_task_definition" "agent" {
  family                   = "node-agent"
  requires_compatibilities = ["EC2"]
  network_mode             = "host"
  pid_mode                 = "host"

  container_definitions = jsonencode([
    {
      name                   = "agent"
      image                  = "example/node-agent:latest"
      essential              = true
      privileged             = true
      user                   = "1000"
      readonlyRootFilesystem = true
      linuxParameters        = { capabilities = { drop = ["ALL"] } }
      dockerSecurityOptions  = ["no-new-privileges"]
      logConfiguration = {
        logDriver = "awslogs"
        options   = { "awslogs-group" = "/ecs/node-agent", "awslogs-region" = "us-east-1", "awslogs-stream-prefix" = "agent" }
      }
    }
  ])
}
