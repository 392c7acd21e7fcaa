variable "name" {
  type        = string
  description = "Service name, also the task family and log group suffix"
  default     = "reports"
}

variable "cluster_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
