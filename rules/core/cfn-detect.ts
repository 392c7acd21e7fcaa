// Recognise CloudFormation templates (JSON trees and YAML text) for kind detection. Pure and cheap: YAML is only
// parsed by rules/hosts once this says yes.
import type { JsonNode } from './types';

const RESOURCE_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

export function isCloudFormationJsonRoot(root: JsonNode | undefined): boolean {
  if (!root || root.type !== 'object') return false;
  const keys = new Map((root.children ?? []).map((p) => [p.children?.[0]?.value, p.children?.[1]]));
  if (keys.has('AWSTemplateFormatVersion')) return true;
  const res = keys.get('Resources');
  if (!res || res.type !== 'object' || !res.children?.length) return false;
  return res.children.every((p) => {
    const r = p.children?.[1];
    const type = r?.children?.find((q) => q.children?.[0]?.value === 'Type')?.children?.[1];
    return type?.type === 'string' && (RESOURCE_TYPE.test(type.value) || /^Custom::/.test(type.value));
  });
}

/** Cheap text test for YAML templates (the document is parsed only when this says yes). */
export function looksLikeCloudFormationYaml(text: string): boolean {
  if (/^AWSTemplateFormatVersion\s*:/m.test(text)) return true;
  return /^Resources\s*:/m.test(text) && /^\s+Type\s*:\s*['"]?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/m.test(text);
}
