import type { JsonNode, Rule } from '../core/types';
import { booleanValue, child, elements, keyNode, propertyRange, type Range, rangeOf, stringList, stringValue } from '../core/json';
import { containerLabel, taskView, type TaskView } from './model';
import { isTemplated } from './util-task';
import { describeMemory, FARGATE_SIZES, parseCpu, parseMemory } from './util-fargate';

const LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

export const fargateCompat: Rule = {
  meta: {
    id: 'task/fargate-compat',
    kinds: ['task-definition'],
    defaultSeverity: 'error',
    description: 'A task definition that requires FARGATE must only use settings Fargate accepts.',
    references: ['cfn-lint E3048, E3047', 'Amazon ECS task definition differences for Fargate', 'KICS f4c9b5f5-68b8-491f-9e48-4f96644a1d51'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view?.def || !view.requiresFargate) return;
    const def = view.def;
    const fargateNode = stringList(child(def, 'requiresCompatibilities')).find((c) => c.value.toUpperCase() === 'FARGATE')!.node;
    const report = (r: Range, message: string) => ctx.report({ message: `Fargate: ${message}`, ...r });

    if (!view.networkModeNode) report(rangeOf(fargateNode), 'networkMode must be "awsvpc"; it is not set (EC2 default "bridge").');
    else if (view.networkMode !== 'awsvpc') report(rangeOf(view.networkModeNode), `networkMode must be "awsvpc", not ${JSON.stringify(view.networkMode ?? view.networkModeNode.value ?? null)}.`);

    if (stringValue(child(def, 'pidMode')) === 'host') report(rangeOf(child(def, 'pidMode')!), 'pidMode "host" is not supported (only "task").');
    if (elements(child(def, 'placementConstraints')).length > 0) report(rangeOf(keyNode(def, 'placementConstraints')!), 'placementConstraints are not supported.');

    elements(child(def, 'volumes')).forEach((vol) => {
      const sp = child(child(vol, 'host'), 'sourcePath');
      // `host: {}` (a Docker-managed bind mount) is fine; a host path is not.
      if (sp && sp.type !== 'null') report(propertyRange(child(vol, 'host'), 'sourcePath')!, 'host volumes with a sourcePath are not supported (use a bind mount without sourcePath, or EFS).');
    });

    for (const c of view.containers) checkContainer(c.node, containerLabel(c), report);
    checkSize(view, fargateNode, report);
  },
};

function checkContainer(node: JsonNode, label: string, report: (r: Range, m: string) => void): void {
  if (booleanValue(child(node, 'privileged')) === true) report(propertyRange(node, 'privileged')!, `${label}: privileged containers are not supported.`);
  const lp = child(node, 'linuxParameters');
  if (elements(child(lp, 'devices')).length > 0) report(rangeOf(keyNode(lp, 'devices')!), `${label}: linuxParameters.devices is not supported.`);
  for (const cap of stringList(child(child(lp, 'capabilities'), 'add'))) {
    if (cap.value.toUpperCase().replace(/^CAP_/, '') !== 'SYS_PTRACE') report(rangeOf(cap.node), `${label}: only SYS_PTRACE can be added to capabilities, not ${JSON.stringify(cap.value)}.`);
  }
  const driverNode = child(child(node, 'logConfiguration'), 'logDriver');
  const driver = stringValue(driverNode);
  if (driver && !LOG_DRIVERS.includes(driver)) report(rangeOf(driverNode!), `${label}: log driver "${driver}" is not supported (use ${LOG_DRIVERS.join(', ')}).`);
}

function checkSize(view: TaskView, fargateNode: JsonNode, report: (r: Range, m: string) => void): void {
  const cpuNode = child(view.def, 'cpu');
  const memNode = child(view.def, 'memory');
  // "${CPU}" and the like are filled in at deploy time.
  if ([cpuNode, memNode].some((n) => n?.type === 'string' && isTemplated(n.value as string))) return;
  if (!cpuNode || cpuNode.type === 'null') report(rangeOf(fargateNode), 'task-level "cpu" is required.');
  if (!memNode || memNode.type === 'null') report(rangeOf(fargateNode), 'task-level "memory" is required.');
  const cpu = parseCpu(cpuNode);
  const mem = parseMemory(memNode);
  if (cpuNode && cpuNode.type !== 'null' && (cpu === undefined || !FARGATE_SIZES.has(cpu))) {
    report(rangeOf(cpuNode), `cpu ${JSON.stringify(cpuNode.value ?? null)} is not a Fargate size (256, 512, 1024, 2048, 4096, 8192, 16384 or ".25 vCPU" ... "16 vCPU").`);
    return;
  }
  if (cpu === undefined || !memNode || memNode.type === 'null') return;
  if (mem === undefined || !FARGATE_SIZES.get(cpu)!.includes(mem)) {
    report(rangeOf(memNode), `memory ${JSON.stringify(memNode.value ?? null)} is not valid with cpu ${cpu}; allowed MiB: ${describeMemory(cpu)}.`);
  }
}
